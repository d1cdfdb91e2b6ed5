--! Previous: sha1:ca1ca7c9e266a502c5f2a77b72f4b5d153d7f80c
--! Hash: sha1:fa67c958e9e979a41646b409e917dd60c8f802f1
--! Message: own signed-out views do not count

--------------------------------------------------------------------------------
-- A creator's own signed-out views do not count: anonymous views come from
-- an address, and an anonymous view from an address the author made a
-- signed-in request from within the dedupe window is the author's.
--------------------------------------------------------------------------------
create table if not exists app_private.signed_in_addresses (
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  viewer_key text not null,
  seen_at timestamptz not null default now(),
  primary key (user_id, viewer_key)
);
comment on table app_private.signed_in_addresses is
  'Where each user was signed in lately (keyed as anonymous views are), to leave their own signed-out views uncounted.';

--! Included analytics/app_private.record_signed_in_address.sql
create or replace function app_private.record_signed_in_address(user_id uuid, ip inet) returns void
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  insert into app_private.signed_in_addresses as a (user_id, viewer_key, seen_at)
  select p.id, app_private.anonymous_viewer_key(ip), now() from app_public.profiles p
   where p.id = record_signed_in_address.user_id and ip is not null
  on conflict (user_id, viewer_key) do update set seen_at = now()
   where a.seen_at < now() - interval '1 minute';
  -- Forget addresses older than the view dedupe window: they no longer matter.
  delete from app_private.signed_in_addresses a
   where a.user_id = record_signed_in_address.user_id
     and a.seen_at < now() - app_private.setting('view_dedupe_window')::interval;
$$;

comment on function app_private.record_signed_in_address(uuid,inet) is
  'Record that the user made a signed-in request from this address (as anonymous views are keyed: the IPv4 address or the IPv6 /64), so that their own signed-out views of their posts do not count.';

revoke all on function app_private.record_signed_in_address(uuid,inet) from public, anon, authenticated, service_role;
--! EndIncluded analytics/app_private.record_signed_in_address.sql
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
       -- A creator's own signed-out view: from an address they were signed in from within the window.
       and not (ev.viewer_id is null
                and exists (select 1 from app_private.signed_in_addresses s
                             where s.user_id = p.author_id and s.viewer_key = ev.viewer_key and s.seen_at > ev.at - window_length))
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
  'THE view-counting rule, set-based: the posts of the views that count (logged); callers add them to the counters. Not counted: the author''s own views, signed in or signed out (from an address the author was signed in from within the dedupe window).';

revoke all on function app_private.count_post_views(jsonb) from public, anon, authenticated, service_role;
--! EndIncluded analytics/app_private.count_post_views.sql
