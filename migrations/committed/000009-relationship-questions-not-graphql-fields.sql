--! Previous: sha1:dc474cdcd1f301973c997e882ee370f8a08f0329
--! Hash: sha1:b87f5e182a3d6ea4c036cd90cf24e231c6e7fe4c
--! Message: relationship questions not GraphQL fields

--------------------------------------------------------------------------------
-- Relationship questions about anyone stay in SQL. As GraphQL root fields,
-- is_user_blocked, are_mutual_followers, can_see_post, can_view_profile and
-- can_view_active_status let any client ask about any two users (who blocked
-- whom, who follows a private account). The rules use them internally
-- (policies, notifications, analytics ask on someone's behalf); clients get
-- the answers that concern them through the fields that apply them (a post
-- they may not see is not returned, Profile.viewerFollowStatus, …).
--------------------------------------------------------------------------------
drop function if exists app_private.may_ask_for(uuid) cascade;
drop function if exists app_private.deny(text) cascade;

-- (Bodies as in 000003; an earlier draft of this migration changed them.)
create or replace function app_public.is_user_blocked(a uuid, b uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_private.is_blocked_pair(a, b) $$;

create or replace function app_public.can_view_profile(viewer_id uuid, target_id uuid) returns boolean
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

create or replace function app_public.can_view_active_status(viewer_id uuid, target_id uuid) returns boolean
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

create or replace function app_public.can_see_post(viewer_id uuid, post_id uuid) returns boolean
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

comment on function app_public.is_user_blocked(uuid, uuid) is
  E'@behavior -queryField\nTrue when either user has blocked the other. For SQL (rules and jobs); not a GraphQL field.';
comment on function app_public.are_mutual_followers(uuid, uuid) is
  E'@behavior -queryField\nTrue when each follows the other (approved). For SQL (rules and jobs); not a GraphQL field.';
comment on function app_public.can_view_profile(uuid, uuid) is
  E'@behavior -queryField\nWhether the viewer (null: anonymous) sees the target''s full profile: private accounts only to approved followers; never across a block. For SQL; not a GraphQL field.';
comment on function app_public.can_view_active_status(uuid, uuid) is
  E'@behavior -queryField\nWhether the viewer may see when the target was last active, by the target''s active-status setting (everyone, followers, mutuals, nobody). For SQL; not a GraphQL field.';
comment on function app_public.can_see_post(uuid, uuid) is
  E'@behavior -queryField\nWhether the viewer (null: anonymous) may see the post. The one visibility rule; every read path applies it (directly or through the posts RLS policy). For SQL; not a GraphQL field.';
