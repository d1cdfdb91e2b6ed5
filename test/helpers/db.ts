/**
 * Each test file gets its own database, freshly migrated, dropped afterwards,
 * on: TEST_DATABASE_URL's server, else the local PostgreSQL at 127.0.0.1:5432,
 * else an embedded PostgreSQL started for the file. TEST_DATABASE=embedded
 * forces the embedded one.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import rootTest, { type Test } from "tap";
import { startEmbeddedPostgres } from "../../db/embedded.ts";
import { withCredentials, withDatabase } from "../../db/pool.ts";
import { ensureRolesAndDatabase, migrateDatabase, type Database } from "../../db/prepare.ts";
import { createLogger } from "../../lib/infra/logger.ts";

export const AUTHENTICATOR_PASSWORD = "authenticator-test-password";
export const testLogger = createLogger(process.env.TEST_LOG_LEVEL ?? "warn", "test");

const LOCAL = "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let cluster: Promise<string> | undefined;

/**
 * The server to create test databases on, as a URL to its maintenance
 * database; one per test process (an embedded one is stopped when the root
 * test ends).
 */
function testCluster(): Promise<string> {
  cluster ??= (async () => {
    if (process.env.TEST_DATABASE !== "embedded") {
      if (process.env.TEST_DATABASE_URL) return withDatabase(process.env.TEST_DATABASE_URL, "postgres");
      if (await reachable(LOCAL)) return LOCAL;
    }
    const dir = mkdtempSync(path.join(tmpdir(), "pgsocial-test-"));
    const port = 55000 + Math.floor(Math.random() * 5000);
    const embedded = await startEmbeddedPostgres({ dir: path.join(dir, "data"), port }, testLogger);
    rootTest.teardown(async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    return embedded.url;
  })();
  return cluster;
}

export interface TestDatabase extends Database {
  name: string;
  /** A client as the owner (superuser on a local server); closed at teardown. */
  root: pg.Client;
}

/** A new, migrated database for this test file. */
export async function createTestDatabase(t: Test): Promise<TestDatabase> {
  const cluster = await testCluster();
  const name = `pgsocial_test_${randomBytes(6).toString("hex")}`;
  const ownerUrl = withDatabase(cluster, name);
  await ensureRolesAndDatabase(ownerUrl, AUTHENTICATOR_PASSWORD, testLogger);
  t.teardown(async () => {
    const admin = new pg.Client({ connectionString: cluster });
    await admin.connect();
    await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    await admin.end();
  });
  await migrateDatabase(ownerUrl, testLogger);
  const root = new pg.Client({ connectionString: ownerUrl });
  await root.connect();
  t.teardown(() => root.end());
  return {
    name,
    root,
    ownerUrl,
    authenticatorUrl: withCredentials(ownerUrl, "authenticator", AUTHENTICATOR_PASSWORD),
    embedded: undefined,
    stop: async () => undefined,
  };
}
