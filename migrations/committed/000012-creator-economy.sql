--! Previous: sha1:b465d5b24531167a75fa63e866595c55c775d73c
--! Hash: sha1:be06d64077fef9a537d961018250a624b6ffa120
--! Message: creator economy

--------------------------------------------------------------------------------
-- Creator economy, part A: view counting and analytics, cheat detection,
-- monthly video revenue, eligibility, withdrawals.
--
-- Views: app_private.count_post_views is THE counting rule (once per viewer, or
-- per IP for anonymous viewers, per post per window, default 24 h). Every path
-- goes through it: increment_post_views (one view), track_post_events (a batch,
-- as the caller) and ingest_view_batch (the counter-sync job draining Redis,
-- once per batch id). Counted views are logged; revenue, analytics and fraud
-- detection read the log.
--
-- Money is numeric(14, 4), never float. Revenue for a month is written once
-- (the month's row in app_private.revenue_months is its idempotency key);
-- withdrawals lock the creator's payout row, so that concurrent requests never
-- spend the same balance twice.
--------------------------------------------------------------------------------

drop table if exists app_public.withdrawal_requests, app_public.withdrawal_info, app_public.video_revenue,
  app_private.revenue_months, app_public.user_videos, app_public.cheat_status_events, app_public.user_cheat_status,
  app_public.user_analytics, app_private.ingested_view_batches, app_private.post_view_windows,
  app_private.post_view_logs, app_private.post_views cascade;
drop type if exists app_public.withdrawal_status, app_public.monetization_condition, app_public.tracked_events,
  app_public.creator_balance, app_public.dashboard_day cascade;
drop function if exists app_private.count_post_views(jsonb), app_private.view_events(jsonb), app_private.add_post_views(uuid[]),
  app_private.request_ip(), app_public.increment_post_views(uuid, uuid, inet), app_public.track_post_events(uuid[], uuid[]),
  app_private.ingest_view_batch(text, jsonb), app_public.posts_views_count(app_public.posts),
  app_private.refresh_user_analytics(date), app_public.creator_dashboard(date, date), app_private.prune_view_windows(),
  app_private.tg_post_media__videos(), app_private.require_staff(), app_private.require_jobs_or_admin(),
  app_public.check_user_cheat_status(uuid), app_public.update_user_cheat_status(uuid), app_public.clear_user_cheat_flag(uuid, text),
  app_private.update_cheat_statuses(timestamptz), app_private.is_cheat_flagged(uuid),
  app_private.monetization_conditions(uuid), app_private.is_monetization_eligible(uuid), app_public.monetization_status(uuid),
  app_public.calculate_monthly_revenue(date), app_private.available_balance(uuid), app_public.creator_balance(uuid),
  app_public.save_withdrawal_info(text, jsonb), app_public.request_withdrawal(numeric),
  app_private.move_withdrawal(uuid, app_public.withdrawal_status[], app_public.withdrawal_status, text),
  app_public.approve_withdrawal(uuid), app_public.reject_withdrawal(uuid, text), app_public.mark_withdrawal_paid(uuid, text) cascade;
drop index if exists app_private.post_like_logs_created_idx;
delete from app_private.settings where key like 'view\_%' or key like 'monetization\_%' or key like 'revenue\_%'
  or key like 'cheat\_%' or key like 'withdrawal\_%';

-- Shared with part B (moderation), declared identically there. Part B documents them.
alter table app_public.posts add column if not exists is_demonetized boolean not null default false;
alter table app_public.profiles add column if not exists is_demonetized boolean not null default false;
do $$
begin
  -- Part B's COMMENT ON wins whichever migration runs first; these only fill a gap.
  if col_description('app_public.posts'::regclass, (select attnum from pg_attribute where attrelid = 'app_public.posts'::regclass and attname = 'is_demonetized')) is null then
    comment on column app_public.posts.is_demonetized is 'Demonetized: the post earns nothing.';
  end if;
  if col_description('app_public.profiles'::regclass, (select attnum from pg_attribute where attrelid = 'app_public.profiles'::regclass and attname = 'is_demonetized')) is null then
    comment on column app_public.profiles.is_demonetized is 'Demonetized: the account is not eligible for revenue.';
  end if;
end
$$;

insert into app_private.settings (key, value, description) values
  ('view_dedupe_window', '24 hours', 'A viewer (or, anonymous, an IP) counts once per post per this interval'),
  ('monetization_min_account_age_days', '30', 'Revenue eligibility: account age, in days'),
  ('monetization_min_profile_likes', '5000', 'Revenue eligibility: likes of the profile'),
  ('monetization_min_post_likes', '10000', 'Revenue eligibility: likes of the account''s posts, in total'),
  ('monetization_min_posts', '20', 'Revenue eligibility: posts (not deleted)'),
  ('revenue_per_like', '0.001', 'Revenue of one like of a video in its month'),
  ('revenue_per_view', '0.0001', 'Revenue of one counted view of a video in its month'),
  ('withdrawal_min_amount', '10', 'Smallest withdrawal'),
  ('cheat_lookback_days', '30', 'Fraud detection looks at this many days of views and likes'),
  ('cheat_ip_min_views', '50', 'IP concentration: only posts with at least this many views are judged'),
  ('cheat_ip_max_share', '0.5', 'IP concentration: flagged when one IP is behind more than this share of a post''s views'),
  ('cheat_ip_burst_per_hour', '30', 'Burst: flagged when one IP gives the account this many counted views within an hour'),
  ('cheat_ring_top_likers', '10', 'Like ring: how many top likers are examined'),
  ('cheat_ring_min_members', '3', 'Like ring: flagged with at least this many top likers who like each other with the account'),
  ('cheat_ring_min_share', '0.5', 'Like ring: … and when they give at least this share of the account''s likes'),
  ('cheat_ring_min_likes', '20', 'Like ring: only accounts with at least this many likes received are judged');

--------------------------------------------------------------------------------
-- Who may run money and fraud functions.
--------------------------------------------------------------------------------
create or replace function app_private.require_staff() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Jobs run as the owner (no request role); requests must be service_role or a moderator/admin.
  if auth.role() in ('anon', 'authenticated') and not auth.is_moderator() then
    raise exception 'Staff only' using errcode = 'DNIED';
  end if;
end;
$$;

create or replace function app_private.require_jobs_or_admin() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if auth.role() in ('anon', 'authenticated') and not auth.is_admin() then
    raise exception 'Only jobs, the service role or an admin may do this' using errcode = 'DNIED';
  end if;
end;
$$;

--------------------------------------------------------------------------------
-- Views
--------------------------------------------------------------------------------
create table app_private.post_views (
  post_id uuid primary key references app_public.posts (id) on delete cascade,
  views_count bigint not null default 0 check (views_count >= 0),
  updated_at timestamptz not null default now()
);
comment on table app_private.post_views is 'Counted views per post (Post.viewsCount).';

create table app_private.post_view_logs (
  id bigint generated always as identity primary key,
  post_id uuid not null,
  author_id uuid not null,
  viewer_id uuid,
  ip inet,
  viewed_at timestamptz not null
);
create index post_view_logs_post_idx on app_private.post_view_logs (post_id, viewed_at);
create index post_view_logs_author_idx on app_private.post_view_logs (author_id, viewed_at);
create index post_view_logs_viewed_idx on app_private.post_view_logs (viewed_at);
comment on table app_private.post_view_logs is 'Every counted view (author denormalized): revenue, analytics and fraud detection read it.';

-- The dedupe state: when each (post, viewer or IP) last counted.
create table app_private.post_view_windows (
  post_id uuid not null,
  viewer_key text not null,
  counted_at timestamptz not null,
  primary key (post_id, viewer_key)
);
comment on table app_private.post_view_windows is 'When a viewer (uuid) or an anonymous IP (ip:…) last counted for a post; older than the window: may count again.';

-- Batches drained from Redis already applied (the counter sync's idempotency keys).
create table app_private.ingested_view_batches (
  batch_id text primary key,
  events integer not null,
  counted integer not null default 0,
  ingested_at timestamptz not null default now()
);
comment on table app_private.ingested_view_batches is 'View batches applied by the counter sync, once each.';

/*
 * THE view-counting rule, for a set of view events [{post_id, viewer_id, ip,
 * at}] (`at`: the server's time of the event, never the client's). Returns the
 * post of each view that counted (once per counted view) and logs it; callers
 * add them to the counters. Set-based, so that a batch costs a few statements:
 *   - a view counts when the post exists, is not deleted, is not the viewer's
 *     own, and the viewer may see it (the one visibility rule: post_visible
 *     with no relationship, which suffices for public posts, else can_see_post);
 *   - and when the viewer (or, anonymous, the IP) has not counted for this post
 *     within the window: the window row is upserted only if the last counted
 *     view is at least the window older (concurrent views: one wins).
 * Repeats of one (post, viewer) within the events are decided one by one, in
 * time order, by the same rule.
 */
-- View events as rows, each (post, viewer key) numbered in time order. Not
-- inlined (SET clause), so that the planner believes the row estimate and
-- joins a batch's rows by hash, not by nested loops.
create or replace function app_private.view_events(events jsonb)
  returns table (post_id uuid, viewer_id uuid, ip inet, at timestamptz, viewer_key text, nth bigint)
  language sql immutable rows 1000
  set search_path = pg_catalog, pg_temp
as $$
  select x.post_id, x.viewer_id, x.ip, x.at, coalesce(x.viewer_id::text, 'ip:' || host(x.ip)),
         row_number() over (partition by x.post_id, coalesce(x.viewer_id::text, 'ip:' || host(x.ip)) order by x.at)
    from jsonb_to_recordset(events) as x(post_id uuid, viewer_id uuid, ip inet, at timestamptz)
   where x.post_id is not null and x.at is not null and (x.viewer_id is not null or x.ip is not null)
$$;

create or replace function app_private.count_post_views(events jsonb) returns uuid[]
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  window_length interval := app_private.setting('view_dedupe_window')::interval;
  counted uuid[];
  repeat jsonb;
begin
  with countable as (
    select ev.*, p.author_id
      from app_private.view_events(events) ev
      join app_public.posts p on p.id = ev.post_id and p.deleted_at is null
      join app_public.profiles a on a.id = p.author_id
     where ev.nth = 1
       and ev.viewer_id is distinct from p.author_id
       and (app_private.post_visible(ev.viewer_id, p.author_id, p.audience, a.is_private, p.is_paid, 0,
                                     app_private.is_blocked_pair(ev.viewer_id, p.author_id))
            or app_public.can_see_post(ev.viewer_id, ev.post_id))
  ), won as (
    insert into app_private.post_view_windows as w (post_id, viewer_key, counted_at)
    select c.post_id, c.viewer_key, c.at from countable c order by c.post_id, c.viewer_key
    on conflict on constraint post_view_windows_pkey do update set counted_at = excluded.counted_at
     where w.counted_at + window_length <= excluded.counted_at
    returning w.post_id, w.viewer_key
  ), logged as (
    insert into app_private.post_view_logs (post_id, author_id, viewer_id, ip, viewed_at)
    select c.post_id, c.author_id, c.viewer_id, c.ip, c.at from countable c join won using (post_id, viewer_key)
    returning post_id
  )
  select coalesce(array_agg(l.post_id), '{}') into counted from logged l;

  for repeat in
    select jsonb_build_object('post_id', e.post_id, 'viewer_id', e.viewer_id, 'ip', e.ip, 'at', e.at)
      from app_private.view_events(events) e where e.nth > 1 order by e.at
  loop
    counted := counted || app_private.count_post_views(jsonb_build_array(repeat));
  end loop;
  return counted;
end;
$$;
comment on function app_private.count_post_views(jsonb) is
  'THE view-counting rule, set-based: the posts of the views that count (logged); callers add them to the counters.';

-- Counters, in post order (concurrent batches lock the rows in the same order).
create or replace function app_private.add_post_views(post_ids uuid[]) returns void
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  insert into app_private.post_views as v (post_id, views_count)
  select id, count(*) from unnest(post_ids) id group by id order by id
  on conflict (post_id) do update set views_count = v.views_count + excluded.views_count, updated_at = now()
$$;

create or replace function app_private.request_ip() returns inet
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select nullif(current_setting('request.ip', true), '')::inet $$;
comment on function app_private.request_ip() is 'The client IP of the current request, set by the server (request.ip).';

-- SECURITY DEFINER: writes the private log and counters.
create or replace function app_public.increment_post_views(post_id uuid, viewer_id uuid, ip inet) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  counted uuid[];
begin
  if auth.role() in ('anon', 'authenticated') then
    if viewer_id is distinct from auth.uid() then
      raise exception 'You may only record your own views' using errcode = 'DNIED';
    end if;
    if ip is distinct from app_private.request_ip() then
      raise exception 'The IP must be the one the request comes from' using errcode = 'DNIED';
    end if;
  end if;
  counted := app_private.count_post_views(jsonb_build_array(jsonb_build_object('post_id', post_id, 'viewer_id', viewer_id, 'ip', ip, 'at', now())));
  perform app_private.add_post_views(counted);
  return cardinality(counted) > 0;
end;
$$;
comment on function app_public.increment_post_views(uuid, uuid, inet) is
  'Count a view of a post: once per viewer (or, for anonymous viewers, per IP) per post per 24 hours; true when counted. Own posts and posts the viewer may not see do not count. Clients may only record their own views from their own IP; the service role and jobs any.';

create type app_public.tracked_events as (
  views_counted integer,
  likes_added integer
);
comment on type app_public.tracked_events is 'What a batch of events did.';
comment on column app_public.tracked_events.views_counted is 'Views that counted (the others were repeats within the window, own posts, or not visible).';
comment on column app_public.tracked_events.likes_added is 'New likes (liking again changes nothing).';

-- SECURITY DEFINER: writes the private log and counters; acts as auth.uid() from the request's IP.
create or replace function app_public.track_post_events(view_post_ids uuid[] default '{}', like_post_ids uuid[] default '{}')
  returns app_public.tracked_events
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := auth.uid();
  ip inet := app_private.request_ip();
  counted uuid[];
  liked integer;
begin
  if coalesce(cardinality(view_post_ids), 0) + coalesce(cardinality(like_post_ids), 0) > 500 then
    raise exception 'At most 500 events per batch' using errcode = 'INVAL';
  end if;
  if cardinality(like_post_ids) > 0 then
    perform app_private.require_user();
  end if;
  counted := app_private.count_post_views(
    (select coalesce(jsonb_agg(jsonb_build_object('post_id', v.post_id, 'viewer_id', me, 'ip', ip, 'at', now())), '[]')
       from unnest(view_post_ids) as v(post_id)));
  perform app_private.add_post_views(counted);
  with l as (
    insert into app_public.likes (post_id, user_id)
    select distinct x.post_id, me from unnest(like_post_ids) as x(post_id)
     where app_public.can_see_post(me, x.post_id)
       and exists (select 1 from app_public.posts p where p.id = x.post_id and p.deleted_at is null)
    on conflict do nothing
    returning 1
  ) select count(*) into liked from l;
  return row(cardinality(counted), liked)::app_public.tracked_events;
end;
$$;
comment on function app_public.track_post_events(uuid[], uuid[]) is
  'Batch of analytics events from a client, as the signed-in user (or anonymously, by IP, for views): views of posts (each counted as `incrementPostViews` does) and likes (as `likePost`; posts you may not see are skipped). At most 500 events.';

-- The counter sync: a batch drained from Redis, applied once per batch id.
create or replace function app_private.ingest_view_batch(batch_id text, events jsonb) returns integer
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  counted_posts uuid[];
begin
  insert into app_private.ingested_view_batches (batch_id, events) values (batch_id, jsonb_array_length(events))
  on conflict do nothing;
  if not found then
    return 0; -- applied before (a sync that stopped after committing)
  end if;
  counted_posts := app_private.count_post_views(events);
  perform app_private.add_post_views(counted_posts);
  update app_private.ingested_view_batches b set counted = cardinality(counted_posts) where b.batch_id = ingest_view_batch.batch_id;
  return cardinality(counted_posts);
end;
$$;
comment on function app_private.ingest_view_batch(text, jsonb) is
  'Apply view events [{post_id, viewer_id, ip, at}] drained from Redis, at most once per batch id; returns the views counted.';

create or replace function app_private.prune_view_windows() returns integer
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  with w as (
    delete from app_private.post_view_windows where counted_at < now() - app_private.setting('view_dedupe_window')::interval returning 1
  ), b as (
    delete from app_private.ingested_view_batches where ingested_at < now() - interval '30 days' returning 1
  ) select (select count(*) from w)::integer + (select count(*) from b)::integer
$$;
comment on function app_private.prune_view_windows() is 'Forget dedupe windows that have ended and batch ids older than 30 days.';

-- SECURITY DEFINER: the counter is private; the post row passed in is one the caller may see.
create or replace function app_public.posts_views_count(p app_public.posts) returns bigint
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$ select coalesce((select v.views_count from app_private.post_views v where v.post_id = p.id), 0) $$;
comment on function app_public.posts_views_count(app_public.posts) is 'Counted views (once per viewer or anonymous IP per 24 hours).';

--------------------------------------------------------------------------------
-- Analytics: a row per user and day (UTC), rolled up from the logs.
--------------------------------------------------------------------------------
create table app_public.user_analytics (
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  day date not null,
  views integer not null default 0,
  likes integer not null default 0,
  followers integer not null default 0,
  estimated_revenue numeric(14, 4) not null default 0,
  updated_at timestamptz not null default now(),
  primary key (user_id, day)
);
create index post_like_logs_created_idx on app_private.post_like_logs (created_at);
alter table app_public.user_analytics enable row level security;
comment on table app_public.user_analytics is
  E'@behavior -query:resource:single\nA creator''s day (UTC): views and likes received, followers, estimated revenue. Rolled up hourly; the creator and staff see it.';
comment on column app_public.user_analytics.user_id is 'The creator.';
comment on column app_public.user_analytics.day is 'The day (UTC).';
comment on column app_public.user_analytics.views is 'Counted views of the creator''s posts that day.';
comment on column app_public.user_analytics.likes is 'Likes given to the creator''s posts that day (later unlikes not subtracted).';
comment on column app_public.user_analytics.followers is 'Followers at the end of the day (for today: at the last roll-up).';
comment on column app_public.user_analytics.estimated_revenue is
  'What the day''s video likes and views would earn at the revenue rates, before eligibility; the payable figure is the month''s video revenue.';
comment on column app_public.user_analytics.updated_at is 'When rolled up.';

comment on constraint user_analytics_user_id_fkey on app_public.user_analytics is E'@fieldName user\n@foreignFieldName analytics';

create policy select_own_or_staff on app_public.user_analytics for select
  using (user_id = (select auth.uid()) or (select auth.is_moderator()));
grant select on app_public.user_analytics to authenticated, service_role;

create or replace function app_private.refresh_user_analytics(day date) returns integer
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  from_ts timestamptz := day::timestamp at time zone 'UTC';
  to_ts timestamptz := (day + 1)::timestamp at time zone 'UTC';
  per_like numeric := app_private.setting('revenue_per_like')::numeric;
  per_view numeric := app_private.setting('revenue_per_view')::numeric;
  n integer;
begin
  with views as (
    select l.author_id as user_id, count(*) as views,
           count(*) filter (where exists (select 1 from app_public.user_videos v where v.post_id = l.post_id)) as video_views
      from app_private.post_view_logs l
     where l.viewed_at >= from_ts and l.viewed_at < to_ts
     group by l.author_id
  ), likes as (
    select p.author_id as user_id, count(*) as likes,
           count(*) filter (where exists (select 1 from app_public.user_videos v where v.post_id = l.post_id)) as video_likes
      from app_private.post_like_logs l join app_public.posts p on p.id = l.post_id
     where l.action = 'like' and l.created_at >= from_ts and l.created_at < to_ts and l.user_id <> p.author_id
     group by p.author_id
  ), days as (
    select coalesce(v.user_id, l.user_id) as user_id, coalesce(v.views, 0) as views, coalesce(l.likes, 0) as likes,
           coalesce(l.video_likes, 0) * per_like + coalesce(v.video_views, 0) * per_view as estimated_revenue
      from views v full join likes l on l.user_id = v.user_id
    union all -- creators get a row every day (their followers)
    select s.user_id, 0, 0, 0 from app_public.user_settings s
     where s.is_content_creator
       and not exists (select 1 from views v where v.user_id = s.user_id)
       and not exists (select 1 from likes l where l.user_id = s.user_id)
  )
  insert into app_public.user_analytics as a (user_id, day, views, likes, followers, estimated_revenue)
  select d.user_id, refresh_user_analytics.day, d.views, d.likes, p.followers_count, d.estimated_revenue
    from days d join app_public.profiles p on p.id = d.user_id
  on conflict on constraint user_analytics_pkey do update
     set views = excluded.views, likes = excluded.likes, estimated_revenue = excluded.estimated_revenue, updated_at = now(),
         -- A follower count is a snapshot: only today's moves.
         followers = case when a.day >= (now() at time zone 'UTC')::date then excluded.followers else a.followers end;
  get diagnostics n = row_count;
  return n;
end;
$$;
comment on function app_private.refresh_user_analytics(date) is 'Recompute user_analytics for one UTC day from the logs (idempotent); the hourly roll-up job runs it for today and yesterday.';

create type app_public.dashboard_day as (
  day date,
  views integer,
  likes integer,
  followers integer,
  estimated_revenue numeric
);
comment on type app_public.dashboard_day is 'One day of a creator''s dashboard.';
comment on column app_public.dashboard_day.day is 'The day (UTC).';
comment on column app_public.dashboard_day.views is 'Counted views of your posts.';
comment on column app_public.dashboard_day.likes is 'Likes of your posts.';
comment on column app_public.dashboard_day.followers is 'Followers at the end of the day (null before the first roll-up).';
comment on column app_public.dashboard_day.estimated_revenue is 'Estimated revenue of the day''s video likes and views.';

create or replace function app_public.creator_dashboard(from_day date, to_day date) returns setof app_public.dashboard_day
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    raise exception 'You must be signed in' using errcode = 'LOGIN';
  end if;
  if from_day is null or to_day is null or to_day < from_day or to_day - from_day > 366 then
    raise exception 'Give a range of at most 367 days, from_day <= to_day' using errcode = 'INVAL';
  end if;
  return query
    select d::date, coalesce(a.views, 0), coalesce(a.likes, 0), a.followers, coalesce(a.estimated_revenue, 0)
      from generate_series(from_day, to_day, interval '1 day') d
      left join app_public.user_analytics a on a.user_id = me and a.day = d::date
     order by 1;
end;
$$;
comment on function app_public.creator_dashboard(date, date) is
  'Your views, likes, followers and estimated revenue per day (UTC) from `fromDay` to `toDay` (at most 367 days), a row for every day. Rolled up hourly.';

--------------------------------------------------------------------------------
-- Videos: posts with a video attachment, kept by trigger.
--------------------------------------------------------------------------------
create table app_public.user_videos (
  post_id uuid primary key references app_public.posts (id) on delete cascade,
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index user_videos_user_idx on app_public.user_videos (user_id, created_at desc);
alter table app_public.user_videos enable row level security;
comment on table app_public.user_videos is 'Posts with a video attachment: the posts that earn revenue. Visible with their post.';
comment on column app_public.user_videos.post_id is 'The post.';
comment on column app_public.user_videos.user_id is 'Its author.';
comment on column app_public.user_videos.created_at is 'When the first video was attached.';
comment on constraint user_videos_user_id_fkey on app_public.user_videos is E'@fieldName user\n@foreignFieldName videos';
comment on constraint user_videos_post_id_fkey on app_public.user_videos is E'@fieldName post\n@foreignSingleFieldName video';
create policy select_visible on app_public.user_videos for select using (exists (select 1 from app_public.posts p where p.id = post_id));
grant select on app_public.user_videos to anon, authenticated, service_role;

-- SECURITY DEFINER: whoever attaches media has no grant on user_videos.
create or replace function app_private.tg_post_media__videos() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' and new.media_type = 'video' then
    insert into app_public.user_videos (post_id, user_id)
    select p.id, p.author_id from app_public.posts p where p.id = new.post_id
    on conflict do nothing;
  elsif tg_op = 'DELETE' and old.media_type = 'video'
        and not exists (select 1 from app_public.post_media m where m.post_id = old.post_id and m.media_type = 'video') then
    delete from app_public.user_videos where post_id = old.post_id;
  end if;
  return null;
end;
$$;
create trigger _500_videos after insert or delete on app_public.post_media
  for each row execute function app_private.tg_post_media__videos();
insert into app_public.user_videos (post_id, user_id, created_at)
select m.post_id, p.author_id, min(m.created_at) from app_public.post_media m join app_public.posts p on p.id = m.post_id
 where m.media_type = 'video' group by 1, 2;

--------------------------------------------------------------------------------
-- Cheat detection. Signals over the last 30 days (and only since staff last
-- cleared the account): one IP behind most of a post's views, bursts of views
-- from one IP, a like ring among the top likers. A flag stays until staff
-- clear it; a flagged account earns nothing and cannot withdraw.
--------------------------------------------------------------------------------
create table app_public.user_cheat_status (
  user_id uuid primary key references app_public.profiles (id) on delete cascade,
  is_flagged boolean not null default false,
  signals jsonb not null default '[]' check (jsonb_typeof(signals) = 'array'),
  checked_at timestamptz not null default now(),
  flagged_at timestamptz,
  cleared_at timestamptz,
  cleared_by uuid references app_public.profiles (id) on delete set null
);
create index user_cheat_status_flagged_idx on app_public.user_cheat_status (flagged_at) where is_flagged;
alter table app_public.user_cheat_status enable row level security;
comment on table app_public.user_cheat_status is 'Fraud detection''s verdict per account; staff see all, an account its own.';
comment on column app_public.user_cheat_status.user_id is 'The account.';
comment on column app_public.user_cheat_status.is_flagged is 'Flagged for cheating: earns nothing until staff clear it.';
comment on column app_public.user_cheat_status.signals is
  E'What the last check found: [{"kind": "ip_concentration" | "ip_burst" | "like_ring", …numbers}].';
comment on column app_public.user_cheat_status.checked_at is 'When last checked.';
comment on column app_public.user_cheat_status.flagged_at is 'When flagged.';
comment on column app_public.user_cheat_status.cleared_at is 'When staff last cleared it; earlier evidence is not counted again.';
comment on column app_public.user_cheat_status.cleared_by is 'Who cleared it.';
comment on constraint user_cheat_status_user_id_fkey on app_public.user_cheat_status is E'@fieldName user\n@foreignSingleFieldName cheatStatus';
comment on constraint user_cheat_status_cleared_by_fkey on app_public.user_cheat_status is
  E'@fieldName clearedByProfile\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';

create policy select_own_or_staff on app_public.user_cheat_status for select
  using (user_id = (select auth.uid()) or (select auth.is_moderator()));
grant select on app_public.user_cheat_status to authenticated, service_role;

create table app_public.cheat_status_events (
  id bigint generated always as identity primary key,
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  action text not null check (action in ('flagged', 'cleared')),
  actor_id uuid references app_public.profiles (id) on delete set null,
  signals jsonb not null default '[]',
  note text check (char_length(note) <= 1000),
  created_at timestamptz not null default now()
);
create index cheat_status_events_user_idx on app_public.cheat_status_events (user_id, created_at desc);
alter table app_public.cheat_status_events enable row level security;
comment on table app_public.cheat_status_events is 'Audit of cheat flags: every flag (by detection) and clearance (by staff). Staff only.';
comment on column app_public.cheat_status_events.id is 'The event''s id.';
comment on column app_public.cheat_status_events.user_id is 'The account.';
comment on column app_public.cheat_status_events.action is 'flagged or cleared.';
comment on column app_public.cheat_status_events.actor_id is 'The staff member who cleared; null for automatic flags.';
comment on column app_public.cheat_status_events.signals is 'The evidence at the time.';
comment on column app_public.cheat_status_events.note is 'Staff''s reason for clearing.';
comment on column app_public.cheat_status_events.created_at is 'When.';
comment on constraint cheat_status_events_user_id_fkey on app_public.cheat_status_events is E'@fieldName user\n@foreignFieldName cheatStatusEvents';
comment on constraint cheat_status_events_actor_id_fkey on app_public.cheat_status_events is
  E'@fieldName actor\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';

create policy select_staff on app_public.cheat_status_events for select using ((select auth.is_moderator()));
grant select on app_public.cheat_status_events to authenticated, service_role;

create or replace function app_private.is_cheat_flagged(user_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select coalesce((select s.is_flagged from app_public.user_cheat_status s where s.user_id = is_cheat_flagged.user_id), false) $$;

-- SECURITY DEFINER: reads the private view log and everyone's likes; staff and jobs only (the evidence names IPs).
create or replace function app_public.check_user_cheat_status(user_id uuid) returns jsonb
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  since timestamptz := greatest(
    now() - make_interval(days => app_private.setting('cheat_lookback_days')::integer),
    (select s.cleared_at from app_public.user_cheat_status s where s.user_id = check_user_cheat_status.user_id));
  lim_ip_views integer := app_private.setting('cheat_ip_min_views')::integer;
  lim_ip_share numeric := app_private.setting('cheat_ip_max_share')::numeric;
  lim_burst integer := app_private.setting('cheat_ip_burst_per_hour')::integer;
  lim_top_likers integer := app_private.setting('cheat_ring_top_likers')::integer;
  lim_ring_members integer := app_private.setting('cheat_ring_min_members')::integer;
  lim_ring_share numeric := app_private.setting('cheat_ring_min_share')::numeric;
  lim_ring_likes integer := app_private.setting('cheat_ring_min_likes')::integer;
  signals jsonb;
begin
  perform app_private.require_staff();
  with concentration as (
    select jsonb_build_object('kind', 'ip_concentration', 'post_id', x.post_id, 'ip', host(x.ip), 'views_from_ip', x.n,
                              'views', x.total, 'share', round(x.n::numeric / x.total, 4)) as s
      from (select l.post_id, l.ip, count(*) as n, sum(count(*)) over (partition by l.post_id) as total
              from app_private.post_view_logs l
             where l.author_id = check_user_cheat_status.user_id and l.viewed_at >= since and l.ip is not null
             group by l.post_id, l.ip) x
     where x.total >= lim_ip_views and x.n > lim_ip_share * x.total
  ), bursts as (
    select jsonb_build_object('kind', 'ip_burst', 'ip', host(l.ip), 'hour', date_trunc('hour', l.viewed_at), 'views', count(*)) as s
      from app_private.post_view_logs l
     where l.author_id = check_user_cheat_status.user_id and l.viewed_at >= since and l.ip is not null
     group by l.ip, date_trunc('hour', l.viewed_at)
    having count(*) >= lim_burst
  ), likers as (
    select l.user_id as liker, count(*) as n
      from app_public.posts p join app_public.likes l on l.post_id = p.id
     where p.author_id = check_user_cheat_status.user_id and l.created_at >= since and l.user_id <> p.author_id
     group by l.user_id
  ), ring as (
    select count(*) as members, coalesce(sum(t.n), 0) as ring_likes, (select coalesce(sum(n), 0) from likers) as total_likes
      from (select * from likers order by n desc, liker limit lim_top_likers) t
     where app_public.check_mutual_likes(check_user_cheat_status.user_id, t.liker)
  ), rings as (
    select jsonb_build_object('kind', 'like_ring', 'members', r.members, 'likes_from_ring', r.ring_likes,
                              'likes', r.total_likes, 'share', round(r.ring_likes::numeric / r.total_likes, 4)) as s
      from ring r
     where r.total_likes >= lim_ring_likes and r.members >= lim_ring_members and r.ring_likes >= lim_ring_share * r.total_likes
  )
  select coalesce(jsonb_agg(s), '[]') into signals
    from (select s from concentration union all select s from bursts union all select s from rings) all_signals;
  return jsonb_build_object('flagged', jsonb_array_length(signals) > 0, 'since', since, 'signals', signals);
end;
$$;
comment on function app_public.check_user_cheat_status(uuid) is
  'Staff: the fraud signals for an account now, without changing its status: {flagged, since, signals}.';

-- SECURITY DEFINER: writes the status and the audit; staff and jobs only.
create or replace function app_public.update_user_cheat_status(user_id uuid) returns app_public.user_cheat_status
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  verdict jsonb;
  row app_public.user_cheat_status;
begin
  perform app_private.require_staff();
  if not exists (select 1 from app_public.profiles p where p.id = update_user_cheat_status.user_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  verdict := app_public.check_user_cheat_status(user_id);
  insert into app_public.user_cheat_status as s (user_id, is_flagged, signals, checked_at, flagged_at)
  values (user_id, (verdict ->> 'flagged')::boolean, verdict -> 'signals', now(),
          case when (verdict ->> 'flagged')::boolean then now() end)
  on conflict on constraint user_cheat_status_pkey do update
     set signals = excluded.signals, checked_at = excluded.checked_at,
         -- A flag stays until staff clear it.
         is_flagged = s.is_flagged or excluded.is_flagged,
         flagged_at = case when s.is_flagged then s.flagged_at else excluded.flagged_at end
  returning * into row;
  if row.is_flagged and row.flagged_at = now() then
    insert into app_public.cheat_status_events (user_id, action, signals) values (user_id, 'flagged', row.signals);
  end if;
  return row;
end;
$$;
comment on function app_public.update_user_cheat_status(uuid) is
  'Staff and the daily job: check an account and record the verdict. A flag stays until staff clear it (clearCheatFlag); a flagged account earns nothing.';

-- SECURITY DEFINER: writes the status and the audit; staff only.
create or replace function app_public.clear_user_cheat_flag(user_id uuid, note text) returns app_public.user_cheat_status
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.user_cheat_status;
begin
  if not auth.is_moderator() then
    raise exception 'Only staff may clear a cheat flag' using errcode = 'DNIED';
  end if;
  if coalesce(btrim(note), '') = '' then
    raise exception 'Say why the flag is cleared' using errcode = 'INVAL';
  end if;
  update app_public.user_cheat_status s
     set is_flagged = false, cleared_at = now(), cleared_by = auth.uid(), signals = '[]'
   where s.user_id = clear_user_cheat_flag.user_id and s.is_flagged
  returning * into row;
  if row is null then
    raise exception 'This account is not flagged' using errcode = 'NTFND';
  end if;
  insert into app_public.cheat_status_events (user_id, action, actor_id, note) values (user_id, 'cleared', auth.uid(), note);
  return row;
end;
$$;
comment on function app_public.clear_user_cheat_flag(uuid, text) is
  E'@name clearCheatFlag\nStaff: clear an account''s cheat flag, saying why (audited). Evidence before now is not counted again.';

-- The daily job: accounts whose posts were viewed or liked since `since`.
create or replace function app_private.update_cheat_statuses(since timestamptz) returns integer
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  flagged integer := 0;
  u uuid;
begin
  for u in
    select l.author_id from app_private.post_view_logs l where l.viewed_at >= since
    union
    select p.author_id from app_private.post_like_logs l join app_public.posts p on p.id = l.post_id where l.created_at >= since
  loop
    if (app_public.update_user_cheat_status(u)).is_flagged then
      flagged := flagged + 1;
    end if;
  end loop;
  return flagged;
end;
$$;
comment on function app_private.update_cheat_statuses(timestamptz) is 'Check every account active since `since`; returns how many are flagged.';

--------------------------------------------------------------------------------
-- Eligibility
--------------------------------------------------------------------------------
create type app_public.monetization_condition as (
  condition text,
  required numeric,
  actual numeric,
  met boolean
);
comment on type app_public.monetization_condition is 'One revenue eligibility condition: what is required, where the account stands.';
comment on column app_public.monetization_condition.condition is
  'account_age_days, profile_likes, post_likes, posts, not_demonetized (1 = not demonetized) or not_flagged (1 = not flagged for cheating).';
comment on column app_public.monetization_condition.required is 'The minimum.';
comment on column app_public.monetization_condition.actual is 'The account''s figure.';
comment on column app_public.monetization_condition.met is 'actual >= required.';

create or replace function app_private.monetization_conditions(user_id uuid) returns setof app_public.monetization_condition
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select c.condition, c.required, c.actual, c.actual >= c.required
    from app_public.profiles p
    cross join lateral (values
      (1, 'account_age_days', app_private.setting('monetization_min_account_age_days')::numeric,
          floor(extract(epoch from now() - p.created_at) / 86400)::numeric),
      (2, 'profile_likes', app_private.setting('monetization_min_profile_likes')::numeric, p.profile_likes_count::numeric),
      (3, 'post_likes', app_private.setting('monetization_min_post_likes')::numeric,
          (select coalesce(sum(x.likes_count), 0) from app_public.posts x where x.author_id = p.id and x.deleted_at is null)::numeric),
      (4, 'posts', app_private.setting('monetization_min_posts')::numeric, p.posts_count::numeric),
      (5, 'not_demonetized', 1::numeric, case when p.is_demonetized then 0 else 1 end::numeric),
      (6, 'not_flagged', 1::numeric, case when app_private.is_cheat_flagged(p.id) then 0 else 1 end::numeric)
    ) c(ord, condition, required, actual)
   where p.id = monetization_conditions.user_id
   order by c.ord
$$;

create or replace function app_private.is_monetization_eligible(user_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select coalesce(bool_and(c.met), false) from app_private.monetization_conditions(user_id) c $$;

-- SECURITY DEFINER: reads the cheat status and every post's likes of the account.
create or replace function app_public.monetization_status(user_id uuid default null) returns setof app_public.monetization_condition
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  target uuid := coalesce(user_id, app_private.require_user());
begin
  if target is distinct from auth.uid() then
    perform app_private.require_staff();
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = target) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  return query select * from app_private.monetization_conditions(target);
end;
$$;
comment on function app_public.monetization_status(uuid) is
  'Which revenue eligibility conditions an account meets and misses, with the numbers: yours (no argument), or any account''s for staff. Eligible when every condition is met.';

--------------------------------------------------------------------------------
-- Monthly revenue
--------------------------------------------------------------------------------
create table app_public.video_revenue (
  post_id uuid not null references app_public.posts (id) on delete cascade,
  month date not null check (month = date_trunc('month', month)::date),
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  likes integer not null check (likes >= 0),
  views integer not null check (views >= 0),
  amount numeric(14, 4) not null check (amount >= 0),
  calculated_at timestamptz not null default now(),
  primary key (post_id, month)
);
create index video_revenue_user_idx on app_public.video_revenue (user_id, month desc);
alter table app_public.video_revenue enable row level security;
comment on table app_public.video_revenue is 'What each video earned in a month (written once, by the monthly job); the creator and staff see it.';
comment on column app_public.video_revenue.post_id is 'The video post.';
comment on column app_public.video_revenue.month is 'The month (its first day; months are UTC).';
comment on column app_public.video_revenue.user_id is 'The creator.';
comment on column app_public.video_revenue.likes is 'Likes given in the month (still standing at calculation).';
comment on column app_public.video_revenue.views is 'Views counted in the month.';
comment on column app_public.video_revenue.amount is 'likes × 0.001 + views × 0.0001 (rates in settings), exact.';
comment on column app_public.video_revenue.calculated_at is 'When calculated.';
comment on constraint video_revenue_user_id_fkey on app_public.video_revenue is E'@fieldName user\n@foreignFieldName videoRevenue';
comment on constraint video_revenue_post_id_fkey on app_public.video_revenue is E'@fieldName post\n@foreignFieldName revenue';

create policy select_own_or_staff on app_public.video_revenue for select
  using (user_id = (select auth.uid()) or (select auth.is_moderator()));
grant select on app_public.video_revenue to authenticated, service_role;

create table app_private.revenue_months (
  month date primary key,
  videos integer not null default 0,
  total numeric(14, 4) not null default 0,
  calculated_at timestamptz not null default now()
);
comment on table app_private.revenue_months is 'Months whose revenue is calculated: a month is calculated once.';

-- SECURITY DEFINER: writes revenue rows; jobs, the service role and admins only.
create or replace function app_public.calculate_monthly_revenue(month date) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  m date := date_trunc('month', month)::date;
  from_ts timestamptz := m::timestamp at time zone 'UTC';
  to_ts timestamptz := (m + interval '1 month')::timestamp at time zone 'UTC';
  per_like numeric := app_private.setting('revenue_per_like')::numeric;
  per_view numeric := app_private.setting('revenue_per_view')::numeric;
  n integer;
begin
  perform app_private.require_jobs_or_admin();
  if m is null or to_ts > now() then
    raise exception 'Revenue is calculated for a month that has ended' using errcode = 'INVAL';
  end if;
  -- Once per month: a second run (or a concurrent one, once the first commits) finds the row.
  insert into app_private.revenue_months (month) values (m) on conflict do nothing;
  if not found then
    return 0;
  end if;
  with videos as (
    select v.post_id, v.user_id
      from app_public.user_videos v
      join app_public.posts p on p.id = v.post_id
     where p.deleted_at is null and not p.is_demonetized
  ), eligible as (
    select c.user_id from (select distinct user_id from videos) c where app_private.is_monetization_eligible(c.user_id)
  ), counts as (
    select v.post_id, v.user_id,
           (select count(*) from app_public.likes l
             where l.post_id = v.post_id and l.user_id <> v.user_id and l.created_at >= from_ts and l.created_at < to_ts)::integer as likes,
           (select count(*) from app_private.post_view_logs w
             where w.post_id = v.post_id and w.viewed_at >= from_ts and w.viewed_at < to_ts)::integer as views
      from videos v join eligible e on e.user_id = v.user_id
  )
  insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount)
  select c.post_id, m, c.user_id, c.likes, c.views, c.likes * per_like + c.views * per_view
    from counts c
   where c.likes > 0 or c.views > 0;
  get diagnostics n = row_count;
  update app_private.revenue_months r
     set videos = n, total = (select coalesce(sum(amount), 0) from app_public.video_revenue v where v.month = m)
   where r.month = m;
  -- TODO notify: a money notification to each creator credited this month (notifications come from another branch).
  return n;
end;
$$;
comment on function app_public.calculate_monthly_revenue(date) is
  'Jobs and admins: write each video''s revenue for the month containing `month` (UTC): likes × 0.001 + views × 0.0001 from that month''s likes and views, for eligible creators, demonetized posts excluded. Once per month: running it again changes nothing and returns 0; returns the rows written.';

--------------------------------------------------------------------------------
-- Withdrawals
--------------------------------------------------------------------------------
create table app_public.withdrawal_info (
  user_id uuid primary key references app_public.profiles (id) on delete cascade,
  method text not null check (method in ('bank_transfer', 'paypal')),
  details jsonb not null check (jsonb_typeof(details) = 'object' and details <> '{}' and length(details::text) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table app_public.withdrawal_info enable row level security;
comment on table app_public.withdrawal_info is 'Where a creator''s withdrawals are paid. Only the creator and admins see it; change it with `saveWithdrawalInfo`.';
comment on column app_public.withdrawal_info.user_id is 'The creator.';
comment on column app_public.withdrawal_info.method is 'bank_transfer or paypal.';
comment on column app_public.withdrawal_info.details is E'Payout details for the method, e.g. {"iban": "…", "holder": "…"} or {"email": "…"}.';
comment on column app_public.withdrawal_info.created_at is 'When first saved.';
comment on column app_public.withdrawal_info.updated_at is 'When last changed.';
comment on constraint withdrawal_info_user_id_fkey on app_public.withdrawal_info is E'@fieldName user\n@foreignSingleFieldName withdrawalInfo';
create trigger _100_timestamps before insert or update on app_public.withdrawal_info
  for each row execute function app_private.tg__timestamps();

create policy select_own_or_admin on app_public.withdrawal_info for select
  using (user_id = (select auth.uid()) or (select auth.is_admin()));
grant select on app_public.withdrawal_info to authenticated, service_role;

create type app_public.withdrawal_status as enum ('pending', 'approved', 'paid', 'rejected');
comment on type app_public.withdrawal_status is 'pending → approved → paid, or rejected (from pending or approved).';

create table app_public.withdrawal_requests (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  amount numeric(14, 4) not null check (amount > 0),
  status app_public.withdrawal_status not null default 'pending',
  method text not null,
  details jsonb not null,
  note text check (char_length(note) <= 1000),
  reviewed_by uuid references app_public.profiles (id) on delete set null,
  reviewed_at timestamptz,
  paid_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index withdrawal_requests_user_idx on app_public.withdrawal_requests (user_id, created_at desc);
create index withdrawal_requests_open_idx on app_public.withdrawal_requests (created_at) where status in ('pending', 'approved');
alter table app_public.withdrawal_requests enable row level security;
comment on table app_public.withdrawal_requests is 'Withdrawals of revenue. The creator and admins see them; admins move them (approve, reject, mark paid).';
comment on column app_public.withdrawal_requests.id is 'The request''s id.';
comment on column app_public.withdrawal_requests.user_id is 'The creator.';
comment on column app_public.withdrawal_requests.amount is 'How much.';
comment on column app_public.withdrawal_requests.status is 'pending, approved, paid or rejected.';
comment on column app_public.withdrawal_requests.method is 'The payout method when requested.';
comment on column app_public.withdrawal_requests.details is 'The payout details when requested.';
comment on column app_public.withdrawal_requests.note is 'Staff: why rejected, or the payment reference.';
comment on column app_public.withdrawal_requests.reviewed_by is 'The admin who last moved it.';
comment on column app_public.withdrawal_requests.reviewed_at is 'When approved or rejected.';
comment on column app_public.withdrawal_requests.paid_at is 'When paid.';
comment on column app_public.withdrawal_requests.created_at is 'When requested.';
comment on column app_public.withdrawal_requests.updated_at is 'When last changed.';
comment on constraint withdrawal_requests_user_id_fkey on app_public.withdrawal_requests is E'@fieldName user\n@foreignFieldName withdrawalRequests';
comment on constraint withdrawal_requests_reviewed_by_fkey on app_public.withdrawal_requests is
  E'@fieldName reviewer\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
create trigger _100_timestamps before insert or update on app_public.withdrawal_requests
  for each row execute function app_private.tg__timestamps();

create policy select_own_or_admin on app_public.withdrawal_requests for select
  using (user_id = (select auth.uid()) or (select auth.is_admin()));
grant select on app_public.withdrawal_requests to authenticated, service_role;

-- Revenue earned minus withdrawals not rejected.
create or replace function app_private.available_balance(user_id uuid) returns numeric
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select (select coalesce(sum(r.amount), 0) from app_public.video_revenue r where r.user_id = available_balance.user_id)
       - (select coalesce(sum(w.amount), 0) from app_public.withdrawal_requests w
           where w.user_id = available_balance.user_id and w.status <> 'rejected')
$$;

create type app_public.creator_balance as (
  earned numeric,
  pending numeric,
  approved numeric,
  paid numeric,
  available numeric
);
comment on type app_public.creator_balance is 'A creator''s money: earned = available + pending + approved + paid.';
comment on column app_public.creator_balance.earned is 'All video revenue.';
comment on column app_public.creator_balance.pending is 'In withdrawals waiting for review.';
comment on column app_public.creator_balance.approved is 'In approved withdrawals not yet paid.';
comment on column app_public.creator_balance.paid is 'Paid out.';
comment on column app_public.creator_balance.available is 'What may be withdrawn now.';

-- SECURITY DEFINER: sums rows of one account, after checking it is the caller's (or the caller is an admin).
create or replace function app_public.creator_balance(user_id uuid default null) returns app_public.creator_balance
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  target uuid := coalesce(user_id, app_private.require_user());
  row app_public.creator_balance;
begin
  if target is distinct from auth.uid() then
    perform app_private.require_jobs_or_admin();
  end if;
  select (select coalesce(sum(r.amount), 0) from app_public.video_revenue r where r.user_id = target),
         coalesce(sum(w.amount) filter (where w.status = 'pending'), 0),
         coalesce(sum(w.amount) filter (where w.status = 'approved'), 0),
         coalesce(sum(w.amount) filter (where w.status = 'paid'), 0),
         app_private.available_balance(target)
    into row
    from app_public.withdrawal_requests w where w.user_id = target;
  return row;
end;
$$;
comment on function app_public.creator_balance(uuid) is 'Your revenue balance (admins: anyone''s): earned, pending, approved, paid, available.';

-- SECURITY DEFINER: the creator has no grant on withdrawal_info.
create or replace function app_public.save_withdrawal_info(method text, details jsonb) returns app_public.withdrawal_info
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  row app_public.withdrawal_info;
begin
  if method is null or method not in ('bank_transfer', 'paypal') then
    raise exception 'The method must be bank_transfer or paypal' using errcode = 'INVAL';
  end if;
  if details is null or jsonb_typeof(details) <> 'object' or details = '{}' then
    raise exception 'Give the payout details as an object' using errcode = 'INVAL';
  end if;
  insert into app_public.withdrawal_info as i (user_id, method, details) values (me, method, details)
  on conflict (user_id) do update set method = excluded.method, details = excluded.details
  returning * into row;
  return row;
end;
$$;
comment on function app_public.save_withdrawal_info(text, jsonb) is 'Save where your withdrawals are paid: method bank_transfer or paypal, and its details.';

/*
 * Request a withdrawal. The creator's payout row is locked first, so that
 * concurrent requests of one creator are decided one at a time, each seeing
 * the ones before it: the balance cannot be spent twice.
 */
-- SECURITY DEFINER: writes a request row the creator has no grant on.
create or replace function app_public.request_withdrawal(amount numeric) returns app_public.withdrawal_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  info app_public.withdrawal_info;
  available numeric;
  row app_public.withdrawal_requests;
begin
  if amount is null or amount <= 0 or amount <> round(amount, 4) then
    raise exception 'The amount must be positive, with at most 4 decimals' using errcode = 'INVAL';
  end if;
  if amount < app_private.setting('withdrawal_min_amount')::numeric then
    raise exception 'The smallest withdrawal is %', app_private.setting('withdrawal_min_amount') using errcode = 'INVAL';
  end if;
  select * into info from app_public.withdrawal_info i where i.user_id = me for update;
  if not found then
    raise exception 'Save your payout details first (saveWithdrawalInfo)' using errcode = 'INVAL';
  end if;
  if app_private.is_cheat_flagged(me) then
    raise exception 'Your account is under review for cheating; withdrawals wait until it is cleared' using errcode = 'DNIED';
  end if;
  available := app_private.available_balance(me);
  if amount > available then
    raise exception 'Insufficient balance: % available', available using errcode = 'FUNDS';
  end if;
  insert into app_public.withdrawal_requests (user_id, amount, method, details)
  values (me, amount, info.method, info.details)
  returning * into row;
  return row;
end;
$$;
comment on function app_public.request_withdrawal(numeric) is
  'Ask to withdraw `amount` of your revenue, to your saved payout details. At most the available balance (FUNDS otherwise); not while flagged for cheating.';

create or replace function app_private.move_withdrawal(
  request_id uuid,
  from_statuses app_public.withdrawal_status[],
  to_status app_public.withdrawal_status,
  note text
) returns app_public.withdrawal_requests
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.withdrawal_requests;
begin
  if not auth.is_admin() then
    raise exception 'Only admins may move withdrawals' using errcode = 'DNIED';
  end if;
  update app_public.withdrawal_requests w
     set status = to_status,
         note = coalesce(move_withdrawal.note, w.note),
         reviewed_by = auth.uid(),
         reviewed_at = case when to_status in ('approved', 'rejected') then now() else w.reviewed_at end,
         paid_at = case when to_status = 'paid' then now() end
   where w.id = request_id and w.status = any (from_statuses)
  returning * into row;
  if row is null then
    select * into row from app_public.withdrawal_requests w where w.id = request_id;
    if row is null then
      raise exception 'No such withdrawal request' using errcode = 'NTFND';
    end if;
    raise exception 'A % withdrawal cannot become %', row.status, to_status using errcode = 'CONFL';
  end if;
  -- TODO notify: a money notification to the creator (withdrawal approved / rejected / paid); notifications come from another branch.
  return row;
end;
$$;

-- SECURITY DEFINER (these three): admins write rows they have no grant on.
create or replace function app_public.approve_withdrawal(request_id uuid) returns app_public.withdrawal_requests
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$ select app_private.move_withdrawal(request_id, '{pending}', 'approved', null) $$;
comment on function app_public.approve_withdrawal(uuid) is 'Admins: approve a pending withdrawal.';

create or replace function app_public.reject_withdrawal(request_id uuid, reason text) returns app_public.withdrawal_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if coalesce(btrim(reason), '') = '' then
    raise exception 'Say why the withdrawal is rejected' using errcode = 'INVAL';
  end if;
  return app_private.move_withdrawal(request_id, '{pending,approved}', 'rejected', reason);
end;
$$;
comment on function app_public.reject_withdrawal(uuid, text) is 'Admins: reject a pending or approved withdrawal, saying why; its amount is available again.';

create or replace function app_public.mark_withdrawal_paid(request_id uuid, reference text) returns app_public.withdrawal_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if coalesce(btrim(reference), '') = '' then
    raise exception 'Give the payment reference' using errcode = 'INVAL';
  end if;
  return app_private.move_withdrawal(request_id, '{approved}', 'paid', reference);
end;
$$;
comment on function app_public.mark_withdrawal_paid(uuid, text) is 'Admins: mark an approved withdrawal paid, with the payment reference.';
