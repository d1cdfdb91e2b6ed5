import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";

// Walks the catalog, so a new table without RLS fails CI.
const db = await createTestDatabase(t);

t.test("every table in app_public has row-level security enabled", async (t) => {
  const { rows } = await db.root.query<{ table: string; rls: boolean }>(
    `select c.relname as table, c.relrowsecurity as rls
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'app_public' and c.relkind in ('r', 'p')
      order by 1`,
  );
  for (const r of rows) t.ok(r.rls, `app_public.${r.table} has RLS enabled`);
  t.pass(`${rows.length} app_public tables checked`);
});

t.test("no request role has any privilege on auth, app_private or graphile_worker tables", async (t) => {
  const { rows: tables } = await db.root.query<{ n: number }>(
    "select count(*)::int as n from pg_tables where schemaname = 'auth' and tablename in ('users', 'sessions', 'refresh_tokens', 'identities')",
  );
  t.equal(tables[0]!.n, 4, "the auth tables exist");
  const { rows } = await db.root.query<{ grantee: string; table: string; privilege: string }>(
    `select grantee, table_schema || '.' || table_name as table, privilege_type as privilege
       from information_schema.role_table_grants
      where table_schema in ('auth', 'app_private', 'graphile_worker', 'graphile_migrate')
        and grantee in ('anon', 'authenticated', 'service_role', 'authenticator', 'PUBLIC')`,
  );
  t.same(rows, []);
});

t.test("request roles cannot read auth.users even with column privileges", async (t) => {
  for (const role of ["anon", "authenticated"]) {
    const { rows } = await db.root.query<{ can: boolean }>(
      "select has_any_column_privilege($1, 'auth.users', 'SELECT') or has_any_column_privilege($1, 'auth.refresh_tokens', 'SELECT') as can",
      [role],
    );
    t.equal(rows[0]!.can, false, role);
  }
});

t.test("request roles may call only the app_private helpers that policies use", async (t) => {
  const { rows } = await db.root.query<{ fn: string }>(
    `select distinct p.oid::regprocedure::text as fn
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'app_private'
        and (has_function_privilege('anon', p.oid, 'EXECUTE') or has_function_privilege('authenticated', p.oid, 'EXECUTE'))
      order by 1`,
  );
  t.same(
    rows.map((r) => r.fn),
    [
      "app_private.check_length(text,integer,text)",
      "app_private.check_money(numeric)",
      "app_private.follows(uuid,uuid)",
      "app_private.is_blocked_pair(uuid,uuid)",
      "app_private.is_reserved_handle(text)",
      "app_private.post_visible(uuid,uuid,app_public.post_audience,boolean,boolean,integer,boolean)",
      "app_private.require_user()",
      "app_private.setting(text)",
      "app_private.viewer_block_ids()",
      "app_private.viewer_conversation_ids()",
      "app_private.viewer_follower_ids()",
      "app_private.viewer_following_ids()",
      "app_private.viewer_mute_ids()",
    ],
  );
});

t.test("everything exposed in app_public, and every app_hidden function, is documented (COMMENT ON becomes the API docs)", async (t) => {
  const { rows } = await db.root.query<{ missing: string }>(`
    select 'table ' || c.relname as missing from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'app_public' and c.relkind in ('r', 'v') and obj_description(c.oid, 'pg_class') is null
    union all
    select 'column ' || c.relname || '.' || a.attname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid
     where n.nspname = 'app_public' and c.relkind in ('r', 'v') and a.attnum > 0 and not a.attisdropped
       and col_description(c.oid, a.attnum) is null
    union all
    select 'function ' || p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('app_public', 'app_hidden') and obj_description(p.oid, 'pg_proc') is null
    union all
    select 'type ' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname = 'app_public' and t.typtype = 'e' and obj_description(t.oid, 'pg_type') is null
    order by 1`);
  t.same(
    rows.map((r) => r.missing),
    [],
  );
});

t.test("every SECURITY DEFINER function pins its search_path", async (t) => {
  const { rows } = await db.root.query<{ fn: string }>(
    `select p.oid::regprocedure::text as fn
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('app_public', 'app_hidden', 'app_private', 'auth') and p.prosecdef
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
  );
  t.same(rows, [], "SECURITY DEFINER functions without a fixed search_path");
});
