/**
 * Health endpoints:
 *   /health        everything: database, Redis (if configured), worker
 *   /health/ready  can serve traffic: database and Redis (if configured)
 *   /health/live   the process answers
 *   /health/ping   "pong"
 */
import { Router, type Response } from "express";
import type { Pool } from "../db/pool.ts";
import type { Redis } from "../lib/infra/redis.ts";

type Status = "ok" | "error" | "stale" | "unknown";
interface Check {
  status: Status;
  latency_ms?: number;
  error?: string;
  [detail: string]: unknown;
}

/** A worker counts as up while its heartbeat (every minute) is this recent. */
export const WORKER_STALE_AFTER_S = 150;
const CHECK_TIMEOUT_MS = 2000;

async function timed(fn: () => Promise<Record<string, unknown> | void>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const details = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", latency_ms: Math.round(performance.now() - started), ...(details ?? {}) };
  } catch (err) {
    return { status: "error", error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRouter(deps: { pool: Pool; redis: Redis | undefined }): Router {
  const { pool, redis } = deps;
  const router = Router();

  const database = () => timed(async () => void (await pool.query("select 1")));
  const cache = () => (redis ? timed(async () => void (await redis.ping())) : undefined);
  const worker = async (): Promise<Check> => {
    const check = await timed(async () => {
      const { rows } = await pool.query<{ last_seen_at: Date | null; age_s: number | null; workers: number }>(
        `select max(last_seen_at) as last_seen_at,
                extract(epoch from now() - max(last_seen_at))::float8 as age_s,
                count(*) filter (where last_seen_at > now() - make_interval(secs => $1))::int as workers
           from app_private.worker_heartbeats`,
        [WORKER_STALE_AFTER_S],
      );
      const row = rows[0]!;
      return { last_seen_at: row.last_seen_at, workers: row.workers };
    });
    if (check.status !== "ok") return check;
    if (check.last_seen_at == null) return { ...check, status: "unknown" };
    return check.workers === 0 ? { ...check, status: "stale" } : check;
  };

  const send = (res: Response, checks: Record<string, Check | undefined>) => {
    const present = Object.fromEntries(Object.entries(checks).filter(([, c]) => c !== undefined)) as Record<string, Check>;
    const ok = Object.values(present).every((c) => c.status === "ok");
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "error", checks: present });
  };

  router.get("/", async (_req, res) => {
    const [db, r, w] = await Promise.all([database(), cache(), worker()]);
    send(res, { database: db, redis: r, worker: w });
  });
  router.get("/ready", async (_req, res) => {
    const [db, r] = await Promise.all([database(), cache()]);
    send(res, { database: db, redis: r });
  });
  router.get("/live", (_req, res) => {
    res.json({ status: "ok", uptime_s: Math.round(process.uptime()) });
  });
  router.get("/ping", (_req, res) => {
    res.type("text/plain").send("pong");
  });
  return router;
}
