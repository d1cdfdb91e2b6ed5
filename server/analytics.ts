/**
 * POST /analytics/v1/events: the fast path for view and like events (the
 * design's track-view / track-like), many per request, from the signed-in user
 * (Authorization: Bearer) or anonymously (views only, counted per IP).
 *
 *   { "events": [{ "type": "view", "post_id": "…" }, { "type": "like", "post_id": "…" }] }
 *
 * Views: with Redis, buffered (lib/domain/view-buffer.ts) and moved into PostgreSQL
 * by the counter-sync job; without Redis, or if Redis fails, straight into
 * PostgreSQL. Either way PostgreSQL decides what counts. Likes are state the
 * user reads back at once (and an unlike must not be overtaken by a buffered
 * like), so they always go to PostgreSQL, in the same batch function.
 */
import express, { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Pool } from "../db/pool.ts";
import type { Config } from "../lib/infra/config.ts";
import type { Redis } from "../lib/infra/redis.ts";
import { enqueueViews, type ViewEvent } from "../lib/domain/view-buffer.ts";
import { InvalidTokenError } from "./auth/jwt.ts";
import type { SessionCheck } from "./auth/session-check.ts";
import { identifyAlive, pgSettingsFor, type RequestIdentity } from "./graphql/context.ts";

export const MAX_EVENTS = 500;

const body = z.object({
  events: z
    .array(
      z.object({
        type: z.enum(["view", "like"], { error: "type must be view or like" }),
        post_id: z.uuid({ error: "post_id must be a UUID" }),
      }),
    )
    .min(1, { error: "events must not be empty" })
    .max(MAX_EVENTS, { error: `at most ${MAX_EVENTS} events per request` }),
});

/** SQLSTATEs of the rules → HTTP statuses; PostgreSQL's data (22) and integrity (23) classes are the client's input too. */
const STATUS: Record<string, number> = { LOGIN: 401, DNIED: 403, "42501": 403, NTFND: 404, INVAL: 400, CONFL: 409, "23503": 404 };

function statusFor(code: string): number {
  return STATUS[code] ?? (code.startsWith("22") ? 400 : code.startsWith("23") ? 409 : 500);
}

interface Tracked {
  views_counted: number;
  likes_added: number;
}

export function analyticsRouter(deps: {
  config: Config;
  pool: Pool;
  redis: Redis | undefined;
  sessions?: SessionCheck | undefined;
}): Router {
  const r = Router();
  r.use(express.json({ limit: "256kb" }));

  /** The batch SQL function, as the caller, in one transaction. */
  async function track(identity: RequestIdentity, ip: string, views: string[], likes: string[]): Promise<Tracked> {
    const client = await deps.pool.connect();
    try {
      await client.query("begin");
      const settings = pgSettingsFor(identity, deps.config.graphql.statementTimeoutMs, { ip });
      await client.query("select set_config(k, v, true) from json_each_text($1::json) as s(k, v)", [JSON.stringify(settings)]);
      const { rows } = await client.query<Tracked>("select * from app_public.track_post_events($1::uuid[], $2::uuid[])", [views, likes]);
      await client.query("commit");
      return rows[0]!;
    } catch (err) {
      await client.query("rollback").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  r.post("/events", async (req: Request, res: Response) => {
    let identity: RequestIdentity;
    try {
      identity = await identifyAlive(req.get("authorization"), req.get("apikey"), deps.config, deps.sessions);
    } catch (err) {
      if (err instanceof InvalidTokenError) return void res.status(401).json({ error: "invalid_token", message: err.message });
      throw err;
    }
    const parsed = body.safeParse(req.body);
    if (!parsed.success) {
      return void res.status(400).json({ error: "bad_request", message: parsed.error.issues[0]?.message ?? "invalid body" });
    }
    const ip = req.ip ?? "";
    const views = parsed.data.events.filter((e) => e.type === "view").map((e) => e.post_id);
    const likes = parsed.data.events.filter((e) => e.type === "like").map((e) => e.post_id);

    let buffered: number | null = null;
    if (views.length && deps.redis?.status === "ready") {
      const at = new Date().toISOString();
      const viewer = identity.claims.role === "authenticated" ? (identity.claims.sub ?? null) : null;
      const events: ViewEvent[] = views.map((post_id) => ({ post_id, viewer_id: viewer, ip: ip || null, at }));
      try {
        buffered = await enqueueViews(deps.redis, events);
      } catch (err) {
        req.log?.warn({ err }, "view buffer unavailable; counting in PostgreSQL");
      }
    }
    try {
      const tracked = buffered === null || likes.length ? await track(identity, ip, buffered === null ? views : [], likes) : undefined;
      res.json({
        views: { received: views.length, counted: buffered === null ? (tracked?.views_counted ?? 0) : null, buffered },
        likes: { received: likes.length, added: tracked?.likes_added ?? 0 },
      });
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      const status = statusFor(code);
      if (status === 500) throw err;
      res.status(status).json({ error: code, message: (err as Error).message });
    }
  });
  return r;
}
