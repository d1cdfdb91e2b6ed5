--! Previous: sha1:e4ff855fe9b4b08e23549481661743e28c697b56
--! Hash: sha1:9c0540ac861fc8cf58a7ff12d5e8b327792b2d8b
--! Message: comments name settings, not their values; leftover TODOs gone

--------------------------------------------------------------------------------
-- Comments describe the rule and name its setting (app_private.settings), never
-- its current value, which a DBA may change; the profiles comment no longer
-- names the bio, which lives in profile_details. Function bodies lose leftover
-- TODOs (the notifications they asked for exist as triggers).
--------------------------------------------------------------------------------
comment on table app_public.profiles is
  'A user''s public face: handle, display name, avatar and counters. The bio and the rest are `profileDetails`, shown to whoever may see the full profile.';
comment on column app_public.comments.body is
  'Text, at most the setting `comment_max_length` characters; @mentions are extracted.';
comment on column app_public.posts.body is
  'Text, at most the setting `post_max_length` characters; #hashtags and @mentions are extracted from it.';
comment on column app_public.posts.is_demonetized is
  'Demonetized: earns no revenue. Set automatically when the setting `demonetize_post_reports` distinct reporters report the post; staff restore it.';
comment on column app_public.profiles.is_demonetized is
  'Demonetized account: earns no revenue. Set automatically when the setting `demonetize_account_posts` of its posts were demonetized within `demonetize_account_window_days`; staff restore it.';
comment on column app_public.messages.read_at is
  'When the recipient read it (a read receipt); the message expires the setting `message_expiry_hours` later.';
comment on column app_public.video_revenue.amount is
  'likes × the setting `revenue_per_like` + views × `revenue_per_view`, exact.';
comment on table app_public.messages is
  E'@behavior -query:resource:connection -query:resource:list\nDirect messages, read through their conversation (`Conversation.messages`, newest first with `orderBy: CREATED_AT_DESC`). Send with `sendMessage`. A message expires the setting `message_expiry_hours` after its recipient read it.';

--! Included feeds/app_hidden.get_visible_posts_for_user.sql
-- The specification's name (SPEC §3, Feeds), for SQL callers: a viewer's view of an author's posts.
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
  'Delete the messages read longer ago than the setting `message_expiry_hours`; returns how many. Run hourly by the worker; safe to run concurrently and repeatedly.';

revoke all on function app_private.delete_expired_messages() from public, anon, authenticated, service_role;
grant execute on function app_private.delete_expired_messages() to service_role;
--! EndIncluded messaging/app_private.delete_expired_messages.sql
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
  'Send a direct message (at most the setting `message_max_length` characters) to someone who accepts messages from you (`Profile.viewerCanMessage`). Starts the conversation if needed.';

revoke all on function app_public.send_message(uuid,text) from public, anon, authenticated, service_role;
grant execute on function app_public.send_message(uuid,text) to anon, authenticated, service_role;
--! EndIncluded messaging/app_public.send_message.sql
--! Included moderation/app_public.check_and_demonetize_account.sql
create or replace function app_public.check_and_demonetize_account(user_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- SECURITY DEFINER: writes the profile and the audit log. Staff and the system only.
  perform app_private.require_moderator();
  return app_private.demonetize_account_if_repeated(user_id);
end;
$$;

comment on function app_public.check_and_demonetize_account(uuid) is
  'Staff: demonetize the account if at least the setting `demonetize_account_posts` of its posts were demonetized within the last `demonetize_account_window_days`. Runs by itself when a post is demonetized. True when the account is demonetized.';

revoke all on function app_public.check_and_demonetize_account(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.check_and_demonetize_account(uuid) to anon, authenticated, service_role;
--! EndIncluded moderation/app_public.check_and_demonetize_account.sql
--! Included moderation/app_public.check_and_demonetize_video.sql
create or replace function app_public.check_and_demonetize_video(post_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- SECURITY DEFINER: writes the post, its author's profile and the audit log. Staff and the system only.
  perform app_private.require_moderator();
  return app_private.demonetize_post_if_reported(post_id);
end;
$$;

comment on function app_public.check_and_demonetize_video(uuid) is
  'Staff: demonetize the post if it has reached the report threshold (the setting `demonetize_post_reports`: distinct reporters whose reports were not dismissed), and then its account if it is a repeat. Runs by itself when a report lands. True when the post is demonetized.';

revoke all on function app_public.check_and_demonetize_video(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.check_and_demonetize_video(uuid) to anon, authenticated, service_role;
--! EndIncluded moderation/app_public.check_and_demonetize_video.sql
--! Included moderation/app_public.report_post.sql
create or replace function app_public.report_post(post_id uuid, reason app_public.report_reason, details text default null)
  returns app_public.post_reports
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
  row app_public.post_reports;
begin
  if p.author_id = me then
    raise exception 'You cannot report your own post' using errcode = 'INVAL';
  end if;
  insert into app_public.post_reports (post_id, reporter_id, reason, details)
  values (p.id, me, reason, nullif(btrim(details), ''))
  on conflict on constraint post_reports_post_id_reporter_id_key do nothing
  returning * into row;
  if row is null then
    raise exception 'You have already reported this post' using errcode = 'CONFL';
  end if;
  return row;
end;
$$;

comment on function app_public.report_post(uuid,app_public.report_reason,text) is
  'Report a post you can see, once, with a reason and optional details. At the setting `demonetize_post_reports` distinct reporters the post is demonetized.';

revoke all on function app_public.report_post(uuid,app_public.report_reason,text) from public, anon, authenticated, service_role;
grant execute on function app_public.report_post(uuid,app_public.report_reason,text) to anon, authenticated, service_role;
--! EndIncluded moderation/app_public.report_post.sql
--! Included monetization/app_private.move_withdrawal.sql
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
  return row;
end;
$$;

revoke all on function app_private.move_withdrawal(uuid,app_public.withdrawal_status[],app_public.withdrawal_status,text) from public, anon, authenticated, service_role;
--! EndIncluded monetization/app_private.move_withdrawal.sql
--! Included monetization/app_public.calculate_monthly_revenue.sql
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
  return n;
end;
$$;

comment on function app_public.calculate_monthly_revenue(date) is
  'Jobs and admins: write each video''s revenue for the month containing `month` (UTC): likes × the setting `revenue_per_like` + views × `revenue_per_view`, from that month''s likes and views, for eligible creators, demonetized posts excluded. Once per month: running it again changes nothing and returns 0; returns the rows written.';

revoke all on function app_public.calculate_monthly_revenue(date) from public, anon, authenticated, service_role;
grant execute on function app_public.calculate_monthly_revenue(date) to anon, authenticated, service_role;
--! EndIncluded monetization/app_public.calculate_monthly_revenue.sql
--! Included sponsorship/app_private.pause_sponsored_post.sql
create or replace function app_private.pause_sponsored_post(id uuid, reason app_public.sponsored_pause_reason) returns void
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  update app_public.sponsored_posts s set status = 'paused', paused_reason = reason, paused_at = now()
   where s.id = pause_sponsored_post.id and s.status = 'active';
$$;

revoke all on function app_private.pause_sponsored_post(uuid,app_public.sponsored_pause_reason) from public, anon, authenticated, service_role;
--! EndIncluded sponsorship/app_private.pause_sponsored_post.sql
