/**
 * Auth scenarios:
 *   auth-refresh  refresh-token rotation throughput (each connection follows its own token chain)
 *   login-storm   20 concurrent password sign-ins at bcrypt cost 12 while a cheap GraphQL
 *                 query runs: its p99 during the storm against its p99 without (target ≤ 2×)
 */
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import jwt from "jsonwebtoken";
import pg from "pg";
import type { Database } from "../../db/prepare.ts";
import { hashToken, newRefreshToken } from "../../server/auth/crypto.ts";
import { signApiKey } from "../../server/auth/jwt.ts";
import { JWT_SECRET, load, startServer, writeResult, type LoadResult } from "../lib.ts";

const ANON_KEY = signApiKey("anon", JWT_SECRET);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);

/** Users with a live session each; returns their refresh tokens (and ids). */
async function seedSessions(
  db: Database,
  n: number,
  passwordHash: string | null,
): Promise<{ id: string; email: string; refreshToken: string }[]> {
  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  try {
    const out = [];
    await client.query("begin");
    for (let i = 0; i < n; i++) {
      const email = `bench-${randomUUID()}@example.com`;
      const { rows } = await client.query<{ id: string }>(
        `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data)
         values ($1, $2, now(), '{"provider":"email","providers":["email"]}') returning id`,
        [email, passwordHash],
      );
      const id = rows[0]!.id;
      const refreshToken = newRefreshToken();
      const s = await client.query<{ id: string }>(
        'insert into auth.sessions (user_id, not_after, amr) values ($1, now() + interval \'30 days\', \'[{"method":"password","timestamp":0}]\') returning id',
        [id],
      );
      await client.query("insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)", [
        hashToken(refreshToken),
        id,
        s.rows[0]!.id,
      ]);
      out.push({ id, email, refreshToken });
    }
    await client.query("commit");
    return out;
  } finally {
    await client.end();
  }
}

export async function authRefresh(db: Database): Promise<void> {
  const server = await startServer(db);
  try {
    // Live tokens: each request takes one and puts back the child it receives.
    const tokens = (await seedSessions(db, CONNECTIONS * 2, null)).map((s) => s.refreshToken);
    const requests = [
      {
        method: "POST" as const,
        path: "/auth/v1/token?grant_type=refresh_token",
        headers: { apikey: ANON_KEY, "content-type": "application/json" },
        setupRequest(req: { body?: string }) {
          return { ...req, body: JSON.stringify({ refresh_token: tokens.shift() }) };
        },
        onResponse(status: number, body: string) {
          if (status === 200) tokens.push((JSON.parse(body) as { refresh_token: string }).refresh_token);
        },
      },
    ];
    const result = await load({ url: server.url, connections: CONNECTIONS, duration: DURATION, warmup: 3, requests: requests as never });
    writeResult("auth-refresh", {
      load: result,
      summary: `Token refresh (rotation, one token chain per connection): **${result.rps} req/s**, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, p99 ${result.p99_ms} ms at ${CONNECTIONS} connections; ${result.non2xx} non-2xx.`,
    });
    process.stdout.write(`auth-refresh: ${JSON.stringify(result)}\n`);
  } finally {
    await server.stop();
  }
}

export async function loginStorm(db: Database): Promise<void> {
  const server = await startServer(db, { BCRYPT_COST: "12", AUTH_RATE_LIMIT_PER_MINUTE: "1000000" });
  try {
    const password = "correct horse battery";
    const hash = bcrypt.hashSync(password, 12);
    const users = await seedSessions(db, 21, hash);
    const reader = users.pop()!;
    const token = jwt.sign({ sub: reader.id, role: "authenticated", aud: "authenticated" }, JWT_SECRET, {
      algorithm: "HS256",
      expiresIn: 3600,
    });
    const query = [
      {
        method: "POST" as const,
        path: "/graphql",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ currentProfile { handle } }" }),
      },
    ];
    const cheap = (): Promise<LoadResult> => load({ url: server.url, connections: 10, duration: DURATION, warmup: 2, requests: query });

    const baseline = await cheap();

    let stop = false;
    let signIns = 0;
    let failures = 0;
    const storm = users.map(async (u) => {
      while (!stop) {
        const res = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
          method: "POST",
          headers: { apikey: ANON_KEY, "content-type": "application/json" },
          body: JSON.stringify({ email: u.email, password }),
        });
        await res.arrayBuffer();
        if (res.status === 200) signIns++;
        else failures++;
      }
    });
    const started = Date.now();
    const during = await cheap();
    stop = true;
    await Promise.all(storm);
    const seconds = (Date.now() - started) / 1000;
    const ratio = Math.round((during.p99_ms / baseline.p99_ms) * 100) / 100;
    const result = {
      baseline,
      during_storm: during,
      storm: {
        concurrent_sign_ins: users.length,
        sign_ins: signIns,
        failures,
        sign_ins_per_s: Math.round((signIns / seconds) * 10) / 10,
        bcrypt_cost: 12,
      },
      p99_ratio: ratio,
      target: "p99 during the storm ≤ 2× p99 without",
      met: ratio <= 2,
    };
    writeResult("login-storm", {
      ...result,
      summary:
        `Cheap GraphQL query (\`currentProfile\`, 10 connections): p99 **${baseline.p99_ms} ms** alone (${baseline.rps} req/s), ` +
        `**${during.p99_ms} ms** during 20 concurrent sign-ins at bcrypt cost 12 (${during.rps} req/s): ratio **${ratio}×** (target ≤ 2×, ${ratio <= 2 ? "met" : "not met"}). ` +
        `Sign-ins completed: ${result.storm.sign_ins_per_s}/s.`,
    });
    process.stdout.write(`login-storm: ${JSON.stringify(result)}\n`);
  } finally {
    await server.stop();
  }
}
