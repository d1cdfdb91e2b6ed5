/** Users, tokens and SQL-as-a-role helpers for the social tests. */
import type pg from "pg";
import jwt from "jsonwebtoken";
import type { TestDatabase } from "./db.ts";
import { TEST_JWT_SECRET } from "./system.ts";

let n = 0;

/** A user (and, by trigger, their profile); returns its id. */
export async function createUser(db: TestDatabase, handle?: string): Promise<string> {
  const email = `${(handle ?? "u").toLowerCase()}.${process.pid}.${++n}@example.com`;
  const { rows } = await db.root.query<{ id: string }>("insert into auth.users (email) values ($1) returning id", [email]);
  const id = rows[0]!.id;
  if (handle) await db.root.query("update app_public.profiles set handle = $2 where id = $1", [id, handle]);
  return id;
}

/** An access token as the auth server issues it. */
export function tokenFor(userId: string): string {
  return jwt.sign({ sub: userId, role: "authenticated", aud: "authenticated" }, TEST_JWT_SECRET, { algorithm: "HS256", expiresIn: 3600 });
}

export function bearer(userId: string | null): Record<string, string> {
  return userId ? { authorization: `Bearer ${tokenFor(userId)}` } : {};
}

/**
 * Run `sql` as a request role with the user's claims, in a transaction that
 * commits (`keep`) or rolls back, as the server runs GraphQL requests.
 */
export async function asUser<T extends Record<string, unknown>>(
  db: TestDatabase,
  userId: string | null,
  sql: string,
  params: unknown[] = [],
  keep = true,
): Promise<T[]> {
  const role = userId ? "authenticated" : "anon";
  await db.root.query("begin");
  try {
    await db.root.query("select set_config('request.jwt.claims', $1, true)", [
      JSON.stringify({ role, ...(userId ? { sub: userId } : {}) }),
    ]);
    await db.root.query(`set local role ${role}`);
    const { rows } = await db.root.query<T>(sql, params);
    await db.root.query(keep ? "commit" : "rollback");
    return rows;
  } catch (err) {
    await db.root.query("rollback");
    throw err;
  }
}

/** Run SQL as a role with claims (and optionally a request IP), in a transaction that commits. */
export async function asRole<T extends Record<string, unknown>>(
  client: pg.ClientBase,
  claims: { role: string; sub?: string },
  sql: string,
  params: unknown[] = [],
  ip?: string,
): Promise<T[]> {
  await client.query("begin");
  try {
    await client.query("select set_config('request.jwt.claims', $1, true), set_config('request.ip', $2, true)", [
      JSON.stringify(claims),
      ip ?? "",
    ]);
    await client.query(`set local role ${claims.role}`);
    const { rows } = await client.query<T>(sql, params);
    await client.query("commit");
    return rows;
  } catch (err) {
    await client.query("rollback");
    throw err;
  }
}

/** The JWT claims of a signed-in user, for asRole. */
export const claimsOf = (id: string) => ({ role: "authenticated", sub: id });
