--! Previous: sha1:af77770e7a6a357eaea432252ce49d0bda136075
--! Hash: sha1:994eabf58b2c76af0eeee961d7838778fa1cc81d
--! Message: feed events

--------------------------------------------------------------------------------
-- Real-time feed events: when a post is created, each follower who may see it
-- gets an event on their own channel `feed:<user id>`, which the GraphQL
-- subscription `homeFeedEvents` listens to (PostgreSQL LISTEN/NOTIFY: works
-- without Redis). The post's transaction only queues a job; the worker
-- (task feed__fan_out) sends the notifications, so a post by an account with
-- 50,000 followers does not make its author wait.
--------------------------------------------------------------------------------

drop trigger if exists _500_fan_out on app_public.posts;
drop function if exists app_private.tg_posts__fan_out() cascade;
drop function if exists app_private.feed_recipients(uuid) cascade;
drop function if exists app_private.notify_feed(uuid) cascade;

-- Who may see a new post in their home feed: its author, and the approved
-- followers the visibility rule lets see it, unless they muted the author.
create or replace function app_private.feed_recipients(post_id uuid) returns setof uuid
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select p.author_id from app_public.posts p where p.id = post_id and p.deleted_at is null
  union all
  select f.follower_id
    from app_public.posts p
    join app_public.profiles a on a.id = p.author_id
    join app_public.followers f on f.following_id = p.author_id and f.status = 'approved'
   where p.id = feed_recipients.post_id
     and p.deleted_at is null
     and app_private.post_visible(
           f.follower_id, p.author_id, p.audience, a.is_private, p.is_paid,
           case when exists (select 1 from app_public.followers back
                              where back.follower_id = p.author_id and back.following_id = f.follower_id and back.status = 'approved')
                then 2 else 1 end,
           false) -- an approved follow cannot cross a block (blocking ends follows)
     and not exists (select 1 from app_public.mutes m
                      where m.muter_id = f.follower_id and m.muted_id = p.author_id
                        and (m.expires_at is null or m.expires_at > now()))
$$;
comment on function app_private.feed_recipients(uuid) is 'Users whose home feed a post enters: its author and the followers who may see it.';

-- Tell each recipient; returns how many were told.
create or replace function app_private.notify_feed(post_id uuid) returns integer
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  select count(pg_notify('feed:' || r, json_build_object('event', 'post_created', 'post_id', post_id)::text))::integer
    from app_private.feed_recipients(post_id) r
$$;
comment on function app_private.notify_feed(uuid) is 'Send the feed event of a new post to everyone whose home feed it enters.';

-- SECURITY DEFINER: the author (a request role) may not queue jobs itself.
create or replace function app_private.tg_posts__fan_out() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.add_job('feed__fan_out', json_build_object('post_id', new.id));
  return null;
end;
$$;
create trigger _500_fan_out after insert on app_public.posts
  for each row execute function app_private.tg_posts__fan_out();
