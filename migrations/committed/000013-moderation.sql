--! Previous: sha1:be06d64077fef9a537d961018250a624b6ffa120
--! Hash: sha1:dac24882d8221a87221858eb5a17c693a7a56f9c
--! Message: moderation

--------------------------------------------------------------------------------
-- Moderation: reports of posts, automatic demonetization, the staff queue,
-- restore, suspension, and an audit row for every moderation action.
--
--   * A post is demonetized when the report of its 10th distinct reporter
--     lands (setting demonetize_post_reports), in that report's transaction.
--   * An account is demonetized, at that same moment, when 3 or more of its
--     posts were demonetized in the last 90 days (demonetize_account_posts,
--     demonetize_account_window_days).
--   * A suspended account (profiles.suspended_at set, suspended_until null
--     or in the future) cannot
--     post, comment, like, repost, follow, like profiles or report: triggers
--     refuse its writes, whoever runs them. Explore leaves it out.
--   * Staff (moderators and admins) see every report and every action, resolve
--     reports, restore demonetized posts and accounts, suspend and lift
--     suspensions; each of these writes a moderation_actions row, and so do
--     the automatic demonetizations (actor null).
--------------------------------------------------------------------------------

drop table if exists app_public.moderation_actions, app_public.post_reports cascade;
drop type if exists app_public.report_reason, app_public.report_status cascade;
drop function if exists app_private.require_moderator(), app_private.post_report_count(uuid), app_private.is_suspended(uuid),
  app_private.demonetize_post_if_reported(uuid), app_private.demonetize_account_if_repeated(uuid),
  app_private.tg_post_reports__demonetize(), app_private.tg__refuse_suspended(),
  app_public.get_post_report_count(uuid), app_public.check_and_demonetize_video(uuid), app_public.check_and_demonetize_account(uuid),
  app_public.report_post(uuid, app_public.report_reason, text), app_public.resolve_post_report(uuid, boolean, text),
  app_public.restore_post_monetization(uuid, text), app_public.restore_account_monetization(uuid, text),
  app_public.suspend_account(uuid, text, timestamptz), app_public.unsuspend_account(uuid, text),
  app_public.profiles_is_suspended(app_public.profiles) cascade;

-- Contract with the revenue branch, which declares the same two columns (it only reads them).
alter table app_public.posts add column if not exists is_demonetized boolean not null default false;
alter table app_public.profiles add column if not exists is_demonetized boolean not null default false;
comment on column app_public.posts.is_demonetized is
  'Demonetized: earns no revenue. Set automatically when the 10th distinct reporter reports the post; staff restore it.';
comment on column app_public.profiles.is_demonetized is
  'Demonetized account: earns no revenue. Set automatically when 3 of its posts were demonetized within 90 days; staff restore it.';

alter table app_public.posts drop column if exists demonetized_at;
alter table app_public.posts add column demonetized_at timestamptz;
comment on column app_public.posts.demonetized_at is 'When the post was demonetized; null while it is not.';
alter table app_public.profiles drop column if exists demonetized_at;
alter table app_public.profiles add column demonetized_at timestamptz;
comment on column app_public.profiles.demonetized_at is 'When the account was demonetized; null while it is not.';
alter table app_public.profiles drop column if exists suspended_at;
alter table app_public.profiles add column suspended_at timestamptz;
alter table app_public.profiles drop column if exists suspended_until;
alter table app_public.profiles add column suspended_until timestamptz;
comment on column app_public.profiles.suspended_at is
  'When the account''s current (or last) suspension began; null: never suspended, or lifted. See `isSuspended`.';
comment on column app_public.profiles.suspended_until is
  'When the suspension ends by itself; null: when staff lift it.';

-- Which of an account's posts were demonetized lately.
drop index if exists app_public.posts_demonetized_idx;
create index posts_demonetized_idx on app_public.posts (author_id, demonetized_at) where is_demonetized;

insert into app_private.settings (key, value, description) values
  ('demonetize_post_reports', '10', 'Distinct reporters (reports not dismissed) that demonetize a post'),
  ('demonetize_account_posts', '3', 'Demonetized posts within the window that demonetize their account'),
  ('demonetize_account_window_days', '90', 'The window, in days, for demonetize_account_posts')
on conflict (key) do nothing;

--------------------------------------------------------------------------------
-- Who acts
--------------------------------------------------------------------------------
create or replace function app_private.require_moderator() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Jobs and SQL run as the owner (no request role) and service_role are the system; requests must be staff.
  if auth.role() in ('anon', 'authenticated') and not auth.is_moderator() then
    raise exception 'Only moderators and admins may do this' using errcode = 'DNIED';
  end if;
end;
$$;

create or replace function app_private.is_suspended(user_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app_public.profiles p where p.id = is_suspended.user_id
                  and p.suspended_at is not null and coalesce(p.suspended_until > now(), true))
$$;

create or replace function app_public.profiles_is_suspended(p app_public.profiles) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select p.suspended_at is not null and coalesce(p.suspended_until > now(), true) $$;
comment on function app_public.profiles_is_suspended(app_public.profiles) is
  'Whether the account is suspended now: it can read but not post, comment, like, repost, follow, like profiles, report or sponsor, and is left out of explore.';

--------------------------------------------------------------------------------
-- Reports
--------------------------------------------------------------------------------
create type app_public.report_reason as enum ('spam', 'harassment', 'hate', 'violence', 'nudity', 'misinformation', 'copyright', 'other');
comment on type app_public.report_reason is 'Why a post is reported.';
create type app_public.report_status as enum ('open', 'upheld', 'dismissed');
comment on type app_public.report_status is 'open (waiting for staff), upheld, or dismissed (no longer counts toward demonetization).';

create table app_public.post_reports (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references app_public.posts (id) on delete cascade,
  reporter_id uuid not null references app_public.profiles (id) on delete cascade,
  reason app_public.report_reason not null,
  details text check (char_length(details) <= 1000),
  status app_public.report_status not null default 'open',
  resolved_by uuid references app_public.profiles (id) on delete set null,
  resolved_at timestamptz,
  resolution_note text check (char_length(resolution_note) <= 1000),
  created_at timestamptz not null default now(),
  unique (post_id, reporter_id)
);
create index post_reports_queue_idx on app_public.post_reports (created_at, id) where status = 'open';
-- Also lets GraphQL filter by status (the queue: `condition: { status: open }`).
create index post_reports_status_idx on app_public.post_reports (status, created_at);
create index post_reports_reporter_idx on app_public.post_reports (reporter_id, created_at desc);
alter table app_public.post_reports enable row level security;
comment on table app_public.post_reports is
  'Reports of posts, one per reporter per post. Reporters see their own; staff see all (the queue: status open, oldest first). Report with `reportPost`.';
comment on column app_public.post_reports.id is 'The report''s id.';
comment on column app_public.post_reports.post_id is 'The post reported.';
comment on column app_public.post_reports.reporter_id is 'Who reported it.';
comment on column app_public.post_reports.reason is 'Why.';
comment on column app_public.post_reports.details is 'The reporter''s words, up to 1000 characters.';
comment on column app_public.post_reports.status is 'open, upheld or dismissed.';
comment on column app_public.post_reports.resolved_by is 'The staff member who resolved it.';
comment on column app_public.post_reports.resolved_at is 'When it was resolved.';
comment on column app_public.post_reports.resolution_note is 'The staff member''s note.';
comment on column app_public.post_reports.created_at is 'When reported.';
comment on constraint post_reports_post_id_fkey on app_public.post_reports is E'@fieldName post\n@foreignFieldName reports';
comment on constraint post_reports_reporter_id_fkey on app_public.post_reports is E'@fieldName reporter\n@foreignFieldName reportsMade';
comment on constraint post_reports_resolved_by_fkey on app_public.post_reports is
  E'@fieldName resolver\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';

create policy select_own_or_staff on app_public.post_reports for select
  using (reporter_id = (select auth.uid()) or (select auth.is_moderator()));
grant select on app_public.post_reports to authenticated, service_role;

-- Every moderation action, automatic or by staff. No foreign keys: the record outlives what it is about.
create table app_public.moderation_actions (
  id bigint generated always as identity primary key,
  actor_id uuid,
  action text not null check (action in ('demonetize_post', 'demonetize_account', 'resolve_report', 'restore_post',
                                         'restore_account', 'suspend_account', 'unsuspend_account')),
  post_id uuid,
  report_id uuid,
  target_user_id uuid,
  note text check (char_length(note) <= 1000),
  created_at timestamptz not null default now()
);
create index moderation_actions_created_idx on app_public.moderation_actions (created_at desc);
create index moderation_actions_target_idx on app_public.moderation_actions (target_user_id, created_at desc);
create index moderation_actions_post_idx on app_public.moderation_actions (post_id, created_at desc) where post_id is not null;
alter table app_public.moderation_actions enable row level security;
comment on table app_public.moderation_actions is 'The moderation audit log: every automatic demonetization and every staff action. Staff only.';
comment on column app_public.moderation_actions.id is 'The action''s id.';
comment on column app_public.moderation_actions.actor_id is 'The staff member who acted; null for the automatic rules (and for the system).';
comment on column app_public.moderation_actions.action is
  'demonetize_post, demonetize_account, resolve_report, restore_post, restore_account, suspend_account or unsuspend_account.';
comment on column app_public.moderation_actions.post_id is 'The post concerned, if any.';
comment on column app_public.moderation_actions.report_id is 'The report resolved, if any.';
comment on column app_public.moderation_actions.target_user_id is 'The account concerned (a post''s author, the account suspended, …).';
comment on column app_public.moderation_actions.note is 'Why: the staff member''s note, or what triggered the rule.';
comment on column app_public.moderation_actions.created_at is 'When.';

create policy select_staff on app_public.moderation_actions for select using ((select auth.is_moderator()));
grant select on app_public.moderation_actions to authenticated, service_role;

--------------------------------------------------------------------------------
-- Demonetization
--------------------------------------------------------------------------------
create or replace function app_private.post_report_count(post_id uuid) returns integer
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select count(distinct r.reporter_id)::integer from app_public.post_reports r
   where r.post_id = post_report_count.post_id and r.status <> 'dismissed'
$$;

create or replace function app_public.get_post_report_count(post_id uuid) returns integer
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- SECURITY DEFINER: counts reports the caller may not read; only staff and the post's author may ask.
  if auth.role() in ('anon', 'authenticated') and not auth.is_moderator()
     and not exists (select 1 from app_public.posts p where p.id = get_post_report_count.post_id and p.author_id = auth.uid()) then
    raise exception 'Only staff and the post''s author may see its report count' using errcode = 'DNIED';
  end if;
  return app_private.post_report_count(post_id);
end;
$$;
comment on function app_public.get_post_report_count(uuid) is
  'Distinct reporters of the post whose report was not dismissed. Staff and the post''s author only.';

create or replace function app_private.demonetize_account_if_repeated(user_id uuid) returns boolean
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  account app_public.profiles;
  days integer := app_private.setting('demonetize_account_window_days')::integer;
  demonetized integer;
begin
  select * into account from app_public.profiles p where p.id = demonetize_account_if_repeated.user_id for no key update;
  if not found then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if account.is_demonetized then
    return true;
  end if;
  select count(*) into demonetized from app_public.posts p
   where p.author_id = account.id and p.is_demonetized and p.demonetized_at > now() - make_interval(days => days);
  if demonetized < app_private.setting('demonetize_account_posts')::integer then
    return false;
  end if;
  update app_public.profiles set is_demonetized = true, demonetized_at = now() where id = account.id;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (null, 'demonetize_account', account.id, format('%s posts demonetized in %s days', demonetized, days));
  return true;
end;
$$;

-- The post's row is locked first: concurrent reports of one post are counted
-- one after another, so that the report that lands the 10th reporter sees all 10.
create or replace function app_private.demonetize_post_if_reported(post_id uuid) returns boolean
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.posts;
  reporters integer;
begin
  select * into p from app_public.posts where id = demonetize_post_if_reported.post_id for no key update;
  if not found then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  if p.is_demonetized then
    return true;
  end if;
  reporters := app_private.post_report_count(p.id);
  if reporters < app_private.setting('demonetize_post_reports')::integer then
    return false;
  end if;
  update app_public.posts set is_demonetized = true, demonetized_at = now() where id = p.id;
  insert into app_public.moderation_actions (actor_id, action, post_id, target_user_id, note)
  values (null, 'demonetize_post', p.id, p.author_id, format('%s distinct reporters', reporters));
  perform app_private.demonetize_account_if_repeated(p.author_id);
  return true;
end;
$$;

create or replace function app_public.check_and_demonetize_video(post_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- SECURITY DEFINER: writes the post, its author's profile and the audit log. Staff and the system only.
  perform app_private.require_moderator();
  return app_private.demonetize_post_if_reported(post_id);
end;
$$;
comment on function app_public.check_and_demonetize_video(uuid) is
  'Staff: demonetize the post if it has reached the report threshold (10 distinct reporters), and then its account if it is a repeat. Runs by itself when a report lands. True when the post is demonetized.';

create or replace function app_public.check_and_demonetize_account(user_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- SECURITY DEFINER: writes the profile and the audit log. Staff and the system only.
  perform app_private.require_moderator();
  return app_private.demonetize_account_if_repeated(user_id);
end;
$$;
comment on function app_public.check_and_demonetize_account(uuid) is
  'Staff: demonetize the account if 3 or more of its posts were demonetized in the last 90 days. Runs by itself when a post is demonetized. True when the account is demonetized.';

create or replace function app_private.tg_post_reports__demonetize() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.demonetize_post_if_reported(new.post_id);
  return null;
end;
$$;
create trigger _500_demonetize after insert on app_public.post_reports
  for each row execute function app_private.tg_post_reports__demonetize();

create or replace function app_public.report_post(post_id uuid, reason app_public.report_reason, details text default null)
  returns app_public.post_reports
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
  row app_public.post_reports;
begin
  if p.author_id = me then
    raise exception 'You cannot report your own post' using errcode = 'INVAL';
  end if;
  insert into app_public.post_reports (post_id, reporter_id, reason, details)
  values (p.id, me, reason, nullif(btrim(details), ''))
  on conflict on constraint post_reports_post_id_reporter_id_key do nothing
  returning * into row;
  if row is null then
    raise exception 'You have already reported this post' using errcode = 'CONFL';
  end if;
  return row;
end;
$$;
comment on function app_public.report_post(uuid, app_public.report_reason, text) is
  'Report a post you can see, once, with a reason and optional details. The 10th distinct reporter demonetizes the post.';

--------------------------------------------------------------------------------
-- Staff actions: each one audited. SECURITY DEFINER: they write rows (reports,
-- posts, profiles, the audit log) that staff have no grant on.
--------------------------------------------------------------------------------
create or replace function app_public.resolve_post_report(report_id uuid, upheld boolean, note text default null)
  returns app_public.post_reports
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.post_reports;
begin
  perform app_private.require_moderator();
  if upheld is null then
    raise exception 'Say whether the report is upheld' using errcode = 'INVAL';
  end if;
  update app_public.post_reports r
     set status = case when upheld then 'upheld' else 'dismissed' end::app_public.report_status,
         resolved_by = auth.uid(), resolved_at = now(), resolution_note = nullif(btrim(note), '')
   where r.id = report_id and r.status = 'open'
  returning * into row;
  if row is null then
    raise exception 'No such open report' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, post_id, report_id, note)
  values (auth.uid(), 'resolve_report', row.post_id, row.id, case when upheld then 'upheld' else 'dismissed' end || coalesce(': ' || row.resolution_note, ''));
  return row;
end;
$$;
comment on function app_public.resolve_post_report(uuid, boolean, text) is
  'Staff: resolve an open report, upheld or dismissed (a dismissed report no longer counts toward demonetization).';

create or replace function app_public.restore_post_monetization(post_id uuid, note text default null) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.posts;
begin
  perform app_private.require_moderator();
  select * into p from app_public.posts where id = restore_post_monetization.post_id for no key update;
  if not found then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  if not p.is_demonetized then
    raise exception 'This post is not demonetized' using errcode = 'CONFL';
  end if;
  update app_public.posts set is_demonetized = false, demonetized_at = null where id = p.id returning * into p;
  -- Its open reports are dismissed: ten new reporters are needed to demonetize it again.
  update app_public.post_reports r
     set status = 'dismissed', resolved_by = auth.uid(), resolved_at = now(), resolution_note = coalesce(nullif(btrim(note), ''), 'post restored')
   where r.post_id = p.id and r.status = 'open';
  insert into app_public.moderation_actions (actor_id, action, post_id, target_user_id, note)
  values (auth.uid(), 'restore_post', p.id, p.author_id, nullif(btrim(note), ''));
  return p;
end;
$$;
comment on function app_public.restore_post_monetization(uuid, text) is
  'Staff: restore a demonetized post (it earns again); its open reports are dismissed. The account''s own demonetization is restored separately.';

create or replace function app_public.restore_account_monetization(user_id uuid, note text default null) returns app_public.profiles
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  account app_public.profiles;
begin
  perform app_private.require_moderator();
  update app_public.profiles p set is_demonetized = false, demonetized_at = null
   where p.id = restore_account_monetization.user_id and p.is_demonetized
  returning * into account;
  if account is null then
    raise exception 'No such demonetized account' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (auth.uid(), 'restore_account', account.id, nullif(btrim(note), ''));
  return account;
end;
$$;
comment on function app_public.restore_account_monetization(uuid, text) is 'Staff: restore a demonetized account (it earns again).';

create or replace function app_public.suspend_account(user_id uuid, reason text, until timestamptz default null) returns app_public.profiles
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  account app_public.profiles;
begin
  perform app_private.require_moderator();
  if coalesce(btrim(reason), '') = '' then
    raise exception 'A suspension needs a reason' using errcode = 'INVAL';
  end if;
  if until is not null and until <= now() then
    raise exception 'A suspension must end in the future' using errcode = 'INVAL';
  end if;
  if user_id = auth.uid() then
    raise exception 'You cannot suspend yourself' using errcode = 'INVAL';
  end if;
  if app_private.is_staff(user_id) then
    raise exception 'Staff accounts cannot be suspended; remove the staff role first' using errcode = 'DNIED';
  end if;
  update app_public.profiles p set suspended_at = now(), suspended_until = suspend_account.until
   where p.id = suspend_account.user_id
  returning * into account;
  if account is null then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (auth.uid(), 'suspend_account', account.id, btrim(reason) || coalesce(' (until ' || until || ')', ' (until lifted)'));
  return account;
end;
$$;
comment on function app_public.suspend_account(uuid, text, timestamptz) is
  'Staff: suspend an account, until `until` or until lifted. It can still sign in and read, but cannot post, comment, like, repost, follow, like profiles, report or sponsor, and is left out of explore.';

create or replace function app_public.unsuspend_account(user_id uuid, note text default null) returns app_public.profiles
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  account app_public.profiles;
begin
  perform app_private.require_moderator();
  update app_public.profiles p set suspended_at = null, suspended_until = null
   where p.id = unsuspend_account.user_id and app_private.is_suspended(p.id)
  returning * into account;
  if account is null then
    raise exception 'No such suspended account' using errcode = 'NTFND';
  end if;
  insert into app_public.moderation_actions (actor_id, action, target_user_id, note)
  values (auth.uid(), 'unsuspend_account', account.id, nullif(btrim(note), ''));
  return account;
end;
$$;
comment on function app_public.unsuspend_account(uuid, text) is 'Staff: lift a suspension now.';

--------------------------------------------------------------------------------
-- Suspension enforced on writes. The trigger's argument names the column
-- holding the acting account. SECURITY DEFINER: it reads the actor's profile
-- whatever the writer's RLS view of it.
--------------------------------------------------------------------------------
create or replace function app_private.tg__refuse_suspended() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if app_private.is_suspended((to_jsonb(new) ->> tg_argv[0])::uuid) then
    raise exception 'Your account is suspended' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;
comment on function app_private.tg__refuse_suspended() is
  'Refuses a write by a suspended account; the argument names the column holding the account (author_id, user_id, …).';

drop trigger if exists _050_refuse_suspended on app_public.posts;
create trigger _050_refuse_suspended before insert or update of body on app_public.posts
  for each row execute function app_private.tg__refuse_suspended('author_id');
drop trigger if exists _050_refuse_suspended on app_public.comments;
create trigger _050_refuse_suspended before insert or update of body on app_public.comments
  for each row execute function app_private.tg__refuse_suspended('author_id');
drop trigger if exists _050_refuse_suspended on app_public.likes;
create trigger _050_refuse_suspended before insert on app_public.likes
  for each row execute function app_private.tg__refuse_suspended('user_id');
drop trigger if exists _050_refuse_suspended on app_public.reposts;
create trigger _050_refuse_suspended before insert on app_public.reposts
  for each row execute function app_private.tg__refuse_suspended('user_id');
drop trigger if exists _050_refuse_suspended on app_public.profile_likes;
create trigger _050_refuse_suspended before insert on app_public.profile_likes
  for each row execute function app_private.tg__refuse_suspended('liker_id');
drop trigger if exists _050_refuse_suspended on app_public.followers;
create trigger _050_refuse_suspended before insert on app_public.followers
  for each row execute function app_private.tg__refuse_suspended('follower_id');
create trigger _050_refuse_suspended before insert on app_public.post_reports
  for each row execute function app_private.tg__refuse_suspended('reporter_id');
-- TODO(messaging): when app_public.messages exists, attach the same trigger with its sender column.
