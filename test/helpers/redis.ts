/**
 * Redis for tests: reachable at TEST_REDIS_URL (default the local one), shared
 * by concurrent test processes, so each caller gets its own key prefix.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Test } from "tap";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface TestRedis {
  url: string;
  prefix: string;
  /** Environment for startTestSystem: REDIS_URL and this test's REDIS_KEY_PREFIX. */
  env: { REDIS_URL: string; REDIS_KEY_PREFIX: string };
  /** A client on the same prefix, closed (and its keys deleted) at teardown. */
  client: Redis;
}

/**
 * A Redis with a fresh key prefix, or undefined when none is reachable; then it
 * says plainly, in the test output, what was not tested.
 */
export async function testRedis(t: Test, what: string): Promise<TestRedis | undefined> {
  const prefix = `pgsocial-test:${randomBytes(6).toString("hex")}:`;
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, keyPrefix: prefix, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
  } catch {
    client.disconnect();
    t.comment(`SKIPPED: no Redis reachable at ${TEST_REDIS_URL}; ${what} was not tested`);
    t.pass("Redis not reachable");
    return undefined;
  }
  t.teardown(async () => {
    // SCAN patterns are not prefixed by ioredis: match the full prefix.
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await client.del(...keys.map((k) => k.slice(prefix.length)));
    } while (cursor !== "0");
    client.disconnect();
  });
  return { url: TEST_REDIS_URL, prefix, env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix }, client };
}
