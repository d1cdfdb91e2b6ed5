/** Start the real system (HTTP server and/or worker) on a test database. */
import type { Test } from "tap";
import { loadConfig } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import { startSystem, type System } from "../../lib/infra/system.ts";
import { AUTHENTICATOR_PASSWORD, createTestDatabase, testLogger, type TestDatabase } from "./db.ts";

process.env.GRAPHILE_ENV ??= "test";

export const TEST_JWT_SECRET = "test-jwt-secret-that-is-at-least-32-characters";
export const TEST_MESSAGE_ENCRYPTION_KEY = "test-message-encryption-key-at-least-32-characters";

export interface TestSystem extends System {
  url: string;
  db: TestDatabase;
}

export async function startTestSystem(
  t: Test,
  opts: { worker?: boolean; server?: boolean; env?: Record<string, string>; db?: TestDatabase; logger?: Logger } = {},
): Promise<TestSystem> {
  const db = opts.db ?? (await createTestDatabase(t));
  const config = loadConfig({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: db.ownerUrl,
    AUTHENTICATOR_PASSWORD,
    JWT_SECRET: TEST_JWT_SECRET,
    MESSAGE_ENCRYPTION_KEY: TEST_MESSAGE_ENCRYPTION_KEY,
    WORKER_POLL_INTERVAL_MS: "200",
    ...opts.env,
  });
  const system = await startSystem(config, opts.logger ?? testLogger, {
    server: opts.server ?? true,
    worker: opts.worker ?? false,
    database: db,
  });
  t.teardown(() => system.stop());
  return { ...system, url: system.url ?? "", db };
}

/** POST a GraphQL operation; returns status and parsed body. */
export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Poll `fn` until it returns a truthy value, or fail after `ms`. */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, ms = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
