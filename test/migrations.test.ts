import t from "tap";
import pg from "pg";
import { migrateDatabase } from "../db/prepare.ts";
import { createTestDatabase, testLogger } from "./helpers/db.ts";

const db = await createTestDatabase(t);

t.test("committed migrations apply to an empty database", async (t) => {
  const { rows } = await db.root.query<{ filename: string }>("select filename from graphile_migrate.migrations order by filename");
  t.ok(rows.length >= 1, "at least one migration recorded");
  t.equal(rows[0]!.filename, "000001.sql");
  const schemas = await db.root.query<{ nspname: string }>(
    "select nspname from pg_namespace where nspname in ('app_public','app_private','auth','graphile_worker') order by 1",
  );
  t.same(
    schemas.rows.map((r) => r.nspname),
    ["app_private", "app_public", "auth", "graphile_worker"],
  );
});

t.test("re-applying migrations is a no-op", async (t) => {
  const before = await db.root.query("select filename, hash from graphile_migrate.migrations order by filename");
  await migrateDatabase(db.ownerUrl, testLogger);
  const after = await db.root.query("select filename, hash from graphile_migrate.migrations order by filename");
  t.same(after.rows, before.rows);
});

t.test("the request roles cannot create objects in any schema", async (t) => {
  for (const role of ["anon", "authenticated", "service_role"]) {
    const { rows } = await db.root.query<{ schema: string }>(
      `select nspname as schema from pg_namespace
        where nspname in ('public', 'app_public', 'app_private', 'auth') and has_schema_privilege($1, nspname, 'CREATE')`,
      [role],
    );
    t.same(rows, [], role);
  }
});

t.test("the authenticator logs in and can only switch into the request roles", async (t) => {
  const client = new pg.Client({ connectionString: db.authenticatorUrl });
  await client.connect();
  t.teardown(() => client.end());
  const { rows } = await client.query<{ current_user: string }>("select current_user");
  t.equal(rows[0]!.current_user, "authenticator");
  await t.rejects(client.query("select * from app_private.worker_heartbeats"), { code: "42501" }, "NOINHERIT: no privileges of its own");
  for (const role of ["anon", "authenticated", "service_role"]) {
    await client.query(`set role ${role}`);
    await client.query("reset role");
  }
  await t.rejects(client.query("set role postgres"), { code: "42501" }, "cannot become the owner");
});

t.test("auth.uid(), auth.role() and auth.jwt() read request.jwt.claims as on Supabase", async (t) => {
  const claims = { sub: "6f1b0f5e-3c1a-4d7e-9a53-0c3d8c8b9a10", role: "authenticated", email: "a@example.com" };
  await db.root.query("begin");
  await db.root.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
  const { rows } = await db.root.query("select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() ->> 'sub' as sub");
  await db.root.query("rollback");
  t.same(rows[0], { uid: claims.sub, role: "authenticated", email: "a@example.com", sub: claims.sub });
  const none = await db.root.query("select auth.uid() as uid, auth.role() as role");
  t.same(none.rows[0], { uid: null, role: null }, "no claims: null");
});
