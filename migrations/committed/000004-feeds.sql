--! Previous: sha1:ab9298274fa63e0800405e141763dbbca2507957
--! Hash: sha1:af77770e7a6a357eaea432252ce49d0bda136075
--! Message: feeds

--------------------------------------------------------------------------------
-- Feeds: the home feed (own posts, posts and reposts of followed accounts),
-- user timelines, explore (filters, newest and top of 24 h), trending hashtags.
--
-- Every feed returns `feed_entry` rows: a post, or a repost of one, with an
-- opaque keyset cursor. Entries are totally ordered by (feed_at, post_id,
-- reposter), so pages neither repeat nor skip entries when new ones arrive.
-- Every entry passes the one visibility rule (app_private.post_visible) for
-- the caller; feeds and explore also leave out muted accounts.
--------------------------------------------------------------------------------

drop function if exists app_public.zz_feed_test() cascade;
drop type if exists app_public.zz_entry cascade;
drop function if exists app_public.home_feed(text, integer), app_public.profiles_timeline(app_public.profiles, text, integer),
  app_public.explore_posts(text, text, text, text, app_public.media_type, text, integer),
  app_public.explore_top_posts(text, text, text, integer),
  app_public.trending_hashtags(integer),
  app_public.get_visible_posts_for_user(uuid, uuid, timestamptz, uuid, integer),
  app_private.feed_cursor(timestamptz, uuid, uuid), app_private.feed_cursor_parts(text),
  app_private.entry_visible_to(uuid, uuid), app_private.visible_entries(uuid, app_public.feed_entry[]), app_public.feed_entry_post(app_public.feed_entry),
  app_public.feed_entry_reposted_by(app_public.feed_entry) cascade;
drop type if exists app_public.feed_entry, app_public.trending_hashtag cascade;

-- Top-N of an author's posts from the index alone (the columns the feed filters on are included).
drop index if exists app_public.posts_author_created_idx;
create index posts_author_created_idx on app_public.posts (author_id, created_at desc, id desc)
  include (audience, is_paid, deleted_at);
-- A followee's reposts, newest first, in the feed's (created_at, post_id) order.
drop index if exists app_public.reposts_user_idx;
create index reposts_user_idx on app_public.reposts (user_id, created_at desc, post_id desc);
-- A viewer's followees, from the index alone.
drop index if exists app_public.followers_follower_approved_idx;
create index followers_follower_approved_idx on app_public.followers (follower_id, following_id) where status = 'approved';
-- Trending: tags of the last day.
drop index if exists app_public.post_hashtags_created_idx;
create index post_hashtags_created_idx on app_public.post_hashtags (created_at) include (hashtag_id, post_id);

create type app_public.feed_entry as (
  post_id uuid,
  reposted_by_id uuid,
  feed_at timestamptz,
  cursor text
);
comment on type app_public.feed_entry is 'An entry of a feed: a post, or a repost of it by `repostedBy`, at `feedAt`.';
comment on column app_public.feed_entry.post_id is 'The post.';
comment on column app_public.feed_entry.reposted_by_id is 'Who reposted it, for a repost; null for the post itself.';
comment on column app_public.feed_entry.feed_at is 'When it entered feeds: the post''s or the repost''s time.';
comment on column app_public.feed_entry.cursor is 'Pass as `cursor` to get the entries after this one.';

-- Hydration of entries. SECURITY DEFINER (a key lookup, no RLS): entries only
-- ever come out of the feed functions, which have just applied the visibility
-- rule to them, and no API input accepts a FeedEntry. Under RLS, each call
-- re-ran the posts policy (PostgreSQL does not inline single-row functions
-- called in FROM): 0.36 ms per entry.
create or replace function app_public.feed_entry_post(e app_public.feed_entry) returns app_public.posts
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$ select p.* from app_public.posts p where p.id = e.post_id $$;
comment on function app_public.feed_entry_post(app_public.feed_entry) is 'The post.';

create or replace function app_public.feed_entry_reposted_by(e app_public.feed_entry) returns app_public.profiles
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$ select p.* from app_public.profiles p where p.id = e.reposted_by_id $$;
comment on function app_public.feed_entry_reposted_by(app_public.feed_entry) is 'Who reposted it (null for the post itself).';

-- The social core's `Profile.viewerFollowStatus`, without its SET clause so that it is inlined.
create or replace function app_public.profiles_viewer_follow_status(p app_public.profiles) returns app_public.follow_status
  language sql stable
as $$
  select f.status from app_public.followers f where f.follower_id = auth.uid() and f.following_id = p.id
$$;

-- The posts policy, tuned for accounts with many followers: "does the author
-- follow me back" is an index probe on the rows where it matters, instead of
-- the viewer's whole follower set per query (66k ids for a popular account).
drop policy if exists select_visible on app_public.posts;
create policy select_visible on app_public.posts for select using (
  (deleted_at is null
   and app_private.post_visible(
         (select auth.uid()), author_id, audience,
         exists (select 1 from app_public.profiles a where a.id = author_id and a.is_private),
         is_paid,
         case when author_id = any ((select app_private.viewer_following_ids())::uuid[])
              then case when exists (select 1 from app_public.followers f
                                      where f.follower_id = author_id and f.following_id = (select auth.uid())
                                        and f.status = 'approved')
                        then 2 else 1 end
              else 0 end,
         author_id = any ((select app_private.viewer_block_ids())::uuid[])))
  or (select auth.is_moderator())
);

--------------------------------------------------------------------------------
-- Cursors: "<feed_at as µs since epoch>.<post_id>.<reposter or nil uuid>".
--------------------------------------------------------------------------------
create or replace function app_private.feed_cursor(feed_at timestamptz, post_id uuid, reposter uuid) returns text
  language sql immutable
as $$
  select (extract(epoch from feed_at) * 1000000)::bigint::text || '.' || post_id::text || '.'
         || coalesce(reposter, '00000000-0000-0000-0000-000000000000')::text
$$;

create or replace function app_private.feed_cursor_parts(cursor text, out feed_at timestamptz, out post_id uuid, out reposter uuid)
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if cursor is null then
    feed_at := 'infinity';
    post_id := 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    reposter := 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    return;
  end if;
  feed_at := to_timestamp(split_part(cursor, '.', 1)::bigint / 1000000.0);
  post_id := split_part(cursor, '.', 2)::uuid;
  reposter := split_part(cursor, '.', 3)::uuid;
  if feed_at is null or post_id is null or reposter is null or split_part(cursor, '.', 4) <> '' then
    raise exception 'Invalid cursor' using errcode = 'INVAL';
  end if;
exception
  when invalid_text_representation or numeric_value_out_of_range or invalid_parameter_value then
    raise exception 'Invalid cursor' using errcode = 'INVAL';
end;
$$;

--------------------------------------------------------------------------------
-- The visibility rule applied to a list of entries at once, in order: the
-- facts (follows both ways, blocks) are index probes per entry, and
-- post_visible is inlined, so a page costs no function call per entry.
-- Feeds never show deleted posts (staff find those by direct fetch).
--------------------------------------------------------------------------------
create or replace function app_private.visible_entries(viewer uuid, entries app_public.feed_entry[])
  returns setof app_public.feed_entry
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  with facts as (
    -- The viewer's own follows and blocks, once.
    select coalesce((select array_agg(f.following_id) from app_public.followers f
                      where f.follower_id = viewer and f.status = 'approved'), '{}') as following,
           coalesce((select array_agg(b.blocked_id) from app_public.blocked_users b where b.blocker_id = viewer), '{}')
        || coalesce((select array_agg(b.blocker_id) from app_public.blocked_users b where b.blocked_id = viewer), '{}') as blocks
  )
  select e.post_id, e.reposted_by_id, e.feed_at, app_private.feed_cursor(e.feed_at, e.post_id, e.reposted_by_id)
    from facts, unnest(entries) with ordinality as e(post_id, reposted_by_id, feed_at, cursor, ord)
    join app_public.posts p on p.id = e.post_id
    join app_public.profiles a on a.id = p.author_id
   where p.deleted_at is null
     and app_private.post_visible(
           viewer, p.author_id, p.audience, a.is_private, p.is_paid,
           case when p.author_id = any (facts.following)
                then case when exists (select 1 from app_public.followers f
                                        where f.follower_id = p.author_id and f.following_id = viewer and f.status = 'approved')
                          then 2 else 1 end
                else 0 end,
           p.author_id = any (facts.blocks))
   order by e.ord
$$;
comment on function app_private.visible_entries(uuid, app_public.feed_entry[]) is
  'The entries (in order) whose post the viewer may see, by the one visibility rule.';

--------------------------------------------------------------------------------
-- Home feed, from PostgreSQL. A deferred join: for each followee (and oneself),
-- the newest N posts and reposts before the cursor, taken from the indexes
-- (posts_author_created_idx, reposts_user_idx) with the audience prefilter the
-- relationship allows; then the N newest of those, re-checked with the rule.
-- SECURITY DEFINER: it applies the visibility rule itself, and skipping RLS
-- inside the per-followee scans keeps them index-only.
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
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  muted uuid[] := app_private.viewer_mute_ids();
  -- How many candidates to take: the final check may drop some (reposts of
  -- posts you may not see); widen until the page is full or there are no more.
  window_size integer := n + 10;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  loop
    with followees as (
      select f.following_id as id
        from app_public.followers f
       where f.follower_id = me and f.status = 'approved' and f.following_id <> all (muted)
      union all
      select me
    ),
    entries as (
      select x.post_id, x.reposted_by_id, x.feed_at
        from followees fe
        cross join lateral (
          select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
            from app_public.posts p
           where p.author_id = fe.id
             and (p.created_at, p.id) <= (c.feed_at, c.post_id)
             and ((p.created_at, p.id) < (c.feed_at, c.post_id) or c.reposter <> nil)
             and p.deleted_at is null
             -- A necessary condition only (cheap, from the index); the rule decides below.
           and (fe.id = me or (not p.is_paid and p.audience <> 'only_me'))
           order by p.created_at desc, p.id desc
           limit window_size
        ) x
      union all
      select x.post_id, x.reposted_by_id, x.feed_at
        from followees fe
        cross join lateral (
          select r.post_id, r.user_id as reposted_by_id, r.created_at as feed_at
            from app_public.reposts r
           where r.user_id = fe.id
             and (r.created_at, r.post_id) <= (c.feed_at, c.post_id)
             and ((r.created_at, r.post_id) < (c.feed_at, c.post_id) or fe.id < c.reposter)
           order by r.created_at desc, r.post_id desc
           limit window_size
        ) x
    )
    select array_agg(row(e.post_id, e.reposted_by_id, e.feed_at, null)::app_public.feed_entry
                     order by e.feed_at desc, e.post_id desc, coalesce(e.reposted_by_id, nil) desc)
      into candidates
      from (select * from entries
             order by feed_at desc, post_id desc, coalesce(reposted_by_id, nil) desc
             limit window_size) e;

    -- The winners, re-checked with the one rule (and muted authors of reposted posts left out).
    select array_agg(v)
      into page
      from app_private.visible_entries(me, candidates) v
     where not exists (select 1 from app_public.posts p where p.id = v.post_id and p.author_id = any (muted));

    exit when coalesce(cardinality(page), 0) >= n or coalesce(cardinality(candidates), 0) < window_size or window_size >= 1000;
    window_size := window_size * 4;
  end loop;

  return query select * from unnest(page) limit n;
end;
$$;
comment on function app_public.home_feed(text, integer) is
  'Your home feed, newest first: your posts, and the posts and reposts of accounts you follow that you may see, leaving out muted accounts. Up to `maxResults` (at most 100) entries after `cursor`.';

--------------------------------------------------------------------------------
-- A user's timeline: their posts and reposts the caller may see.
--------------------------------------------------------------------------------
create or replace function app_public.profiles_timeline(profile app_public.profiles, cursor text default null, max_results integer default 20)
  returns setof app_public.feed_entry
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := auth.uid();
  c record := app_private.feed_cursor_parts(cursor);
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  nil constant uuid := '00000000-0000-0000-0000-000000000000';
  window_size integer := n + 10;
  candidates app_public.feed_entry[];
  page app_public.feed_entry[];
begin
  if app_private.is_blocked_pair(me, profile.id) then
    return;
  end if;
  loop
    select array_agg(row(e.post_id, e.reposted_by_id, e.feed_at, null)::app_public.feed_entry
                     order by e.feed_at desc, e.post_id desc, coalesce(e.reposted_by_id, nil) desc)
      into candidates
      from (
        select * from (
          (select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at
             from app_public.posts p
            where p.author_id = profile.id
              and (p.created_at, p.id) <= (c.feed_at, c.post_id)
              and ((p.created_at, p.id) < (c.feed_at, c.post_id) or c.reposter <> nil)
              and p.deleted_at is null
            order by p.created_at desc, p.id desc
            limit window_size)
          union all
          (select r.post_id, r.user_id, r.created_at
             from app_public.reposts r
            where r.user_id = profile.id
              and (r.created_at, r.post_id) <= (c.feed_at, c.post_id)
              and ((r.created_at, r.post_id) < (c.feed_at, c.post_id) or profile.id < c.reposter)
            order by r.created_at desc, r.post_id desc
            limit window_size)
        ) u
        order by feed_at desc, post_id desc, coalesce(reposted_by_id, nil) desc
        limit window_size
      ) e;
    select array_agg(v) into page from app_private.visible_entries(me, candidates) v;
    exit when coalesce(cardinality(page), 0) >= n or coalesce(cardinality(candidates), 0) < window_size or window_size >= 1000;
    window_size := window_size * 4;
  end loop;
  return query select * from unnest(page) limit n;
end;
$$;
comment on function app_public.profiles_timeline(app_public.profiles, text, integer) is
  'This user''s posts and reposts that you may see, newest first; up to `maxResults` (at most 100) after `cursor`.';

-- The design document's name, for SQL callers: a viewer's view of an author's posts.
create or replace function app_public.get_visible_posts_for_user(
  viewer_id uuid, author_id uuid, before_created_at timestamptz default null, before_id uuid default null, max_results integer default 20
) returns setof app_public.posts
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Request roles may only ask for their own view.
  if auth.role() in ('anon', 'authenticated') and viewer_id is distinct from auth.uid() then
    raise exception 'You may only see posts as yourself' using errcode = 'DNIED';
  end if;
  return query
  select p.* from app_public.posts p
   where p.author_id = get_visible_posts_for_user.author_id
     and (before_created_at is null or (p.created_at, p.id) < (before_created_at, coalesce(before_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff')))
     and p.deleted_at is null
     and app_public.can_see_post(viewer_id, p.id)
   order by p.created_at desc, p.id desc
   limit least(greatest(coalesce(max_results, 20), 1), 100);
end;
$$;
comment on function app_public.get_visible_posts_for_user(uuid, uuid, timestamptz, uuid, integer) is
  E'@behavior -queryField\nThe author''s posts the viewer may see, newest first, before (`before_created_at`, `before_id`). For SQL; clients use `Profile.timeline`.';

--------------------------------------------------------------------------------
-- Explore: public posts of public accounts, filtered.
--------------------------------------------------------------------------------
create or replace function app_public.explore_posts(
  category text default null,
  market text default null,
  symbol text default null,
  hashtag text default null,
  media_type app_public.media_type default null,
  cursor text default null,
  max_results integer default 20
) returns setof app_public.feed_entry
  language plpgsql stable security definer
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  me uuid := auth.uid();
  c record := app_private.feed_cursor_parts(cursor);
  n integer := least(greatest(coalesce(max_results, 20), 1), 100);
  hidden uuid[] := app_private.viewer_mute_ids() || app_private.viewer_block_ids();
  tag_id bigint;
begin
  if hashtag is not null then
    select h.id into tag_id from app_public.hashtags h where h.tag = ltrim(hashtag, '#')::citext;
    if tag_id is null then
      return;
    end if;
  end if;
  return query
  select p.id, null::uuid, p.created_at, app_private.feed_cursor(p.created_at, p.id, null)
    from app_public.posts p
   where p.deleted_at is null and p.audience = 'public' and not p.is_paid
     and (p.created_at, p.id) < (c.feed_at, c.post_id)
     and (explore_posts.category is null or p.metadata ->> 'category' = explore_posts.category)
     and (explore_posts.market is null or p.metadata ->> 'market' = explore_posts.market)
     and (explore_posts.symbol is null or p.metadata ->> 'symbol' = explore_posts.symbol)
     and (tag_id is null or exists (select 1 from app_public.post_hashtags ph where ph.post_id = p.id and ph.hashtag_id = tag_id))
     and (explore_posts.media_type is null
          or exists (select 1 from app_public.post_media m where m.post_id = p.id and m.media_type = explore_posts.media_type))
     and p.author_id <> all (hidden)
     -- The visibility rule's public case: what a stranger (relationship 0) may see.
     and exists (select 1 from app_public.profiles a where a.id = p.author_id
                  and app_private.post_visible(me, p.author_id, p.audience, a.is_private, p.is_paid, 0, p.author_id = any (hidden)))
   order by p.created_at desc, p.id desc
   limit n;
end;
$$;
comment on function app_public.explore_posts(text, text, text, text, app_public.media_type, text, integer) is
  'Public posts, newest first, optionally by metadata `category`, `market`, `symbol`, by `hashtag` (with or without #) and by media type; muted and blocked accounts left out. Up to `maxResults` (at most 100) after `cursor`.';

create or replace function app_public.explore_top_posts(
  category text default null,
  market text default null,
  symbol text default null,
  max_results integer default 20
) returns setof app_public.posts
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select p.* from app_public.posts p
   where p.created_at > now() - interval '24 hours'
     and p.deleted_at is null and p.audience = 'public' and not p.is_paid
     and (explore_top_posts.category is null or p.metadata ->> 'category' = explore_top_posts.category)
     and (explore_top_posts.market is null or p.metadata ->> 'market' = explore_top_posts.market)
     and (explore_top_posts.symbol is null or p.metadata ->> 'symbol' = explore_top_posts.symbol)
     and p.author_id <> all (app_private.viewer_mute_ids() || app_private.viewer_block_ids())
     and not exists (select 1 from app_public.profiles a where a.id = p.author_id and a.is_private)
   order by p.likes_count + p.reposts_count desc, p.created_at desc, p.id desc
   limit least(greatest(coalesce(max_results, 20), 1), 100)
$$;
comment on function app_public.explore_top_posts(text, text, text, integer) is
  'The most liked and reposted public posts of the last 24 hours (likes + reposts), optionally filtered by metadata; up to `maxResults` (at most 100).';

create type app_public.trending_hashtag as (tag citext, posts bigint);
comment on type app_public.trending_hashtag is 'A hashtag and how many public posts used it in the last 24 hours.';
comment on column app_public.trending_hashtag.tag is 'The tag, without #.';
comment on column app_public.trending_hashtag.posts is 'Public posts with it in the last 24 hours.';

create or replace function app_public.trending_hashtags(max_results integer default 10) returns setof app_public.trending_hashtag
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select h.tag, count(*) as posts
    from app_public.post_hashtags ph
    join app_public.posts p on p.id = ph.post_id
    join app_public.hashtags h on h.id = ph.hashtag_id
   where ph.created_at > now() - interval '24 hours'
     and p.deleted_at is null and p.audience = 'public' and not p.is_paid
   group by h.tag
   order by count(*) desc, h.tag
   limit least(greatest(coalesce(max_results, 10), 1), 50)
$$;
comment on function app_public.trending_hashtags(integer) is 'Hashtags of the last 24 hours by how many public posts used them.';
