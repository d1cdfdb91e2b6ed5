-- Cluster-level prerequisites: the Supabase-style roles every database of this
-- project is granted to. Idempotent. Runs as a superuser:
--   * by graphile-migrate after `reset` (and so on the shadow database), and
--   * by the server/worker start-up (db/prepare.ts) before migrations, when the
--     connecting user may create roles.
-- On a managed PostgreSQL where you are not a superuser, run this file once as
-- an administrator (see README, "Using your own PostgreSQL").
do $$
begin
  -- Requests with no (or an anon) token.
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  -- Requests with a signed-in user's token.
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  -- Trusted back-end calls (service_role key); bypasses RLS as on Supabase.
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- What the GraphQL server logs in as: it can do nothing by itself (NOINHERIT)
  -- and switches to one of the three roles above for each request.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- graphile-migrate's reset revokes CONNECT from PUBLIC on the new database.
grant connect on database :DATABASE_NAME to authenticator;
