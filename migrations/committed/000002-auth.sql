--! Previous: sha1:7bf121c263c368c9d8cc40124f07f409b3c5f12c
--! Hash: sha1:79e24f8dde9487dd12373e289af01d1081d409dc
--! Message: auth

--------------------------------------------------------------------------------
-- Auth: identity as Supabase stores it (auth.users, identities, sessions,
-- refresh_tokens), the mail outbox, staff roles, and a profile per user.
--
-- Nothing here is granted to anon/authenticated/service_role except the
-- staff-role helpers: the auth server (server/auth) works on these tables as
-- the database owner, as GoTrue does as supabase_auth_admin.
--------------------------------------------------------------------------------

drop table if exists auth.refresh_tokens, auth.sessions, auth.identities, auth.users cascade;

create table auth.users (
  id uuid primary key default gen_random_uuid(),
  aud text not null default 'authenticated',
  role text not null default 'authenticated',
  email text check (email = lower(email)),
  encrypted_password text,
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  -- One-time tokens are stored as GoTrue stores them: hex(sha224(email || otp)),
  -- which is also the `token_hash` of the emailed link.
  confirmation_token text,
  confirmation_sent_at timestamptz,
  recovery_token text,
  recovery_sent_at timestamptz,
  email_change_token_new text,
  email_change text check (email_change = lower(email_change)),
  email_change_sent_at timestamptz,
  reauthentication_token text,
  reauthentication_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb not null default '{}',
  raw_user_meta_data jsonb not null default '{}',
  phone text unique,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  is_anonymous boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table auth.users is 'Accounts, shaped like Supabase''s auth.users so that SQL written for Supabase works.';
create unique index users_email_key on auth.users (email) where email is not null;
create index users_confirmation_token_idx on auth.users (confirmation_token) where confirmation_token is not null;
create index users_recovery_token_idx on auth.users (recovery_token) where recovery_token is not null;
create index users_email_change_token_idx on auth.users (email_change_token_new) where email_change_token_new is not null;
create index users_created_at_idx on auth.users (created_at desc);

create table auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  email text generated always as (lower(identity_data ->> 'email')) stored,
  unique (provider_id, provider)
);
create index identities_user_id_idx on auth.identities (user_id);

create table auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  refreshed_at timestamptz,
  -- The session ends at not_after whatever happens (30 days by default).
  not_after timestamptz not null,
  aal text not null default 'aal1',
  -- Authentication methods: [{"method": "password", "timestamp": 1730000000}]
  amr jsonb not null default '[]',
  user_agent text,
  ip inet
);
create index sessions_user_id_idx on auth.sessions (user_id);
create index sessions_not_after_idx on auth.sessions (not_after);

-- Opaque refresh tokens, stored as sha256 hashes. Each rotation revokes the
-- presented token and creates its child in the same session.
create table auth.refresh_tokens (
  id bigint generated always as identity primary key,
  token text not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  parent text,
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index refresh_tokens_parent_idx on auth.refresh_tokens (parent);
create index refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);
create index refresh_tokens_user_id_idx on auth.refresh_tokens (user_id);

create trigger _100_timestamps before insert or update on auth.users
  for each row execute function app_private.tg__timestamps();

/*
 * Refresh-token rotation, in one transaction under a row lock on the presented
 * token, so that concurrent refreshes of one token are serialised:
 *   - a live token is revoked and its child (whose hash the caller derived)
 *     inserted: status 'rotated', depth 1;
 *   - a token rotated less than `reuse_interval` ago answers with the session's
 *     live token ('reused', depth = how many rotations below the presented one
 *     it is; the caller derives it), so parallel refreshes and retries do not
 *     sign the user out;
 *   - a token rotated earlier than that is a replay: the whole session is
 *     revoked ('already_used');
 *   - unknown token or ended session: 'not_found' / 'session_expired'.
 */
create function auth.rotate_refresh_token(presented text, child text, reuse_interval interval)
  returns table (status text, session_id uuid, user_id uuid, depth integer)
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  t auth.refresh_tokens;
  s auth.sessions;
  live_depth integer;
begin
  select * into t from auth.refresh_tokens rt where rt.token = presented for update;
  if not found then
    return query select 'not_found', null::uuid, null::uuid, 0;
    return;
  end if;
  select * into s from auth.sessions ss where ss.id = t.session_id;
  if s.not_after <= now() then
    return query select 'session_expired', t.session_id, t.user_id, 0;
    return;
  end if;

  if not t.revoked then
    update auth.refresh_tokens set revoked = true, updated_at = now() where id = t.id;
    insert into auth.refresh_tokens (token, user_id, session_id, parent) values (child, t.user_id, t.session_id, presented);
    update auth.sessions set refreshed_at = now(), updated_at = now() where id = t.session_id;
    return query select 'rotated', t.session_id, t.user_id, 1;
    return;
  end if;

  if t.updated_at + reuse_interval >= now() then
    with recursive chain as (
      select rt.token, rt.revoked, 0 as depth from auth.refresh_tokens rt where rt.token = presented
      union all
      select c.token, c.revoked, chain.depth + 1
        from chain join auth.refresh_tokens c on c.parent = chain.token
       where chain.revoked and chain.depth < 100
    )
    select chain.depth into live_depth from chain where not chain.revoked order by chain.depth limit 1;
    if live_depth is not null then
      return query select 'reused', t.session_id, t.user_id, live_depth;
      return;
    end if;
  end if;

  update auth.refresh_tokens set revoked = true, updated_at = now()
   where refresh_tokens.session_id = t.session_id and not revoked;
  return query select 'already_used', t.session_id, t.user_id, 0;
end;
$$;
comment on function auth.rotate_refresh_token(text, text, interval) is
  'Rotate a refresh token (by hash); detects replays outside the reuse interval and revokes the session.';

--------------------------------------------------------------------------------
-- Staff roles: app_metadata.role = 'moderator' | 'admin' (set through the auth
-- admin API). Read from the user row, not the token, so that a change applies
-- at once. SECURITY DEFINER: request roles cannot read auth.users.
--------------------------------------------------------------------------------
create function auth.staff_role() returns text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select r from (
    select u.raw_app_meta_data ->> 'role' as r from auth.users u where u.id = auth.uid()
  ) x where r in ('moderator', 'admin')
$$;
comment on function auth.staff_role() is 'The signed-in user''s staff role (moderator or admin), or null.';

create function auth.is_moderator() returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select coalesce(auth.staff_role() in ('moderator', 'admin'), false) $$;
comment on function auth.is_moderator() is 'True for moderators and admins.';

create function auth.is_admin() returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select coalesce(auth.staff_role() = 'admin', false) $$;
comment on function auth.is_admin() is 'True for admins.';

grant execute on function auth.staff_role(), auth.is_moderator(), auth.is_admin() to anon, authenticated, service_role;

--------------------------------------------------------------------------------
-- Mail outbox: written in the transaction that needs the mail, sent by the
-- worker (task mail__send). Secrets in `data` (OTP, link) are erased once sent.
--------------------------------------------------------------------------------
drop table if exists app_private.mail_outbox cascade;
create table app_private.mail_outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  template text not null check (template in ('confirmation', 'recovery', 'magiclink', 'email_change', 'reauthentication', 'invite')),
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index mail_outbox_unsent_idx on app_private.mail_outbox (created_at) where sent_at is null;
create index mail_outbox_recipient_idx on app_private.mail_outbox (recipient, template, created_at desc);
comment on table app_private.mail_outbox is 'Mail to send; a row per message, queued to the worker by trigger.';

create function app_private.tg_mail_outbox__queue() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.add_job('mail__send', json_build_object('id', new.id), max_attempts := 10);
  return new;
end;
$$;
create trigger _500_queue after insert on app_private.mail_outbox
  for each row execute function app_private.tg_mail_outbox__queue();

--------------------------------------------------------------------------------
-- Profiles: one per user, created with the user. The social-core migration
-- extends this table with privacy, counters and the visibility rules.
--------------------------------------------------------------------------------
drop table if exists app_public.profiles cascade;
create table app_public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  handle citext not null unique check (handle ~ '^[A-Za-z0-9_]{3,30}$'),
  display_name text check (char_length(display_name) <= 50),
  bio text check (char_length(bio) <= 160),
  avatar_url text check (avatar_url ~ '^https?://'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table app_public.profiles enable row level security;
comment on table app_public.profiles is 'A user''s public face: handle, name, bio, avatar.';
comment on column app_public.profiles.id is 'The user''s id (auth.users.id).';
comment on column app_public.profiles.handle is 'Unique, case-insensitive @handle: 3 to 30 letters, digits or underscores.';
comment on column app_public.profiles.display_name is 'Name shown next to the handle, up to 50 characters.';
comment on column app_public.profiles.bio is 'Short biography, up to 160 characters.';
comment on column app_public.profiles.avatar_url is 'URL of the avatar image.';
comment on column app_public.profiles.created_at is 'When the account was created.';
comment on column app_public.profiles.updated_at is 'When the profile last changed.';

create trigger _100_timestamps before insert or update on app_public.profiles
  for each row execute function app_private.tg__timestamps();

create policy select_all on app_public.profiles for select using (true);
create policy update_self on app_public.profiles for update
  using (id = (select auth.uid())) with check (id = (select auth.uid()));
grant select on app_public.profiles to anon, authenticated, service_role;
grant update (handle, display_name, bio, avatar_url) on app_public.profiles to authenticated, service_role;

/* A free handle derived from an email address: its local part, cleaned, with a number added if taken. */
create function app_private.derive_handle(email text) returns citext
  language plpgsql volatile
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  base text := left(regexp_replace(lower(split_part(coalesce(email, ''), '@', 1)), '[^a-z0-9_]+', '_', 'g'), 20);
  candidate text;
begin
  base := trim(both '_' from base);
  if char_length(base) < 3 then base := 'user' || base; end if;
  candidate := base;
  for i in 1..50 loop
    if not exists (select 1 from app_public.profiles p where p.handle = candidate::citext) then
      return candidate::citext;
    end if;
    candidate := base || '_' || (floor(random() * (case when i < 10 then 10000 else 100000000 end)))::int;
  end loop;
  raise exception 'could not derive a free handle for %', email using errcode = 'CONFL';
end;
$$;

create function app_private.tg_users__create_profile() returns trigger
  language plpgsql
  set search_path = pg_catalog, public, pg_temp
as $$
begin
  insert into app_public.profiles (id, handle, display_name)
  values (new.id, app_private.derive_handle(new.email), nullif(left(new.raw_user_meta_data ->> 'display_name', 50), ''));
  return new;
end;
$$;
create trigger _500_create_profile after insert on auth.users
  for each row execute function app_private.tg_users__create_profile();

create function app_public.current_profile() returns app_public.profiles
  language sql stable
as $$
  select * from app_public.profiles where id = (select auth.uid())
$$;
comment on function app_public.current_profile() is 'The signed-in user''s profile, or null when signed out.';
