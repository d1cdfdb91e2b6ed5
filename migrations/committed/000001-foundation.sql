--! Previous: -
--! Hash: sha1:7bf121c263c368c9d8cc40124f07f409b3c5f12c
--! Message: foundation

--------------------------------------------------------------------------------
-- Foundation: extensions, schemas, privileges, Supabase-compatible JWT helpers,
-- shared triggers, the job-queue bridge and the worker heartbeat.
--------------------------------------------------------------------------------

create extension if not exists citext with schema public;
create extension if not exists pgcrypto with schema public;

-- `public` is locked down: nobody but the owner creates or runs anything there.
revoke all on schema public from public;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges revoke all on sequences from public;
alter default privileges revoke all on functions from public;

--------------------------------------------------------------------------------
-- Schemas
--   app_public:  exposed through GraphQL; every table has RLS.
--   app_private: internal tables and helpers; never granted to request roles.
--   auth:        identity (users, sessions) and the JWT helpers.
--------------------------------------------------------------------------------
create schema app_public;
create schema app_private;
create schema auth;

comment on schema app_public is 'The public API: tables, views and functions exposed through GraphQL.';

grant usage on schema app_public to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;

-- Functions the owner creates in app_public are callable by the request roles;
-- whether they *do* anything is up to RLS and the function's own checks.
alter default privileges in schema app_public grant execute on functions to anon, authenticated, service_role;
alter default privileges in schema app_public grant usage, select on sequences to anon, authenticated, service_role;

--------------------------------------------------------------------------------
-- Supabase-compatible JWT helpers. The server sets `request.jwt.claims` (the
-- verified token's claims as JSON) and `role` in each request's transaction,
-- as PostgREST does, so policies written for Supabase work unchanged.
--------------------------------------------------------------------------------
create function auth.jwt() returns jsonb
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;
comment on function auth.jwt() is 'The verified JWT claims of the current request.';

create function auth.uid() returns uuid
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;
comment on function auth.uid() is 'The current user''s id (the JWT `sub`), or null. Use as `(select auth.uid())` in policies.';

create function auth.role() returns text
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;
comment on function auth.role() is 'The current request''s role claim: anon, authenticated or service_role.';

create function auth.email() returns text
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;
comment on function auth.email() is 'The current user''s email claim, or null.';

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email() to anon, authenticated, service_role;

--------------------------------------------------------------------------------
-- Shared triggers
--------------------------------------------------------------------------------
create function app_private.tg__timestamps() returns trigger
  language plpgsql
as $$
begin
  new.created_at := case when tg_op = 'INSERT' then now() else old.created_at end;
  new.updated_at := case when tg_op = 'UPDATE' and old.updated_at >= now() then old.updated_at + interval '1 millisecond' else now() end;
  return new;
end;
$$;
comment on function app_private.tg__timestamps() is 'Sets created_at on insert and a strictly increasing updated_at on every write.';

--------------------------------------------------------------------------------
-- Job queue bridge. graphile_worker.add_job needs the owner's privileges; this
-- wrapper is what SQL functions and triggers call to queue background work.
-- SECURITY DEFINER so that a request role's action (e.g. a new post) can queue
-- its follow-up job without any grant on the worker's schema.
--------------------------------------------------------------------------------
create function app_private.add_job(
  task text,
  payload json default '{}',
  job_key text default null,
  run_at timestamptz default null,
  max_attempts integer default null,
  priority integer default null
) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform graphile_worker.add_job(
    identifier := task,
    payload := payload,
    job_key := job_key,
    run_at := run_at,
    max_attempts := max_attempts,
    priority := priority
  );
end;
$$;
comment on function app_private.add_job(text, json, text, timestamptz, integer, integer) is
  'Queue a graphile-worker job (task name from worker/tasks/). For use by SQL functions and triggers.';

--------------------------------------------------------------------------------
-- Worker heartbeat: the worker records it (task worker__heartbeat, every
-- minute and at start); /health reports the worker as up while it is recent.
--------------------------------------------------------------------------------
create table app_private.worker_heartbeats (
  worker_id text primary key,
  hostname text not null,
  pid integer not null,
  started_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
comment on table app_private.worker_heartbeats is 'Last sign of life of each worker process.';

create function app_private.worker_heartbeat(worker_id text, hostname text, pid integer, started_at timestamptz) returns void
  language sql volatile
as $$
  insert into app_private.worker_heartbeats as h (worker_id, hostname, pid, started_at, last_seen_at)
  values (worker_id, hostname, pid, started_at, now())
  on conflict (worker_id) do update set last_seen_at = now();
  -- Forget workers silent for a day.
  delete from app_private.worker_heartbeats where last_seen_at < now() - interval '1 day';
$$;
