/**
 * Feed scenarios, on the seeded graph (`npm run bench:seed` first):
 *   S0  ceilings measured in the same run: pgbench calling home_feed in the
 *       transaction shape the server uses, and an Express "hello" route
 *   S1  viewer point read over GraphQL (`currentProfile`)
 *   S2  home feed over GraphQL, PostgreSQL path: page 1 and page 50
 *   S3, S4 (with Redis): see feed-redis.ts
 * GraphQL figures are reported as ratios to their ceiling from the same run.
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import jwt from "jsonwebtoken";
import pg from "pg";
import type { Database } from "../../db/prepare.ts";
import { JWT_SECRET, load, startServer, writeResult, type LoadResult } from "../lib.ts";
import { redisFeedScenarios } from "./feed-redis.ts";

const run = promisify(execFile);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const VIEWERS = 1000;

/** The id of seeded user n: md5('user' || n)::uuid (see bench/seed.ts). */
export const userId = (n: number) => {
  const h = createHash("md5").update(`user${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

export const tokenForId = (id: string) =>
  jwt.sign({ sub: id, role: "authenticated", aud: "authenticated" }, JWT_SECRET, { algorithm: "HS256", expiresIn: 7200 });
export const tokenFor = (n: number) => tokenForId(userId(n));

export async function seededUsers(db: Database): Promise<number> {
  const c = new pg.Client({ connectionString: db.ownerUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>("select count(*)::int as n from app_public.profiles where handle like 'user%'");
    return rows[0]!.n;
  } finally {
    await c.end();
  }
}

/** Viewers with a typical number of followees (skip the celebrity accounts at the top). */
const viewerNumbers = (users: number) => Array.from({ length: Math.min(VIEWERS, users - 200) }, (_, i) => 200 + i);

async function pgbenchFeed(db: Database, users: number): Promise<{ tps: number; latency_ms: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "pgsocial-bench-"));
  const script = path.join(dir, "feed.sql");
  const viewers = viewerNumbers(users);
  writeFileSync(
    script,
    [
      `\\set n random(${viewers[0]}, ${viewers[viewers.length - 1]})`,
      "BEGIN;",
      "SELECT set_config('request.jwt.claims', json_build_object('sub', md5('user' || :n)::uuid, 'role', 'authenticated')::text, true), set_config('role', 'authenticated', true);",
      "SELECT * FROM app_public.home_feed(NULL, 20);",
      "COMMIT;",
      "",
    ].join("\n"),
  );
  const { stdout } = await run(
    "pgbench",
    ["-n", "-M", "prepared", "-c", "8", "-j", "2", "-T", String(DURATION), "-f", script, db.ownerUrl],
    {
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  return { tps: Math.round(tps), latency_ms: latency };
}

async function expressHello(): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      "import express from 'express'; const app = express(); app.get('/', (_q, r) => { r.send('hello'); }); const s = app.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));",
    ],
    { cwd: path.resolve(import.meta.dirname, "../.."), stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    const port = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString().trim())));
    return await load({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: 3,
      requests: [{ method: "GET", path: "/" }],
    });
  } finally {
    child.kill();
  }
}

/** Cursors at the end of page 49 for some viewers (to request page 50). */
async function page50Cursors(db: Database, viewers: number[]): Promise<{ n: number; cursor: string }[]> {
  const c = new pg.Client({ connectionString: db.ownerUrl });
  await c.connect();
  const out = [];
  try {
    for (const n of viewers.slice(0, 40)) {
      await c.query("begin");
      await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: userId(n), role: "authenticated" })]);
      const { rows } = await c.query<{ cursor: string }>(
        `with recursive pages(i, cursor) as (
           select 1, (select cursor from app_public.home_feed(null, 20) offset 19 limit 1)
           union all
           select i + 1, (select cursor from app_public.home_feed(pages.cursor, 20) offset 19 limit 1) from pages where i < 49 and cursor is not null)
         select cursor from pages where i = 49`,
      );
      await c.query("commit");
      if (rows[0]?.cursor) out.push({ n, cursor: rows[0].cursor });
    }
  } finally {
    await c.end();
  }
  return out;
}

export const FEED_QUERY =
  "query($c: String) { homeFeed(cursor: $c, maxResults: 20) { nodes { cursor feedAt post { rowId body createdAt likesCount author { handle displayName } } repostedBy { handle } } } }";

export function graphqlRequests(make: () => { token: string; body: unknown }) {
  return [
    {
      method: "POST" as const,
      path: "/graphql",
      setupRequest(req: Record<string, unknown>) {
        const { token, body } = make();
        return { ...req, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) };
      },
    },
  ];
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

export async function feedScenarios(db: Database): Promise<void> {
  const users = await seededUsers(db);
  if (users < 1000) throw new Error("The bench database is not seeded: run `npm run bench:seed` first.");
  const viewers = viewerNumbers(users);
  const tokens = viewers.map(tokenFor);
  const randomToken = () => tokens[Math.floor(Math.random() * tokens.length)]!;

  // S0: ceilings.
  const pgFeed = await pgbenchFeed(db, users);
  const hello = await expressHello();
  writeResult("S0-ceilings", {
    pgbench_feed: pgFeed,
    express_hello: hello,
    summary: `pgbench, home_feed in the server's transaction shape (8 clients): **${pgFeed.tps} TPS**, ${pgFeed.latency_ms} ms average. Express 5 "hello": **${hello.rps} req/s**, p99 ${hello.p99_ms} ms.`,
  });
  process.stdout.write(`S0: pgbench feed ${pgFeed.tps} TPS; express hello ${hello.rps} req/s\n`);

  let s2Page1: LoadResult;
  const server = await startServer(db);
  try {
    // S1: viewer point read.
    const s1 = await load({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: 3,
      requests: graphqlRequests(() => ({
        token: randomToken(),
        body: { query: "{ currentProfile { handle displayName followersCount followingCount } }" },
      })) as never,
    });
    writeResult("S1-viewer-read", {
      load: s1,
      ratio_to_express_hello: ratio(s1.rps, hello.rps),
      target: "≥ 2,000 req/s",
      summary: `\`currentProfile\` over GraphQL: **${s1.rps} req/s** (${ratio(s1.rps, hello.rps)} of Express hello), p50 ${s1.p50_ms} ms, p95 ${s1.p95_ms} ms, p99 ${s1.p99_ms} ms at ${CONNECTIONS} connections; target ≥ 2,000 req/s.`,
    });
    process.stdout.write(`S1: ${JSON.stringify(s1)}\n`);

    // S2: home feed, PostgreSQL path, page 1 and page 50.
    const page1 = await load({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: 3,
      requests: graphqlRequests(() => ({ token: randomToken(), body: { query: FEED_QUERY, variables: { c: null } } })) as never,
    });
    const deep = await page50Cursors(db, viewers);
    const deepTokens = deep.map((d) => ({ token: tokenFor(d.n), cursor: d.cursor }));
    const page50 = await load({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: 3,
      requests: graphqlRequests(() => {
        const d = deepTokens[Math.floor(Math.random() * deepTokens.length)]!;
        return { token: d.token, body: { query: FEED_QUERY, variables: { c: d.cursor } } };
      }) as never,
    });
    const result = {
      page1,
      page50,
      page50_viewers: deep.length,
      ratio_page1_to_pgbench: ratio(page1.rps, pgFeed.tps),
      page50_to_page1_p50: ratio(page50.p50_ms, page1.p50_ms),
      targets: "≥ 60% of the pgbench feed ceiling; page 50 ≤ 1.2× page 1; p95 ≤ 50 ms at 50 connections",
    };
    writeResult("S2-home-feed-postgres", {
      ...result,
      summary:
        `Home feed page 1 over GraphQL (PostgreSQL path): **${page1.rps} req/s** = **${result.ratio_page1_to_pgbench}** of the pgbench feed ceiling, ` +
        `p50 ${page1.p50_ms} ms, p95 ${page1.p95_ms} ms, p99 ${page1.p99_ms} ms. Page 50: ${page50.rps} req/s, p50 ${page50.p50_ms} ms ` +
        `(${result.page50_to_page1_p50}× page 1), p95 ${page50.p95_ms} ms. Targets: ${result.targets}.`,
    });
    process.stdout.write(`S2: ${JSON.stringify(result)}\n`);
    s2Page1 = page1;
  } finally {
    await server.stop();
  }
  await redisFeedScenarios(db, { viewers, pgbenchTps: pgFeed.tps, s2Page1 });
}
