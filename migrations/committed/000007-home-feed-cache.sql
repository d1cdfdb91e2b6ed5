--! Previous: sha1:6887f262ab97a79a292195332f7316f07963fdb9
--! Hash: sha1:ae3493e14c27760e639f7b444c48a928d44fcf96
--! Message: home feed cache

--------------------------------------------------------------------------------
-- The home feed through Redis: hybrid fan-out.
--
-- Redis only holds *candidates*: for each recently active user, a sorted set of
-- the newest entries (posts and reposts) of the accounts they follow, pushed by
-- the worker when an entry is created. Every page is still decided here, by
-- the same rule as the PostgreSQL path, so both paths return the same pages:
--
--   * a cached candidate counts only if it is still in the feed's definition
--     (the entry exists, its author or reposter is still followed);
--   * authors with many followers are never pushed: their entries are pulled
--     at read time from the same indexes as app_public.home_feed;
--   * the cache is trusted only above its floor (older entries were trimmed)
--     and only if it was built for the viewer's current set of followees
--     (home_feed_versions); otherwise the page comes from home_feed.
--
-- Also here: last activity ("online status"), touched by the server on use.
--------------------------------------------------------------------------------

drop function if exists app_public.home_feed_cached(text, integer, text[], text, bigint) cascade;
drop function if exists app_private.feed_candidates(uuid[], timestamptz, uuid, uuid, integer, uuid) cascade;
drop function if exists app_private.home_feed_page(uuid, app_public.feed_entry[], uuid[]) cascade;
drop function if exists app_private.home_feed_cache_recipients(uuid, uuid) cascade;
drop function if exists app_private.home_feed_cache_entries(uuid, integer) cascade;
drop function if exists app_private.home_feed_cache_entries(uuid) cascade;
drop function if exists app_private.home_feed_cache_push(uuid, uuid) cascade;
drop function if exists app_private.refresh_feed_pull_authors() cascade;
drop function if exists app_private.tg_followers__home_feed_changed() cascade;
drop function if exists app_private.tg_reposts__fan_out() cascade;
drop function if exists app_private.touch_activity(uuid) cascade;
drop table if exists app_private.feed_pull_authors, app_private.home_feed_versions cascade;

insert into app_private.settings (key, value, description) values
  ('feed_push_max_followers', '10000', 'Authors with this many followers or more are pulled into home feeds at read time instead of pushed into cached feeds'),
  ('feed_active_days', '7', 'New entries are pushed into the cached feeds of users active within this many days'),
  ('feed_cache_size', '800', 'Entries kept in each cached home feed')
on conflict (key) do nothing;

--------------------------------------------------------------------------------
-- Last activity. The server touches it at most once a minute per user; this
-- writes at most once a minute per user whatever the callers do.
--------------------------------------------------------------------------------
create index if not exists user_activity_recent_idx on app_private.user_activity (last_active_at desc);

create or replace function app_private.touch_activity(user_id uuid) returns void
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  insert into app_private.user_activity as a (user_id)
  select p.id from app_public.profiles p where p.id = touch_activity.user_id
  on conflict (user_id) do update set last_active_at = now()
   where a.last_active_at < now() - interval '1 minute'
$$;
comment on function app_private.touch_activity(uuid) is 'Record that the user is active now (at most one write a minute).';

--------------------------------------------------------------------------------
-- Pulled authors. Once an account reaches feed_push_max_followers, its new
-- entries are no longer pushed; readers pull them. It stays pulled if it falls
-- back under: its entries from the pulled period are in no cache, so pushing
-- again would lose them.
--------------------------------------------------------------------------------
create table app_private.feed_pull_authors (
  author_id uuid primary key references app_public.profiles (id) on delete cascade,
  since timestamptz not null default now()
);
comment on table app_private.feed_pull_authors is
  'Accounts whose posts and reposts home feeds pull at read time instead of receiving them in their cache (they reached feed_push_max_followers).';

create or replace function app_private.refresh_feed_pull_authors() returns integer
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  with added as (
    insert into app_private.feed_pull_authors (author_id)
    select p.id from app_public.profiles p
     where p.followers_count >= app_private.setting('feed_push_max_followers')::integer
    on conflict (author_id) do nothing
    returning 1
  ) select count(*)::integer from added
$$;
comment on function app_private.refresh_feed_pull_authors() is
  'Mark every account at or above feed_push_max_followers as pulled (for bulk loads, which bypass triggers). Returns how many were added.';
select app_private.refresh_feed_pull_authors();

create or replace function app_private.tg_profiles__feed_pull() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  insert into app_private.feed_pull_authors (author_id) values (new.id) on conflict (author_id) do nothing;
  return null;
end;
$$;
drop trigger if exists _600_feed_pull on app_public.profiles;
create trigger _600_feed_pull after update of followers_count on app_public.profiles
  for each row
  when (new.followers_count > old.followers_count
        and new.followers_count >= app_private.setting('feed_push_max_followers')::integer)
  execute function app_private.tg_profiles__feed_pull();

--------------------------------------------------------------------------------
-- Followee versions: a cached feed is valid only for the set of followees it
-- was built for. Any change to a user's approved follows bumps their version
-- (checked at read time, in the same snapshot as the page) and queues the
-- removal of their cache, which the next read rebuilds.
--------------------------------------------------------------------------------
create table app_private.home_feed_versions (
  user_id uuid primary key references app_public.profiles (id) on delete cascade,
  version bigint not null default 0
);
comment on table app_private.home_feed_versions is
  'Per user, a counter of changes to the accounts they follow; a cached home feed records the version it was built for.';

-- SECURITY DEFINER: the follower (a request role) may not write this table or queue jobs.
create or replace function app_private.tg_followers__home_feed_changed() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  who uuid;
begin
  if tg_op = 'INSERT' and new.status = 'approved' then
    who := new.follower_id;
  elsif tg_op = 'UPDATE' and old.status is distinct from new.status then
    who := new.follower_id;
  elsif tg_op = 'DELETE' and old.status = 'approved' then
    who := old.follower_id;
  else
    return null;
  end if;
  insert into app_private.home_feed_versions as v (user_id) values (who)
  on conflict (user_id) do update set version = v.version + 1;
  perform app_private.add_job('feed__invalidate', json_build_object('user_id', who), job_key := 'feed__invalidate:' || who);
  return null;
end;
$$;
create trigger _600_home_feed after insert or update of status or delete on app_public.followers
  for each row execute function app_private.tg_followers__home_feed_changed();

--------------------------------------------------------------------------------
-- Candidates: the newest `window_size` entries (posts and reposts) of the
-- given accounts before a cursor, from the indexes alone
-- (posts_author_created_idx, reposts_user_idx). A necessary condition only;
-- the rule decides later. With `viewer`, others' `only_me` and paid posts are
-- skipped (the rule would drop them); without, every entry is a candidate
-- (what a cache stores: an audience may change later).
-- Plain SQL so that it is inlined into its caller's query.
--------------------------------------------------------------------------------
create or replace function app_private.feed_candidates(
  authors uuid[], before_at timestamptz, before_post uuid, before_reposter uuid, window_size integer, viewer uuid
) returns setof app_public.feed_entry
  language sql stable
as $$
  select x.post_id, x.reposted_by_id, x.feed_at, null::text
    from (
      select x.post_id, x.reposted_by_id, x.feed_at
        from unnest(authors) fe(id)
        cross join lateral (
          select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
            from app_public.posts p
           where p.author_id = fe.id
             and (p.created_at, p.id) <= (before_at, before_post)
             and ((p.created_at, p.id) < (before_at, before_post) or before_reposter <> '00000000-0000-0000-0000-000000000000')
             and p.deleted_at is null
             and (viewer is null or fe.id = viewer or (not p.is_paid and p.audience <> 'only_me'))
           order by p.created_at desc, p.id desc
           limit window_size
        ) x
      union all
      select x.post_id, x.reposted_by_id, x.feed_at
        from unnest(authors) fe(id)
        cross join lateral (
          select r.post_id, r.user_id as reposted_by_id, r.created_at as feed_at
            from app_public.reposts r
           where r.user_id = fe.id
             and (r.created_at, r.post_id) <= (before_at, before_post)
             and ((r.created_at, r.post_id) < (before_at, before_post) or fe.id < before_reposter)
           order by r.created_at desc, r.post_id desc
           limit window_size
        ) x
    ) x
   order by x.feed_at desc, x.post_id desc, coalesce(x.reposted_by_id, '00000000-0000-0000-0000-000000000000') desc
   limit window_size
$$;
comment on function app_private.feed_candidates(uuid[], timestamptz, uuid, uuid, integer, uuid) is
  'The newest entries of these accounts before a cursor, from the indexes; candidates for the rule, not a feed.';

-- The last step of every home feed page: the one visibility rule, and reposts of muted authors left out.
create or replace function app_private.home_feed_page(viewer uuid, candidates app_public.feed_entry[], muted uuid[])
  returns app_public.feed_entry[]
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select array_agg(v)
    from app_private.visible_entries(viewer, candidates) v
   where not exists (select 1 from app_public.posts p where p.id = v.post_id and p.author_id = any (muted))
$$;
comment on function app_private.home_feed_page(uuid, app_public.feed_entry[], uuid[]) is
  'The candidates (in order) that belong on the viewer''s home feed page.';

--------------------------------------------------------------------------------
-- Home feed from PostgreSQL (as in 000004, its candidates now from feed_candidates).
--------------------------------------------------------------------------------
create or replace function app_public.home_feed(cursor text default null, max_results integer default 20)
  returns setof app_public.feed_entry
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  c record := app_private.feed_cursor_parts(cursor);
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  muted uuid[] := app_private.viewer_mute_ids();
  followees uuid[] := array(select f.following_id from app_public.followers f
                             where f.follower_id = me and f.status = 'approved' and f.following_id <> all (muted)) || me;
  -- How many candidates to take: the final check may drop some (reposts of
  -- posts you may not see); widen until the page is full or there are no more.
  window_size integer := n + 10;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  loop
    candidates := array(select e from app_private.feed_candidates(followees, c.feed_at, c.post_id, c.reposter, window_size, me) e);
    page := app_private.home_feed_page(me, candidates, muted);
    exit when coalesce(cardinality(page), 0) >= n or cardinality(candidates) < window_size or window_size >= 1000;
    window_size := window_size * 4;
  end loop;
  return query select * from unnest(page) limit n;
end;
$$;

--------------------------------------------------------------------------------
-- Home feed with candidates from the cache (called by the server's Redis path;
-- not a GraphQL field: clients use `homeFeed`, which takes this path when it
-- can). `cached` are cache members (cursor strings) after the cursor, newest
-- first; the cache holds every entry at or above `cache_floor` (null: all of
-- them) for followee version `cache_version`. Whenever the cache cannot give
-- the exact page, the page comes from home_feed: the result is the same.
--------------------------------------------------------------------------------
create or replace function app_public.home_feed_cached(
  cursor text, max_results integer, cached text[], cache_floor text, cache_version bigint
) returns setof app_public.feed_entry
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  c record := app_private.feed_cursor_parts(cursor);
  f record := app_private.feed_cursor_parts(nullif(cache_floor, ''));
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  muted uuid[];
  followees uuid[];
  pulled uuid[];
  window_size integer := n + 10;
  pulled_count integer;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  if cached is null
     or cache_version is distinct from coalesce((select v.version from app_private.home_feed_versions v where v.user_id = me), 0) then
    return query select * from app_public.home_feed(cursor, max_results);
    return;
  end if;
  if cache_floor is null or cache_floor = '' then
    -- The cache holds the whole feed.
    select '-infinity'::timestamptz as feed_at, nil as post_id, nil as reposter into f;
  end if;
  muted := app_private.viewer_mute_ids();
  followees := array(select fo.following_id from app_public.followers fo
                      where fo.follower_id = me and fo.status = 'approved' and fo.following_id <> all (muted)) || me;
  pulled := array(select a.author_id from app_private.feed_pull_authors a where a.author_id = any (followees));

  -- Pulled accounts' newest entries, from the indexes, as home_feed takes them.
  candidates := array(select e from app_private.feed_candidates(pulled, c.feed_at, c.post_id, c.reposter, window_size, me) e);
  pulled_count := cardinality(candidates);

  with parsed as (
    -- Members are "<µs>.<post>.<reposter or nil>", as written by feed_cursor.
    select to_timestamp(split_part(m, '.', 1)::bigint / 1000000.0) as feed_at,
           split_part(m, '.', 2)::uuid as post_id,
           split_part(m, '.', 3)::uuid as reposter
      from unnest(cached) m
  ),
  still_in_feed as (
    -- Cached posts and reposts that still exist, by accounts still followed (and not pulled: those come from above).
    select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
      from parsed m join app_public.posts p on p.id = m.post_id and p.created_at = m.feed_at
     where m.reposter = nil and p.deleted_at is null
       and p.author_id = any (followees) and p.author_id <> all (pulled)
    union all
    select r.post_id, r.user_id, r.created_at
      from parsed m join app_public.reposts r on r.post_id = m.post_id and r.user_id = m.reposter and r.created_at = m.feed_at
     where m.reposter <> nil
       and r.user_id = any (followees) and r.user_id <> all (pulled)
  )
  select array_agg(row(e.post_id, e.reposted_by_id, e.feed_at, null)::app_public.feed_entry
                   order by e.feed_at desc, e.post_id desc, coalesce(e.reposted_by_id, nil) desc)
    into candidates
    from (
      select u.* from (
        select * from still_in_feed
        union all
        select x.post_id, x.reposted_by_id, x.feed_at from unnest(candidates) x
      ) u
      -- After the cursor, and not below the floor: under it the cache may lack entries.
      where (u.feed_at, u.post_id, coalesce(u.reposted_by_id, nil)) < (c.feed_at, c.post_id, c.reposter)
        and (u.feed_at, u.post_id, coalesce(u.reposted_by_id, nil)) >= (f.feed_at, f.post_id, f.reposter)
      order by u.feed_at desc, u.post_id desc, coalesce(u.reposted_by_id, nil) desc
      limit window_size
    ) e;

  page := app_private.home_feed_page(me, candidates, muted);
  if coalesce(cardinality(page), 0) >= n
     -- A short page is the end of the feed only if nothing can be missing.
     or (f.feed_at = '-infinity' and pulled_count < window_size and coalesce(cardinality(candidates), 0) < window_size) then
    return query select * from unnest(page) limit n;
  else
    return query select * from app_public.home_feed(cursor, max_results);
  end if;
end;
$$;
comment on function app_public.home_feed_cached(text, integer, text[], text, bigint) is
  E'@behavior -queryField\nThe home feed with candidates from a cache (for the server). Same result as `home_feed`.';

--------------------------------------------------------------------------------
-- What the worker writes into caches.
--------------------------------------------------------------------------------

-- The caches a new entry goes into: those of its poster (author, or reposter)
-- and of their approved followers active within feed_active_days. None for
-- pulled accounts. Visibility is not decided here (an audience may change);
-- readers decide.
create or replace function app_private.home_feed_cache_recipients(post_id uuid, reposter uuid default null) returns setof uuid
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  with poster as (
    select coalesce(home_feed_cache_recipients.reposter, p.author_id) as id
      from app_public.posts p
     where p.id = home_feed_cache_recipients.post_id and p.deleted_at is null
       and not exists (select 1 from app_private.feed_pull_authors a
                        where a.author_id = coalesce(home_feed_cache_recipients.reposter, p.author_id))
  )
  select poster.id from poster
  union all
  select f.follower_id
    from poster
    join app_public.followers f on f.following_id = poster.id and f.status = 'approved'
    join app_private.user_activity a on a.user_id = f.follower_id
   where a.last_active_at > now() - make_interval(days => app_private.setting('feed_active_days')::integer)
$$;
comment on function app_private.home_feed_cache_recipients(uuid, uuid) is
  'Users whose cached home feed a new post (or a repost of it by `reposter`) is pushed into.';

-- A cache built from scratch: the newest feed_cache_size entries of the
-- user's followees (pulled ones excluded) and their own, newest first, with
-- the followee version they are for.
create or replace function app_private.home_feed_cache_entries(user_id uuid, out version bigint, out cap integer, out entries text[])
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  authors uuid[] := array(
    select x.id from (
      select f.following_id as id from app_public.followers f
       where f.follower_id = home_feed_cache_entries.user_id and f.status = 'approved'
      union all
      select home_feed_cache_entries.user_id
    ) x
    where not exists (select 1 from app_private.feed_pull_authors a where a.author_id = x.id));
begin
  version := coalesce((select v.version from app_private.home_feed_versions v where v.user_id = home_feed_cache_entries.user_id), 0);
  cap := app_private.setting('feed_cache_size')::integer;
  entries := array(
    select app_private.feed_cursor(e.feed_at, e.post_id, e.reposted_by_id)
      from app_private.feed_candidates(authors, 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'ffffffff-ffff-ffff-ffff-ffffffffffff', cap, null) e);
end;
$$;
comment on function app_private.home_feed_cache_entries(uuid) is
  'For the worker: what a freshly built cache of the user''s home feed holds (cursor strings, newest first), the cache size, and the followee version.';

--------------------------------------------------------------------------------
-- Reposts are pushed too (posts already queue feed__fan_out, 000005).
--------------------------------------------------------------------------------
-- SECURITY DEFINER: the reposter (a request role) may not queue jobs itself.
create or replace function app_private.tg_reposts__fan_out() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.add_job('feed__fan_out', json_build_object('post_id', new.post_id, 'reposted_by', new.user_id));
  return null;
end;
$$;
drop trigger if exists _500_fan_out on app_public.reposts;
create trigger _500_fan_out after insert on app_public.reposts
  for each row execute function app_private.tg_reposts__fan_out();

-- What the worker pushes for a new post (or a repost of it by `reposter`):
-- the cache member, the cap, and the users whose caches it goes into. No row
-- if the post or repost is gone.
create or replace function app_private.home_feed_cache_push(post_id uuid, reposter uuid default null,
  out member text, out cap integer, out recipients uuid[])
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select app_private.feed_cursor(coalesce(r.created_at, p.created_at), p.id, r.user_id),
         app_private.setting('feed_cache_size')::integer,
         array(select app_private.home_feed_cache_recipients(p.id, r.user_id))
    from app_public.posts p
    left join app_public.reposts r on r.post_id = p.id and r.user_id = home_feed_cache_push.reposter
   where p.id = home_feed_cache_push.post_id and p.deleted_at is null
     and (home_feed_cache_push.reposter is null or r.user_id is not null)
$$;
comment on function app_private.home_feed_cache_push(uuid, uuid) is
  'For the worker: the cache member of a new post (or repost), the cache size, and whose caches it is pushed into.';
