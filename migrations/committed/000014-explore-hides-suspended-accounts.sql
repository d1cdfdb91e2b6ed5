--! Previous: sha1:dac24882d8221a87221858eb5a17c693a7a56f9c
--! Hash: sha1:4d1fe63ced691626a888ec0d55201747ab99df31
--! Message: explore hides suspended accounts

--------------------------------------------------------------------------------
-- Explore leaves out suspended accounts. The feeds migration's explore_posts
-- and explore_top_posts, each with one more condition on the author's profile
-- (suspended_at and suspended_until, from the moderation migration); nothing else changes.
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
     -- The visibility rule's public case: what a stranger (relationship 0) may see; suspended accounts left out.
     and exists (select 1 from app_public.profiles a where a.id = p.author_id
                  and not (a.suspended_at is not null and coalesce(a.suspended_until > now(), true))
                  and app_private.post_visible(me, p.author_id, p.audience, a.is_private, p.is_paid, 0, p.author_id = any (hidden)))
   order by p.created_at desc, p.id desc
   limit n;
end;
$$;
comment on function app_public.explore_posts(text, text, text, text, app_public.media_type, text, integer) is
  'Public posts, newest first, optionally by metadata `category`, `market`, `symbol`, by `hashtag` (with or without #) and by media type; muted, blocked and suspended accounts left out. Up to `maxResults` (at most 100) after `cursor`.';

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
     and not exists (select 1 from app_public.profiles a where a.id = p.author_id
                      and (a.is_private or (a.suspended_at is not null and coalesce(a.suspended_until > now(), true))))
   order by p.likes_count + p.reposts_count desc, p.created_at desc, p.id desc
   limit least(greatest(coalesce(max_results, 20), 1), 100)
$$;
comment on function app_public.explore_top_posts(text, text, text, integer) is
  'The most liked and reposted public posts of the last 24 hours (likes + reposts), optionally filtered by metadata; suspended accounts left out; up to `maxResults` (at most 100).';
