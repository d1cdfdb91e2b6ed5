/** Rate limits on sensitive endpoints: per IP and per email, in memory and in Redis. */
import t from "tap";
import { randomInt } from "node:crypto";
import { ANON_KEY, AUTH_TEST_ENV, makeClient, uniqueEmail } from "../helpers/auth.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { testRedis } from "../helpers/redis.ts";
import { startTestSystem } from "../helpers/system.ts";

const LIMIT = { ...AUTH_TEST_ENV, AUTH_RATE_LIMIT_PER_MINUTE: "3" };
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function signIn(url: string, email: string, ip: string) {
  const res = await fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: "POST",
    headers: { apikey: ANON_KEY, "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ email, password: "wrong" }),
  });
  return { status: res.status, body: (await res.json()) as { code: string } };
}

const db = await createTestDatabase(t);

t.test("in memory (no Redis)", async (t) => {
  const sys = await startTestSystem(t, { db, env: LIMIT });
  t.test("per IP", async (t) => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) t.equal((await signIn(sys.url, uniqueEmail(), ip)).status, 400, `attempt ${i + 1}`);
    const over = await signIn(sys.url, uniqueEmail(), ip);
    t.equal(over.status, 429);
    t.equal(over.body.code, "over_request_rate_limit");
    t.equal((await signIn(sys.url, uniqueEmail(), randomIp())).status, 400, "another IP is not limited");
  });
  t.test("per email, whatever the IP", async (t) => {
    const email = uniqueEmail();
    for (let i = 0; i < 3; i++) await signIn(sys.url, email, randomIp());
    t.equal((await signIn(sys.url, email, randomIp())).status, 429);
  });
  t.test("the client sees GoTrue's error", async (t) => {
    const client = makeClient("auth-js", sys.url);
    const email = uniqueEmail();
    let last;
    for (let i = 0; i < 4; i++) last = await client.signInWithPassword({ email, password: "wrong" });
    t.equal(last?.error?.status, 429);
    t.equal(last?.error?.code, "over_request_rate_limit");
  });
});

t.test("in Redis, shared by every server", async (t) => {
  const redis = await testRedis(t, "the Redis-backed rate limit");
  if (!redis) return;
  const one = await startTestSystem(t, { db, env: { ...LIMIT, ...redis.env } });
  const two = await startTestSystem(t, { db, env: { ...LIMIT, ...redis.env } });
  const ip = randomIp();
  await signIn(one.url, uniqueEmail(), ip);
  await signIn(two.url, uniqueEmail(), ip);
  await signIn(one.url, uniqueEmail(), ip);
  const over = await signIn(two.url, uniqueEmail(), ip);
  t.equal(over.status, 429, "the 4th attempt across two servers is refused");
});
