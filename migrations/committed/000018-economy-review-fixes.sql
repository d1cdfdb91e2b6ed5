--! Previous: sha1:c4ddd88292477fbb601eeea53f3f3682944f8688
--! Hash: sha1:92ee0a974dbfc909359af59e645f7c47733f0686
--! Message: economy review fixes

--------------------------------------------------------------------------------
-- Fixes from a review of the creator economy, moderation and sponsorship:
--   * a burst of views from one IP counts distinct accounts: one visitor
--     viewing 30 posts in an hour could get a creator flagged (and unpaid);
--   * the cheat evidence (viewers' IPs) is for staff: the account sees its
--     flag, not the signals;
--   * staff never act on their own account, posts or money;
--   * a suspended account cannot change a post's audience or metadata, nor
--     record sponsored impressions (which charge sponsors);
--   * sponsors see their charges by day, not at the instant (which matched
--     public like times and named their likers);
--   * batched likes lock posts in a fixed order (no deadlock between batches).
--------------------------------------------------------------------------------
drop trigger if exists _040_not_own on app_public.moderation_actions;
drop trigger if exists _040_not_own on app_public.withdrawal_requests;
drop trigger if exists _040_not_own on app_public.user_cheat_status;
drop function if exists app_private.tg_moderation_actions__not_own() cascade;
drop function if exists app_private.tg_withdrawal_requests__not_own() cascade;
drop function if exists app_private.tg_user_cheat_status__not_own() cascade;

update app_private.settings
   set description = 'Burst: flagged when this many distinct accounts (anonymous views count as one) view the account''s posts from one IP within an hour'
 where key = 'cheat_ip_burst_per_hour';

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
     -- In post order: the like counters lock posts, and two batches must lock them in the same order.
     order by x.post_id
    on conflict do nothing
    returning 1
  ) select count(*) into liked from l;
  return row(cardinality(counted), liked)::app_public.tracked_events;
end;
$$;


-- The evidence names viewers' IPs: staff read it through check_user_cheat_status and cheat_status_events.
revoke select on app_public.user_cheat_status from authenticated;
grant select (user_id, is_flagged, checked_at, flagged_at, cleared_at, cleared_by) on app_public.user_cheat_status to authenticated;
comment on column app_public.user_cheat_status.signals is
  E'@behavior -select\nWhat the last check found: [{"kind": "ip_concentration" | "ip_burst" | "like_ring", …numbers}]. Staff read it through checkUserCheatStatus.';

-- Staff act on others only: every audited moderation action, a cheat
-- clearance and a withdrawal move refuse the staff member's own account.
create or replace function app_private.tg_moderation_actions__not_own() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  if new.actor_id is not null
     and (new.actor_id = new.target_user_id
          or exists (select 1 from app_public.posts p where p.id = new.post_id and p.author_id = new.actor_id)) then
    raise exception 'Staff may not act on their own account or posts' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;
create trigger _040_not_own before insert on app_public.moderation_actions
  for each row execute function app_private.tg_moderation_actions__not_own();

create or replace function app_private.tg_withdrawal_requests__not_own() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  if new.reviewed_by = new.user_id then
    raise exception 'Staff may not move their own withdrawals' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;
create trigger _040_not_own before update of status on app_public.withdrawal_requests
  for each row when (old.status is distinct from new.status)
  execute function app_private.tg_withdrawal_requests__not_own();

create or replace function app_private.tg_user_cheat_status__not_own() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  if new.cleared_by = new.user_id then
    raise exception 'Staff may not clear their own cheat flag' using errcode = 'DNIED';
  end if;
  return new;
end;
$$;
create trigger _040_not_own before update of cleared_at on app_public.user_cheat_status
  for each row when (old.cleared_at is distinct from new.cleared_at)
  execute function app_private.tg_user_cheat_status__not_own();

-- Suspension: any change to a post but its deletion (a suspended account may
-- still delete its content), and sponsored impressions.
drop trigger if exists _050_refuse_suspended on app_public.posts;
create trigger _050_refuse_suspended before insert or update of body, audience, metadata, is_paid on app_public.posts
  for each row execute function app_private.tg__refuse_suspended('author_id');
drop trigger if exists _050_refuse_suspended on app_public.sponsored_interactions;
create trigger _050_refuse_suspended before insert on app_public.sponsored_interactions
  for each row execute function app_private.tg__refuse_suspended('viewer_id');

-- Sponsors: the day of each charge, not its instant.
revoke select on app_public.sponsored_interactions from authenticated, service_role;
grant select (id, sponsored_post_id, kind, day, amount) on app_public.sponsored_interactions to authenticated, service_role;
