import pg from "pg";
import type { Logger } from "../lib/infra/logger.ts";

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** A pg pool whose idle-client errors are logged instead of crashing the process. */
export function createPool(connectionString: string, max: number, name: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: `pgsocial:${name}` });
  pool.on("error", (err) => logger.error({ err, pool: name }, "idle database client error"));
  // A checked-out client can error too (server restart, network); log, don't crash.
  pool.on("connect", (client) => client.on("error", (err) => logger.error({ err, pool: name }, "database client error")));
  return pool;
}

/** Run `fn` in one transaction on a client from `pool`. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The URL with other credentials. */
export function withCredentials(url: string, user: string, password: string | undefined): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password ? encodeURIComponent(password) : "";
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}
