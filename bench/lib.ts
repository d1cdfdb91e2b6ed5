/**
 * Benchmark plumbing: a dedicated database, the real server in its own
 * process, autocannon load with exact latency percentiles, results on disk.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { withDatabase } from "../db/pool.ts";
import { prepareDatabase, type Database } from "../db/prepare.ts";
import { loadConfig, projectRoot } from "../lib/infra/config.ts";
import { createLogger } from "../lib/infra/logger.ts";

export const RESULTS_DIR = path.join(projectRoot, "bench", "results");
export const JWT_SECRET = "bench-jwt-secret-that-is-at-least-32-characters";
export const AUTHENTICATOR_PASSWORD = "authenticator-bench-password";
export const logger = createLogger(process.env.LOG_LEVEL ?? "warn", "bench");

/**
 * The bench database `pgsocial_bench`: on BENCH_DATABASE_URL's server, else the
 * local PostgreSQL at 127.0.0.1:5432, else the embedded one.
 */
export async function benchDatabase(): Promise<Database> {
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const local = "postgres://postgres@127.0.0.1:5432/postgres";
    const c = new pg.Client({ connectionString: local, connectionTimeoutMillis: 2000 });
    const up = await c.connect().then(
      () => true,
      () => false,
    );
    await c.end().catch(() => undefined);
    if (up) url = withDatabase(local, "pgsocial_bench");
  }
  const config = loadConfig({ DATABASE_URL: url, AUTHENTICATOR_PASSWORD, JWT_SECRET, EMBEDDED_PG_DIR: ".data/bench-postgres" });
  return prepareDatabase(config, logger);
}

export interface BenchServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The real server (`server/main.ts`) in a child process, so that load and server do not share an event loop. */
export async function startServer(database: Database, env: Record<string, string> = {}, worker = false): Promise<BenchServer> {
  const child = spawn(process.execPath, [path.join(projectRoot, "server/main.ts"), ...(worker ? [] : ["--no-worker"])], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: database.ownerUrl,
      DATABASE_AUTHENTICATOR_URL: database.authenticatorUrl,
      AUTHENTICATOR_PASSWORD,
      JWT_SECRET,
      MESSAGE_ENCRYPTION_KEY: "bench-message-encryption-key-at-least-32-characters",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output);
      if (m) {
        // From now on, drain the server's log without keeping it (the load generator shares the CPU).
        output = "";
        child.stdout.off("data", onData);
        child.stdout.resume();
        resolve(m[1]!);
      }
    };
    child.stdout.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
  connections: number;
  duration_s: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Requests = autocannon.Request[];

/** Warm up, then measure: requests/s and exact p50/p95/p99 from every response. */
export async function load(opts: {
  url: string;
  connections: number;
  duration: number;
  warmup?: number;
  requests: Requests;
}): Promise<LoadResult> {
  const run = (duration: number, record?: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: opts.url, connections: opts.connections, duration, requests: opts.requests },
        (err: Error | null, result) => (err ? reject(err) : resolve(result)),
      );
      if (record) instance.on("response", (_client, _status, _bytes, responseTime) => record.push(responseTime));
    });
  if (opts.warmup) await run(opts.warmup);
  const times: number[] = [];
  const result = await run(opts.duration, times);
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: result.requests.total,
    rps: round(result.requests.total / opts.duration),
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    errors: result.errors,
    non2xx: result.non2xx,
    connections: opts.connections,
    duration_s: opts.duration,
  };
}

/** Write `bench/results/<name>.json` and regenerate `bench/results/summary.md`. */
export function writeResult(name: string, result: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const record = { scenario: name, at: new Date().toISOString(), node: process.version, ...result };
  writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  const lines = ["# Benchmark results", "", "Generated by `npm run bench`; one section per scenario, newest run of each.", ""];
  for (const file of readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const r = JSON.parse(readFileSync(path.join(RESULTS_DIR, file), "utf8")) as { scenario: string; at: string; summary?: string };
    lines.push(`## ${r.scenario}`, "", `_${r.at}_`, "", r.summary ?? "", "");
  }
  writeFileSync(path.join(RESULTS_DIR, "summary.md"), lines.join("\n"));
}
