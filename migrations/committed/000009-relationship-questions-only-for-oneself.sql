--! Previous: sha1:dc474cdcd1f301973c997e882ee370f8a08f0329
--! Hash: sha1:e9ca077f73fca6bd400284b7af22e48a30e4296e
--! Message: relationship questions only for oneself

--------------------------------------------------------------------------------
-- Relationship questions answer only for the one asking. As GraphQL fields,
-- is_user_blocked, can_see_post, can_view_profile and can_view_active_status
-- let anyone ask about any two users (who blocked whom, who follows a private
-- account). Request roles may now ask only about themselves; the service
-- role, staff and SQL callers (jobs, the owner) may ask about anyone.
--------------------------------------------------------------------------------
drop function if exists app_private.may_ask_for(uuid) cascade;
drop function if exists app_private.deny(text) cascade;

create or replace function app_private.may_ask_for(user_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(auth.role(), '') not in ('anon', 'authenticated')
      or user_id is not distinct from auth.uid()
      or app_private.is_staff(auth.uid())
$$;
comment on function app_private.may_ask_for(uuid) is
  'Whether the caller may ask a question on behalf of this user (null: anonymous): themselves, or a trusted caller.';

create or replace function app_private.deny(message text) returns boolean
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception '%', message using errcode = 'DNIED';
end;
$$;
comment on function app_private.deny(text) is 'Raise DNIED with this message (for SQL-language functions).';

-- SECURITY DEFINER like the other three: it calls app_private helpers that request roles may not.
create or replace function app_public.is_user_blocked(a uuid, b uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case when app_private.may_ask_for(a) or app_private.may_ask_for(b) then app_private.is_blocked_pair(a, b)
              else app_private.deny('You may only ask about your own blocks') end
$$;
comment on function app_public.is_user_blocked(uuid, uuid) is 'True when either user has blocked the other. You may only ask about pairs that include you.';

create or replace function app_public.can_view_profile(viewer_id uuid, target_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when not app_private.may_ask_for(viewer_id) then app_private.deny('You may only ask for yourself')
    when viewer_id = target_id then true
    when app_private.is_blocked_pair(viewer_id, target_id) then false
    when not (select p.is_private from app_public.profiles p where p.id = target_id) then true
    else app_private.follows(viewer_id, target_id)
  end
$$;
comment on function app_public.can_view_profile(uuid, uuid) is
  'Whether the viewer (null: anonymous) sees the target''s full profile: private accounts only to approved followers; never across a block. You may only ask for yourself.';

create or replace function app_public.can_view_active_status(viewer_id uuid, target_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when not app_private.may_ask_for(viewer_id) then app_private.deny('You may only ask for yourself')
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
comment on function app_public.can_view_active_status(uuid, uuid) is
  'Whether the viewer may see when the target was last active, by the target''s active-status setting (everyone, followers, mutuals, nobody). You may only ask for yourself.';

create or replace function app_public.can_see_post(viewer_id uuid, post_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case when not app_private.may_ask_for(viewer_id) then app_private.deny('You may only ask for yourself') else
  coalesce((
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
  ), false) end
$$;
comment on function app_public.can_see_post(uuid, uuid) is
  'Whether the viewer (null: anonymous) may see the post. The one visibility rule; every read path applies it (directly or through the posts RLS policy). You may only ask for yourself.';
