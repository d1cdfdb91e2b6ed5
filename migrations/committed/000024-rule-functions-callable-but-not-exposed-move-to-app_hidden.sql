--! Previous: sha1:94801808d0080fdb9748141efe759e4cc4e0bfd0
--! Hash: sha1:e4ff855fe9b4b08e23549481661743e28c697b56
--! Message: rule functions callable but not exposed move to app_hidden

--------------------------------------------------------------------------------
-- app_hidden (graphile/starter's idiom): functions the request roles may call
-- (from policies, other rules, SQL clients) but GraphQL does not expose. Until
-- now they sat in app_public behind `@behavior -queryField` tags.
-- delete_expired_messages is a job's function, so it goes to app_private.
--------------------------------------------------------------------------------
create schema if not exists app_hidden;
comment on schema app_hidden is 'Functions the request roles may call but GraphQL does not expose: the rules other rules and policies use.';
grant usage on schema app_hidden to anon, authenticated, service_role;
alter default privileges in schema app_hidden grant execute on functions to anon, authenticated, service_role;

do $$
declare
  fn text;
begin
  foreach fn in array array[
    'is_user_blocked(uuid,uuid)', 'are_mutual_followers(uuid,uuid)', 'can_view_profile(uuid,uuid)',
    'can_view_active_status(uuid,uuid)', 'can_see_post(uuid,uuid)', 'check_mutual_likes(uuid,uuid)',
    'get_visible_posts_for_user(uuid,uuid,timestamptz,uuid,integer)', 'can_message_user(uuid,uuid)'
  ] loop
    if to_regprocedure('app_public.' || fn) is not null then
      execute format('alter function app_public.%s set schema app_hidden', fn);
    end if;
  end loop;
  if to_regprocedure('app_public.delete_expired_messages()') is not null then
    alter function app_public.delete_expired_messages() set schema app_private;
  end if;
end
$$;

--! Included engagement/app_hidden.check_mutual_likes.sql
create or replace function app_hidden.check_mutual_likes(a uuid, b uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app_public.likes l join app_public.posts p on p.id = l.post_id where l.user_id = a and p.author_id = b)
     and exists (select 1 from app_public.likes l join app_public.posts p on p.id = l.post_id where l.user_id = b and p.author_id = a)
$$;

comment on function app_hidden.check_mutual_likes(uuid,uuid) is
  'True when each of the two users has liked a post of the other (an input to fraud detection).';

revoke all on function app_hidden.check_mutual_likes(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.check_mutual_likes(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded engagement/app_hidden.check_mutual_likes.sql
--! Included feeds/app_hidden.get_visible_posts_for_user.sql
-- The design document's name, for SQL callers: a viewer's view of an author's posts.
create or replace function app_hidden.get_visible_posts_for_user(
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
     and app_hidden.can_see_post(viewer_id, p.id)
   order by p.created_at desc, p.id desc
   limit least(greatest(coalesce(max_results, 20), 1), 100);
end;
$$;

comment on function app_hidden.get_visible_posts_for_user(uuid,uuid,timestamp with time zone,uuid,integer) is
  'The author''s posts the viewer may see, newest first, before (`before_created_at`, `before_id`). For SQL; clients use `Profile.timeline`.';

revoke all on function app_hidden.get_visible_posts_for_user(uuid,uuid,timestamp with time zone,uuid,integer) from public, anon, authenticated, service_role;
grant execute on function app_hidden.get_visible_posts_for_user(uuid,uuid,timestamp with time zone,uuid,integer) to anon, authenticated, service_role;
--! EndIncluded feeds/app_hidden.get_visible_posts_for_user.sql
--! Included messaging/app_hidden.can_message_user.sql
create or replace function app_hidden.can_message_user(sender_id uuid, recipient_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when can_message_user.sender_id is null or can_message_user.recipient_id is null
      or can_message_user.sender_id = can_message_user.recipient_id then false
    when app_private.is_blocked_pair(can_message_user.sender_id, can_message_user.recipient_id) then false
    -- A reply: the recipient has written to the sender before.
    when exists (select 1 from app_public.conversation_participants cp
                  where cp.conversation_id = app_public.generate_conversation_id(can_message_user.sender_id, can_message_user.recipient_id)
                    and cp.user_id = can_message_user.recipient_id and cp.last_sent_at is not null) then true
    else coalesce((
      select case s.message_permission
        when 'everyone' then true
        when 'followers' then app_private.follows(can_message_user.sender_id, can_message_user.recipient_id)
        when 'mutuals' then app_private.follows(can_message_user.sender_id, can_message_user.recipient_id)
                        and app_private.follows(can_message_user.recipient_id, can_message_user.sender_id)
        else false
      end
      from app_public.user_settings s where s.user_id = can_message_user.recipient_id), false)
  end
$$;

comment on function app_hidden.can_message_user(uuid,uuid) is
  'Whether the sender may message the recipient: by the recipient''s `messagePermission` (everyone, followers, mutuals, nobody), or as a reply to someone who wrote to the sender; never across a block. For SQL; clients use `Profile.viewerCanMessage`.';

revoke all on function app_hidden.can_message_user(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.can_message_user(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded messaging/app_hidden.can_message_user.sql
--! Included messaging/app_private.delete_expired_messages.sql
-- Expiry (task messages__delete_expired, hourly). Concurrent runs skip each
-- other's rows instead of waiting; running again finds nothing more.
create or replace function app_private.delete_expired_messages() returns integer
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  with expired as (
    select m.id from app_public.messages m
     where m.read_at < now() - make_interval(hours => app_private.setting('message_expiry_hours')::integer)
       for update skip locked
  ), d as (
    delete from app_public.messages m using expired e where m.id = e.id returning 1
  ) select count(*)::integer from d
$$;

comment on function app_private.delete_expired_messages() is
  'Delete the messages read longer ago than message_expiry_hours (24); returns how many. Run hourly by the worker; safe to run concurrently and repeatedly.';

revoke all on function app_private.delete_expired_messages() from public, anon, authenticated, service_role;
grant execute on function app_private.delete_expired_messages() to service_role;
--! EndIncluded messaging/app_private.delete_expired_messages.sql
--! Included posts/app_hidden.can_see_post.sql
create or replace function app_hidden.can_see_post(viewer_id uuid, post_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce((
    select app_private.is_staff(viewer_id)
        or (p.deleted_at is null
            and app_private.post_visible(
                  viewer_id, p.author_id, p.audience, a.is_private, p.is_paid,
                  case when app_private.follows(viewer_id, p.author_id)
                       then case when app_private.follows(p.author_id, viewer_id) then 2 else 1 end
                       else 0 end,
                  app_private.is_blocked_pair(viewer_id, p.author_id)))
      from app_public.posts p join app_public.profiles a on a.id = p.author_id
     where p.id = post_id
  ), false)
$$;

comment on function app_hidden.can_see_post(uuid,uuid) is
  'Whether the viewer (null: anonymous) may see the post. The one visibility rule; every read path applies it (directly or through the posts RLS policy). For SQL; not a GraphQL field.';

revoke all on function app_hidden.can_see_post(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.can_see_post(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded posts/app_hidden.can_see_post.sql
--! Included profiles/app_hidden.can_view_active_status.sql
create or replace function app_hidden.can_view_active_status(viewer_id uuid, target_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when viewer_id = target_id then true
    when viewer_id is null or app_private.is_blocked_pair(viewer_id, target_id) then false
    else (
      select case s.active_status_visibility
        when 'everyone' then true
        when 'followers' then app_private.follows(viewer_id, target_id)
        when 'mutuals' then app_private.follows(viewer_id, target_id) and app_private.follows(target_id, viewer_id)
        else false
      end
      from app_public.user_settings s where s.user_id = target_id
    )
  end
$$;

comment on function app_hidden.can_view_active_status(uuid,uuid) is
  'Whether the viewer may see when the target was last active, by the target''s active-status setting (everyone, followers, mutuals, nobody). For SQL; not a GraphQL field.';

revoke all on function app_hidden.can_view_active_status(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.can_view_active_status(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded profiles/app_hidden.can_view_active_status.sql
--! Included profiles/app_hidden.can_view_profile.sql
create or replace function app_hidden.can_view_profile(viewer_id uuid, target_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when viewer_id = target_id then true
    when app_private.is_blocked_pair(viewer_id, target_id) then false
    when not (select p.is_private from app_public.profiles p where p.id = target_id) then true
    else app_private.follows(viewer_id, target_id)
  end
$$;

comment on function app_hidden.can_view_profile(uuid,uuid) is
  'Whether the viewer (null: anonymous) sees the target''s full profile: private accounts only to approved followers; never across a block. For SQL; not a GraphQL field.';

revoke all on function app_hidden.can_view_profile(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.can_view_profile(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded profiles/app_hidden.can_view_profile.sql
--! Included social-graph/app_hidden.are_mutual_followers.sql
create or replace function app_hidden.are_mutual_followers(a uuid, b uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_private.follows(a, b) and app_private.follows(b, a) $$;

comment on function app_hidden.are_mutual_followers(uuid,uuid) is
  'True when each follows the other (approved). For SQL (rules and jobs); not a GraphQL field.';

revoke all on function app_hidden.are_mutual_followers(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.are_mutual_followers(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_hidden.are_mutual_followers.sql
--! Included social-graph/app_hidden.is_user_blocked.sql
create or replace function app_hidden.is_user_blocked(a uuid, b uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_private.is_blocked_pair(a, b) $$;

comment on function app_hidden.is_user_blocked(uuid,uuid) is
  'True when either user has blocked the other. For SQL (rules and jobs); not a GraphQL field.';

revoke all on function app_hidden.is_user_blocked(uuid,uuid) from public, anon, authenticated, service_role;
grant execute on function app_hidden.is_user_blocked(uuid,uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_hidden.is_user_blocked.sql
--! Included social-graph/app_public.get_followers_with_profiles.sql
create or replace function app_public.get_followers_with_profiles(
  user_id uuid,
  before timestamptz default null,
  max_results integer default 20
) returns table (
  follower_id uuid,
  handle citext,
  display_name text,
  avatar_url text,
  is_verified boolean,
  followed_at timestamptz
)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select p.id, p.handle, p.display_name, p.avatar_url, p.is_verified, f.created_at
    from app_public.followers f
    join app_public.profiles p on p.id = f.follower_id
   where f.following_id = user_id
     and f.status = 'approved'
     and app_hidden.can_view_profile(auth.uid(), user_id)
     and not app_private.is_blocked_pair(auth.uid(), f.follower_id)
     and (before is null or f.created_at < before)
   order by f.created_at desc, f.follower_id
   limit least(greatest(max_results, 1), 100)
$$;

comment on function app_public.get_followers_with_profiles(uuid,timestamp with time zone,integer) is
  'Approved followers of a user, newest first, up to `maxResults` (at most 100) followed before `before` (pass the last `followedAt` to page). Empty when you may not see the account''s full profile; never lists someone across a block with you.';

revoke all on function app_public.get_followers_with_profiles(uuid,timestamp with time zone,integer) from public, anon, authenticated, service_role;
grant execute on function app_public.get_followers_with_profiles(uuid,timestamp with time zone,integer) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.get_followers_with_profiles.sql
--! Included moderation/app_public.check_user_cheat_status.sql
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
    -- Distinct accounts (anonymous views from the IP count as one): one person
    -- browsing many posts is not a burst, and cannot get a creator flagged.
    select jsonb_build_object('kind', 'ip_burst', 'ip', host(l.ip), 'hour', date_trunc('hour', l.viewed_at),
                              'views', count(*), 'accounts', count(distinct coalesce(l.viewer_id::text, 'anonymous'))) as s
      from app_private.post_view_logs l
     where l.author_id = check_user_cheat_status.user_id and l.viewed_at >= since and l.ip is not null
     group by l.ip, date_trunc('hour', l.viewed_at)
    having count(distinct coalesce(l.viewer_id::text, 'anonymous')) >= lim_burst
  ), likers as (
    select l.user_id as liker, count(*) as n
      from app_public.posts p join app_public.likes l on l.post_id = p.id
     where p.author_id = check_user_cheat_status.user_id and l.created_at >= since and l.user_id <> p.author_id
     group by l.user_id
  ), ring as (
    select count(*) as members, coalesce(sum(t.n), 0) as ring_likes, (select coalesce(sum(n), 0) from likers) as total_likes
      from (select * from likers order by n desc, liker limit lim_top_likers) t
     where app_hidden.check_mutual_likes(check_user_cheat_status.user_id, t.liker)
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

revoke all on function app_public.check_user_cheat_status(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.check_user_cheat_status(uuid) to anon, authenticated, service_role;
--! EndIncluded moderation/app_public.check_user_cheat_status.sql
--! Included sponsorship/app_public.record_sponsored_impression.sql
create or replace function app_public.record_sponsored_impression(sponsored_post_id uuid) returns app_public.sponsored_interactions
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  s app_public.sponsored_posts;
begin
  -- SECURITY DEFINER: charges the sponsor's credits and reads their campaign.
  select * into s from app_private.sponsored_candidates(me) c where c.id = record_sponsored_impression.sponsored_post_id;
  if not found or not app_hidden.can_see_post(me, s.post_id) then
    raise exception 'No such sponsored post for you' using errcode = 'NTFND';
  end if;
  return app_private.charge_sponsored_interaction(s.id, me, 'impression');
end;
$$;

comment on function app_public.record_sponsored_impression(uuid) is
  'Record that you were shown a sponsored post (from `sponsoredEntries`). The sponsor is charged its cost per impression once per viewer per UTC day; returns null when nothing was charged (already today, or the campaign is paused).';

revoke all on function app_public.record_sponsored_impression(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.record_sponsored_impression(uuid) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.record_sponsored_impression.sql
--! Included sponsorship/app_public.sponsored_entries.sql
-- SECURITY DEFINER: reads every sponsor's campaigns and credits, which the viewer may not.
-- The cheap conditions first, over all active campaigns, in serving order;
-- then the visibility rule on those candidates in order, only until the page
-- has its entries (OFFSET 0 keeps it from being pushed down to every campaign).
create or replace function app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer default 20)
  returns setof app_public.sponsored_entry
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select v.id, v.post_id, (10 * row_number() over (order by v.rank))::integer
    from (
      select c.id, c.post_id, c.rank
        from (
          select s.id, s.post_id,
                 row_number() over (order by exists (select 1 from app_public.sponsored_interactions i
                                                      where i.sponsored_post_id = s.id and i.viewer_id = auth.uid()
                                                        and i.kind = 'impression' and i.day = app_private.utc_today()),
                                             s.cost_per_impression desc, s.id) as rank
            from app_private.sponsored_candidates(auth.uid()) s
            join app_public.sponsor_credits cr on cr.sponsor_id = s.sponsor_id
           where s.status = 'active'
             and sponsored_entries.placement = any (s.placements)
             and app_private.sponsored_post_fundable(s, cr.balance)
           order by rank
          offset 0
        ) c
       where app_hidden.can_see_post(auth.uid(), c.post_id)
       order by c.rank
       limit least(greatest(coalesce(page_size, 20), 1), 100) / 10
    ) v
$$;

comment on function app_public.sponsored_entries(app_public.sponsored_placement,integer) is
  'Sponsored posts to mix into a page of `pageSize` items (at most 100) of the home feed or explore, for you: at most one per 10 items, at `position` 10, 20, …; none when signed out. Campaigns not yet shown to you today come first, then the highest cost per impression. Record each one shown with `recordSponsoredImpression`.';

revoke all on function app_public.sponsored_entries(app_public.sponsored_placement,integer) from public, anon, authenticated, service_role;
grant execute on function app_public.sponsored_entries(app_public.sponsored_placement,integer) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.sponsored_entries.sql
--! Included profiles/app_public.profiles_last_active_at.sql
create or replace function app_public.profiles_last_active_at(p app_public.profiles) returns timestamptz
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select a.last_active_at from app_private.user_activity a
   where a.user_id = p.id and app_hidden.can_view_active_status(auth.uid(), p.id)
$$;

comment on function app_public.profiles_last_active_at(app_public.profiles) is
  'When the user was last active, if their active-status setting lets you see it; otherwise null.';

revoke all on function app_public.profiles_last_active_at(app_public.profiles) from public, anon, authenticated, service_role;
grant execute on function app_public.profiles_last_active_at(app_public.profiles) to anon, authenticated, service_role;
--! EndIncluded profiles/app_public.profiles_last_active_at.sql
--! Included profiles/app_public.profile_details.policies.sql
drop policy if exists select_visible on app_public.profile_details;
create policy select_visible on app_public.profile_details for select using (app_hidden.can_view_profile((select auth.uid()), profile_id));

drop policy if exists update_self on app_public.profile_details;
create policy update_self on app_public.profile_details for update
  using (true) with check (profile_id = (select auth.uid()));
--! EndIncluded profiles/app_public.profile_details.policies.sql
--! Included posts/app_private.require_visible_post.sql
create or replace function app_private.require_visible_post(post_id uuid) returns app_public.posts
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.posts;
begin
  select * into p from app_public.posts where id = post_id;
  if not found or not app_hidden.can_see_post(auth.uid(), post_id) or p.deleted_at is not null then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;

revoke all on function app_private.require_visible_post(uuid) from public, anon, authenticated, service_role;
--! EndIncluded posts/app_private.require_visible_post.sql
--! Included notifications/app_private.notify.sql
/*
 * THE way to notify someone (see docs/notifications.md). Returns the
 * notification's id (new, or the unread group the event joined), or null when
 * nothing was created:
 *   - the recipient is the actor, or turned the type off
 *     (user_settings.notification_preferences ->> type = 'false');
 *   - actor and recipient are blocked either way, or the recipient mutes the actor;
 *   - the recipient may not see the post concerned.
 * A new notification queues one push job (job key notification__push:<id>);
 * an event joining an unread group updates it (count, latest actors) without a
 * second push. Either way the recipient's channel `notifications:<id>` gets
 * {"event": "created" | "updated", "notification_id": …} at commit.
 * SECURITY DEFINER: called from triggers and functions acting for a request
 * role, it writes rows of another user and queues jobs.
 */
create or replace function app_private.notify(
  recipient_id uuid,
  type app_public.notification_type,
  actor_id uuid default null,
  post_id uuid default null,
  comment_id uuid default null,
  data jsonb default '{}'
) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  key text := app_private.notification_group_key(type, post_id, coalesce(data, '{}'));
  nid uuid;
  created boolean;
  new_actor boolean := false;
begin
  if recipient_id is null or type is null then
    raise exception 'notify needs a recipient and a type' using errcode = 'INVAL';
  end if;
  if recipient_id = actor_id then
    return null;
  end if;
  if exists (select 1 from app_public.user_settings s
              where s.user_id = notify.recipient_id and s.notification_preferences ->> notify.type::text = 'false') then
    return null;
  end if;
  if actor_id is not null and (
       app_private.is_blocked_pair(actor_id, recipient_id)
       or exists (select 1 from app_public.mutes m
                   where m.muter_id = notify.recipient_id and m.muted_id = notify.actor_id
                     and (m.expires_at is null or m.expires_at > now()))) then
    return null;
  end if;
  if post_id is not null and not app_hidden.can_see_post(recipient_id, post_id) then
    return null;
  end if;

  insert into app_public.notifications as o (recipient_id, type, actor_id, actor_ids, actor_count, post_id, comment_id, data, group_key)
  values (recipient_id, type, actor_id, case when actor_id is null then '{}' else array[actor_id] end,
          case when actor_id is null then 0 else 1 end, post_id, comment_id, coalesce(data, '{}'), key)
  on conflict (recipient_id, group_key) where read_at is null and group_key is not null do update
    set actor_id = coalesce(excluded.actor_id, o.actor_id),
        actor_ids = case when excluded.actor_id is null then o.actor_ids
                         else (array_prepend(excluded.actor_id, array_remove(o.actor_ids, excluded.actor_id)))[1:3] end,
        event_count = o.event_count + 1,
        comment_id = coalesce(excluded.comment_id, o.comment_id),
        data = o.data || excluded.data,
        updated_at = greatest(now(), o.updated_at + interval '1 microsecond')
  returning o.id, (o.xmax = 0) into nid, created;

  if actor_id is not null then
    insert into app_private.notification_actors (notification_id, actor_id) values (nid, actor_id) on conflict do nothing;
    new_actor := found;
  end if;
  if created then
    perform app_private.add_job('notification__push', json_build_object('id', nid), job_key := 'notification__push:' || nid, max_attempts := 10);
  elsif new_actor then
    update app_public.notifications o set actor_count = o.actor_count + 1 where o.id = nid;
  end if;
  perform pg_notify('notifications:' || recipient_id,
                    json_build_object('event', case when created then 'created' else 'updated' end, 'notification_id', nid)::text);
  return nid;
end;
$$;

comment on function app_private.notify(uuid,app_public.notification_type,uuid,uuid,uuid,jsonb) is
  'The one entry point for notifications: preferences, blocks, mutes, post visibility, grouping, real-time event, one push job. Returns the notification id, or null when none is due.';

revoke all on function app_private.notify(uuid,app_public.notification_type,uuid,uuid,uuid,jsonb) from public, anon, authenticated, service_role;
--! EndIncluded notifications/app_private.notify.sql
--! Included messaging/app_public.send_message.sql
create or replace function app_public.send_message(recipient_id uuid, body text) returns app_public.messages
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  text_ text := btrim(coalesce(body, ''));
  max_length integer := app_private.setting('message_max_length')::integer;
  conversation uuid;
  enc record;
  m app_public.messages;
begin
  if text_ = '' then
    raise exception 'A message needs some text' using errcode = 'INVAL';
  end if;
  if char_length(text_) > max_length then
    raise exception 'A message can be at most % characters (this one has %)', max_length, char_length(text_) using errcode = 'INVAL';
  end if;
  if recipient_id = me then
    raise exception 'You cannot message yourself' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = send_message.recipient_id)
     or app_private.is_blocked_pair(me, recipient_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if not app_hidden.can_message_user(me, recipient_id) then
    raise exception 'This account does not accept messages from you' using errcode = 'DNIED';
  end if;

  conversation := app_public.generate_conversation_id(me, recipient_id);
  -- The conversation row is the lock that orders sends and clears
  -- (delete_conversation); times are taken once it is held, so a message is
  -- never older than a clear that committed before it.
  insert into app_public.conversations as c (id, last_message_at) values (conversation, clock_timestamp())
  on conflict (id) do update set last_message_at = greatest(c.last_message_at, clock_timestamp());
  insert into app_public.conversation_participants (conversation_id, user_id)
  values (conversation, me), (conversation, recipient_id) on conflict do nothing;
  update app_public.conversation_participants p set last_sent_at = now() where p.conversation_id = conversation and p.user_id = me;

  select * into enc from app_private.encrypt_message_body(text_);
  insert into app_public.messages (conversation_id, sender_id, ciphertext, key_id, created_at)
  values (conversation, me, enc.ciphertext, enc.key_id, clock_timestamp())
  returning * into m;
  return m;
end;
$$;

comment on function app_public.send_message(uuid,text) is
  'Send a direct message (up to 2000 characters) to someone who accepts messages from you (`Profile.viewerCanMessage`). Starts the conversation if needed.';

revoke all on function app_public.send_message(uuid,text) from public, anon, authenticated, service_role;
grant execute on function app_public.send_message(uuid,text) to anon, authenticated, service_role;
--! EndIncluded messaging/app_public.send_message.sql
--! Included messaging/app_public.profiles_viewer_can_message.sql
create or replace function app_public.profiles_viewer_can_message(p app_public.profiles) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_hidden.can_message_user(auth.uid(), p.id) $$;

comment on function app_public.profiles_viewer_can_message(app_public.profiles) is
  'Whether you may send this user a direct message (their setting, a reply, never across a block); false when signed out.';

revoke all on function app_public.profiles_viewer_can_message(app_public.profiles) from public, anon, authenticated, service_role;
grant execute on function app_public.profiles_viewer_can_message(app_public.profiles) to anon, authenticated, service_role;
--! EndIncluded messaging/app_public.profiles_viewer_can_message.sql
--! Included analytics/app_private.count_post_views.sql
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
            or app_hidden.can_see_post(ev.viewer_id, ev.post_id))
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

revoke all on function app_private.count_post_views(jsonb) from public, anon, authenticated, service_role;
--! EndIncluded analytics/app_private.count_post_views.sql
--! Included analytics/app_public.track_post_events.sql
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
     where app_hidden.can_see_post(me, x.post_id)
       and exists (select 1 from app_public.posts p where p.id = x.post_id and p.deleted_at is null)
     -- In post order: the like counters lock posts, and two batches must lock them in the same order.
     order by x.post_id
    on conflict do nothing
    returning 1
  ) select count(*) into liked from l;
  return row(cardinality(counted), liked)::app_public.tracked_events;
end;
$$;

comment on function app_public.track_post_events(uuid[],uuid[]) is
  'Batch of analytics events from a client, as the signed-in user (or anonymously, by IP, for views): views of posts (each counted as `incrementPostViews` does) and likes (as `likePost`; posts you may not see are skipped). At most 500 events.';

revoke all on function app_public.track_post_events(uuid[],uuid[]) from public, anon, authenticated, service_role;
grant execute on function app_public.track_post_events(uuid[],uuid[]) to anon, authenticated, service_role;
--! EndIncluded analytics/app_public.track_post_events.sql
