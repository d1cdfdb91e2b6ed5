--! Previous: sha1:9c0540ac861fc8cf58a7ff12d5e8b327792b2d8b
--! Hash: sha1:88f3d818b0f8992ecb9858a7711c844b538d20c3
--! Message: refusals: a null uid is refused first; others' rows are not found

--------------------------------------------------------------------------------
-- Refusals: a null uid is refused first, and one convention everywhere.
--
-- deletePost without a token deleted any post: `if not found or not
-- (p.author_id = auth.uid() or …)` is null, not true, when auth.uid() is null,
-- so the exception never fired. Every rule now calls
-- app_private.require_user() before comparing with the user (LOGIN when signed
-- out), or compares with `is distinct from`. The staff and money gates answer
-- LOGIN to anonymous callers (they said DNIED), the SQL functions that called
-- require_user() inside a WHERE clause (never evaluated on an empty table)
-- call it first, and unlikePost, undoRepost and unlikeProfile no longer return
-- a post or profile the caller may not see. Updates through the generated
-- mutations only target your own rows (someone else's: NTFND, see
-- docs/error-codes.md).
--------------------------------------------------------------------------------
--! Included foundation/app_private.require_user.sql
create or replace function app_private.require_user() returns uuid
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    raise exception 'You must be signed in' using errcode = 'LOGIN';
  end if;
  return me;
end;
$$;

comment on function app_private.require_user() is
  'The signed-in user''s id; LOGIN when signed out. Call it first, before any check that compares with the user''s id (a comparison with null is null).';

revoke all on function app_private.require_user() from public, anon, authenticated, service_role;
grant execute on function app_private.require_user() to anon, authenticated, service_role;
--! EndIncluded foundation/app_private.require_user.sql
--! Included foundation/app_private.require_staff.sql
create or replace function app_private.require_staff() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Jobs run as the owner (no request role); requests must be service_role or a moderator/admin.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_moderator() then
      raise exception 'Staff only' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

revoke all on function app_private.require_staff() from public, anon, authenticated, service_role;
--! EndIncluded foundation/app_private.require_staff.sql
--! Included foundation/app_private.require_jobs_or_admin.sql
create or replace function app_private.require_jobs_or_admin() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_admin() then
      raise exception 'Only jobs, the service role or an admin may do this' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

revoke all on function app_private.require_jobs_or_admin() from public, anon, authenticated, service_role;
--! EndIncluded foundation/app_private.require_jobs_or_admin.sql
--! Included moderation/app_private.require_moderator.sql
create or replace function app_private.require_moderator() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Jobs and SQL run as the owner (no request role) and service_role are the system; requests must be staff.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_moderator() then
      raise exception 'Only moderators and admins may do this' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

revoke all on function app_private.require_moderator() from public, anon, authenticated, service_role;
--! EndIncluded moderation/app_private.require_moderator.sql
--! Included sponsorship/app_private.require_money_operator.sql
create or replace function app_private.require_money_operator() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- The worker and SQL jobs run as the owner (no request role); requests must be service_role or an admin.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
    if not auth.is_admin() then
      raise exception 'Only the payment system or an admin may change sponsor credits' using errcode = 'DNIED';
    end if;
  end if;
end;
$$;

revoke all on function app_private.require_money_operator() from public, anon, authenticated, service_role;
--! EndIncluded sponsorship/app_private.require_money_operator.sql
--! Included posts/app_public.delete_post.sql
create or replace function app_public.delete_post(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts;
begin
  select * into p from app_public.posts where id = post_id and deleted_at is null for update;
  -- `is distinct from`, never `not (… = …)`: a comparison with null is null, and `not null` never raises.
  if not found or (p.author_id is distinct from me and not auth.is_moderator()) then
    raise exception 'No such post of yours' using errcode = 'NTFND';
  end if;
  update app_public.posts set deleted_at = now() where id = post_id returning * into p;
  return p;
end;
$$;

comment on function app_public.delete_post(uuid) is
  'Delete one of your posts (soft: staff still see it). Staff may delete any post.';

revoke all on function app_public.delete_post(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.delete_post(uuid) to anon, authenticated, service_role;
--! EndIncluded posts/app_public.delete_post.sql
--! Included profiles/app_public.review_verification_request.sql
create or replace function app_public.review_verification_request(request_id uuid, approve boolean) returns app_public.verification_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.verification_requests;
begin
  perform app_private.require_user();
  if not auth.is_moderator() then
    raise exception 'Only staff may review verification requests' using errcode = 'DNIED';
  end if;
  update app_public.verification_requests
     set status = case when approve then 'approved' else 'rejected' end::app_public.verification_status,
         reviewed_by = auth.uid(), reviewed_at = now()
   where id = request_id and status = 'pending'
  returning * into row;
  if row is null then
    raise exception 'No such pending request' using errcode = 'NTFND';
  end if;
  if approve then
    update app_public.profiles set is_verified = true where id = row.user_id;
  end if;
  return row;
end;
$$;

comment on function app_public.review_verification_request(uuid,boolean) is
  'Staff: approve (the account gets the badge) or reject a verification request.';

revoke all on function app_public.review_verification_request(uuid,boolean) from public, anon, authenticated, service_role;
grant execute on function app_public.review_verification_request(uuid,boolean) to anon, authenticated, service_role;
--! EndIncluded profiles/app_public.review_verification_request.sql
--! Included moderation/app_public.clear_user_cheat_flag.sql
-- SECURITY DEFINER: writes the status and the audit; staff only.
create or replace function app_public.clear_user_cheat_flag(user_id uuid, note text) returns app_public.user_cheat_status
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.user_cheat_status;
begin
  perform app_private.require_user();
  if not auth.is_moderator() then
    raise exception 'Only staff may clear a cheat flag' using errcode = 'DNIED';
  end if;
  if coalesce(btrim(note), '') = '' then
    raise exception 'Say why the flag is cleared' using errcode = 'INVAL';
  end if;
  update app_public.user_cheat_status s
     set is_flagged = false, cleared_at = now(), cleared_by = auth.uid(), signals = '[]'
   where s.user_id = clear_user_cheat_flag.user_id and s.is_flagged
  returning * into row;
  if row is null then
    raise exception 'This account is not flagged' using errcode = 'NTFND';
  end if;
  insert into app_public.cheat_status_events (user_id, action, actor_id, note) values (user_id, 'cleared', auth.uid(), note);
  return row;
end;
$$;

comment on function app_public.clear_user_cheat_flag(uuid,text) is
  '@name clearCheatFlag
Staff: clear an account''s cheat flag, saying why (audited). Evidence before now is not counted again.';

revoke all on function app_public.clear_user_cheat_flag(uuid,text) from public, anon, authenticated, service_role;
grant execute on function app_public.clear_user_cheat_flag(uuid,text) to anon, authenticated, service_role;
--! EndIncluded moderation/app_public.clear_user_cheat_flag.sql
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
  perform app_private.require_user();
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
  -- TODO notify: a money notification to the creator (withdrawal approved / rejected / paid); notifications come from another branch.
  return row;
end;
$$;

revoke all on function app_private.move_withdrawal(uuid,app_public.withdrawal_status[],app_public.withdrawal_status,text) from public, anon, authenticated, service_role;
--! EndIncluded monetization/app_private.move_withdrawal.sql
--! Included moderation/app_public.get_post_report_count.sql
create or replace function app_public.get_post_report_count(post_id uuid) returns integer
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- SECURITY DEFINER: counts reports the caller may not read; only staff and the post's author may ask.
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
  end if;
  if auth.role() in ('anon', 'authenticated') and not auth.is_moderator()
     and not exists (select 1 from app_public.posts p where p.id = get_post_report_count.post_id and p.author_id = auth.uid()) then
    raise exception 'Only staff and the post''s author may see its report count' using errcode = 'DNIED';
  end if;
  return app_private.post_report_count(post_id);
end;
$$;

comment on function app_public.get_post_report_count(uuid) is
  'Distinct reporters of the post whose report was not dismissed. Staff and the post''s author only.';

revoke all on function app_public.get_post_report_count(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.get_post_report_count(uuid) to anon, authenticated, service_role;
--! EndIncluded moderation/app_public.get_post_report_count.sql
--! Included monetization/app_public.creator_balance.sql
-- SECURITY DEFINER: sums rows of one account, after checking it is the caller's (or the caller is an admin).
create or replace function app_public.creator_balance(user_id uuid default null) returns app_public.creator_balance
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  -- Signed out: LOGIN first, whatever the argument.
  me uuid := case when auth.role() in ('anon', 'authenticated') then app_private.require_user() else auth.uid() end;
  target uuid := coalesce(user_id, me, app_private.require_user());
  row app_public.creator_balance;
begin
  if target is distinct from me then
    perform app_private.require_jobs_or_admin();
  end if;
  select (select coalesce(sum(r.amount), 0) from app_public.video_revenue r where r.user_id = target),
         coalesce(sum(w.amount) filter (where w.status = 'pending'), 0),
         coalesce(sum(w.amount) filter (where w.status = 'approved'), 0),
         coalesce(sum(w.amount) filter (where w.status = 'paid'), 0),
         app_private.available_balance(target)
    into row
    from app_public.withdrawal_requests w where w.user_id = target;
  return row;
end;
$$;

comment on function app_public.creator_balance(uuid) is
  'Your revenue balance (admins: anyone''s): earned, pending, approved, paid, available.';

revoke all on function app_public.creator_balance(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.creator_balance(uuid) to anon, authenticated, service_role;
--! EndIncluded monetization/app_public.creator_balance.sql
--! Included monetization/app_public.monetization_status.sql
-- SECURITY DEFINER: reads the cheat status and every post's likes of the account.
create or replace function app_public.monetization_status(user_id uuid default null) returns setof app_public.monetization_condition
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  -- Signed out: LOGIN first, whatever the argument.
  me uuid := case when auth.role() in ('anon', 'authenticated') then app_private.require_user() else auth.uid() end;
  target uuid := coalesce(user_id, me, app_private.require_user());
begin
  if target is distinct from me then
    perform app_private.require_staff();
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = target) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  return query select * from app_private.monetization_conditions(target);
end;
$$;

comment on function app_public.monetization_status(uuid) is
  'Which revenue eligibility conditions an account meets and misses, with the numbers: yours (no argument), or any account''s for staff. Eligible when every condition is met.';

revoke all on function app_public.monetization_status(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.monetization_status(uuid) to anon, authenticated, service_role;
--! EndIncluded monetization/app_public.monetization_status.sql
--! Included sponsorship/app_public.get_or_create_sponsor_credits.sql
create or replace function app_public.get_or_create_sponsor_credits(sponsor_id uuid) returns app_public.sponsor_credits
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.sponsor_credits;
begin
  if auth.role() in ('anon', 'authenticated') then
    perform app_private.require_user();
  end if;
  -- Sponsors open their own account; payment systems and admins any.
  if auth.role() in ('anon', 'authenticated') and sponsor_id is distinct from auth.uid() and not auth.is_admin() then
    raise exception 'You may only open your own sponsor account' using errcode = 'DNIED';
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = get_or_create_sponsor_credits.sponsor_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.sponsor_credits as c (sponsor_id) values (get_or_create_sponsor_credits.sponsor_id)
  on conflict on constraint sponsor_credits_pkey do update set sponsor_id = c.sponsor_id
  returning * into row;
  return row;
end;
$$;

comment on function app_public.get_or_create_sponsor_credits(uuid) is
  'The sponsor''s credit account, opened with a zero balance if there is none.';

revoke all on function app_public.get_or_create_sponsor_credits(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.get_or_create_sponsor_credits(uuid) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.get_or_create_sponsor_credits.sql
--! Included engagement/app_public.unbookmark_post.sql
create or replace function app_public.unbookmark_post(post_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.bookmarks b where b.user_id = me and b.post_id = unbookmark_post.post_id;
  return found;
end;
$$;

comment on function app_public.unbookmark_post(uuid) is
  'Remove a saved post. True if it was saved.';

revoke all on function app_public.unbookmark_post(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.unbookmark_post(uuid) to anon, authenticated, service_role;
--! EndIncluded engagement/app_public.unbookmark_post.sql
--! Included social-graph/app_public.reject_follow_request.sql
create or replace function app_public.reject_follow_request(follower_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.followers f
   where f.follower_id = reject_follow_request.follower_id and f.following_id = me and f.status = 'pending';
  return found;
end;
$$;

comment on function app_public.reject_follow_request(uuid) is
  'Decline a request to follow you. True if there was one.';

revoke all on function app_public.reject_follow_request(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.reject_follow_request(uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.reject_follow_request.sql
--! Included social-graph/app_public.remove_follower.sql
create or replace function app_public.remove_follower(follower_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.followers f where f.follower_id = remove_follower.follower_id and f.following_id = me;
  return found;
end;
$$;

comment on function app_public.remove_follower(uuid) is
  'Make someone stop following you. True if they did.';

revoke all on function app_public.remove_follower(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.remove_follower(uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.remove_follower.sql
--! Included social-graph/app_public.unblock_user.sql
create or replace function app_public.unblock_user(target_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.blocked_users where blocker_id = me and blocked_id = target_id;
  return found;
end;
$$;

comment on function app_public.unblock_user(uuid) is
  'Lift a block (follows do not come back). True if there was one.';

revoke all on function app_public.unblock_user(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.unblock_user(uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.unblock_user.sql
--! Included social-graph/app_public.unfollow.sql
create or replace function app_public.unfollow(target_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.followers where follower_id = me and following_id = target_id;
  return found;
end;
$$;

comment on function app_public.unfollow(uuid) is
  'Stop following an account, or withdraw a follow request. True if there was one.';

revoke all on function app_public.unfollow(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.unfollow(uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.unfollow.sql
--! Included social-graph/app_public.unmute_user.sql
create or replace function app_public.unmute_user(target_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.mutes where muter_id = me and muted_id = target_id;
  return found;
end;
$$;

comment on function app_public.unmute_user(uuid) is
  'Unmute an account. True if it was muted.';

revoke all on function app_public.unmute_user(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.unmute_user(uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.unmute_user.sql
--! Included notifications/app_public.delete_notification.sql
create or replace function app_public.delete_notification(notification_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.notifications o where o.id = notification_id and o.recipient_id = me;
  if not found then
    raise exception 'No such notification' using errcode = 'NTFND';
  end if;
  return true;
end;
$$;

comment on function app_public.delete_notification(uuid) is
  'Delete one of your notifications (NTFND if it is not one of yours).';

revoke all on function app_public.delete_notification(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.delete_notification(uuid) to anon, authenticated, service_role;
--! EndIncluded notifications/app_public.delete_notification.sql
--! Included notifications/app_public.mark_all_notifications_read.sql
create or replace function app_public.mark_all_notifications_read() returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  n integer;
begin
  update app_public.notifications o set read_at = now() where o.recipient_id = me and o.read_at is null;
  get diagnostics n = row_count;
  return n;
end;
$$;

comment on function app_public.mark_all_notifications_read() is
  'Mark all your notifications read; returns how many were unread.';

revoke all on function app_public.mark_all_notifications_read() from public, anon, authenticated, service_role;
grant execute on function app_public.mark_all_notifications_read() to anon, authenticated, service_role;
--! EndIncluded notifications/app_public.mark_all_notifications_read.sql
--! Included notifications/app_public.mark_notification_read.sql
create or replace function app_public.mark_notification_read(notification_id uuid) returns app_public.notifications
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  n app_public.notifications;
begin
  update app_public.notifications o set read_at = coalesce(o.read_at, now())
   where o.id = notification_id and o.recipient_id = me
  returning * into n;
  if n is null then
    raise exception 'No such notification' using errcode = 'NTFND';
  end if;
  return n;
end;
$$;

comment on function app_public.mark_notification_read(uuid) is
  'Mark one of your notifications read.';

revoke all on function app_public.mark_notification_read(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.mark_notification_read(uuid) to anon, authenticated, service_role;
--! EndIncluded notifications/app_public.mark_notification_read.sql
--! Included notifications/app_public.unread_notification_count.sql
create or replace function app_public.unread_notification_count() returns integer
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  return (select count(*)::integer from app_public.notifications n where n.recipient_id = me and n.read_at is null);
end;
$$;

comment on function app_public.unread_notification_count() is
  'How many of your notifications are unread (LOGIN when signed out).';

revoke all on function app_public.unread_notification_count() from public, anon, authenticated, service_role;
grant execute on function app_public.unread_notification_count() to anon, authenticated, service_role;
--! EndIncluded notifications/app_public.unread_notification_count.sql
--! Included engagement/app_public.check_existing_repost.sql
create or replace function app_public.check_existing_repost(post_id uuid) returns boolean
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  return exists (select 1 from app_public.reposts r where r.post_id = check_existing_repost.post_id and r.user_id = me);
end;
$$;

comment on function app_public.check_existing_repost(uuid) is
  'Whether you have reposted the post (LOGIN when signed out).';

revoke all on function app_public.check_existing_repost(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.check_existing_repost(uuid) to anon, authenticated, service_role;
--! EndIncluded engagement/app_public.check_existing_repost.sql
--! Included social-graph/app_public.approve_follow_request.sql
create or replace function app_public.approve_follow_request(follower_id uuid) returns app_public.followers
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  row app_public.followers;
begin
  update app_public.followers f set status = 'approved', approved_at = now()
   where f.follower_id = approve_follow_request.follower_id and f.following_id = me and f.status = 'pending'
  returning * into row;
  if row is null then
    raise exception 'No such follow request' using errcode = 'NTFND';
  end if;
  return row;
end;
$$;

comment on function app_public.approve_follow_request(uuid) is
  'Approve a request to follow you.';

revoke all on function app_public.approve_follow_request(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.approve_follow_request(uuid) to anon, authenticated, service_role;
--! EndIncluded social-graph/app_public.approve_follow_request.sql
--! Included sponsorship/app_public.pause_sponsored_post.sql
create or replace function app_public.pause_sponsored_post(id uuid) returns app_public.sponsored_posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  row app_public.sponsored_posts;
begin
  update app_public.sponsored_posts s set status = 'paused', paused_reason = 'sponsor', paused_at = now()
   where s.id = pause_sponsored_post.id and s.sponsor_id = me
  returning * into row;
  if row is null then
    raise exception 'No such campaign of yours' using errcode = 'NTFND';
  end if;
  return row;
end;
$$;

comment on function app_public.pause_sponsored_post(uuid) is
  'Pause one of your campaigns.';

revoke all on function app_public.pause_sponsored_post(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.pause_sponsored_post(uuid) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.pause_sponsored_post.sql
--! Included profiles/app_public.unlike_profile.sql
create or replace function app_public.unlike_profile(profile_id uuid) returns app_public.profiles
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.profiles;
begin
  delete from app_public.profile_likes l where l.profile_id = unlike_profile.profile_id and l.liker_id = me;
  select * into p from app_public.profiles where id = unlike_profile.profile_id;
  -- The profile comes back only if you may see it (as likeProfile: never across a block).
  if not found or app_private.is_blocked_pair(me, p.id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;

comment on function app_public.unlike_profile(uuid) is
  'Take back your like of a profile.';

revoke all on function app_public.unlike_profile(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.unlike_profile(uuid) to anon, authenticated, service_role;
--! EndIncluded profiles/app_public.unlike_profile.sql
--! Included engagement/app_public.undo_repost.sql
create or replace function app_public.undo_repost(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.reposts r where r.post_id = undo_repost.post_id and r.user_id = me;
  -- The post comes back only if you may see it; one you no longer may see answers null
  -- once your repost of it is gone, and NTFND if there was none.
  if not found and not app_hidden.can_see_post(me, undo_repost.post_id) then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return (select p from app_public.posts p where p.id = undo_repost.post_id and p.deleted_at is null and app_hidden.can_see_post(me, p.id));
end;
$$;

comment on function app_public.undo_repost(uuid) is
  'Take back your repost.';

revoke all on function app_public.undo_repost(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.undo_repost(uuid) to anon, authenticated, service_role;
--! EndIncluded engagement/app_public.undo_repost.sql
--! Included engagement/app_public.unlike_post.sql
create or replace function app_public.unlike_post(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  delete from app_public.likes l where l.post_id = unlike_post.post_id and l.user_id = me;
  -- The post comes back only if you may see it; one you no longer may see answers null
  -- once your like of it is gone, and NTFND if there was none.
  if not found and not app_hidden.can_see_post(me, unlike_post.post_id) then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return (select p from app_public.posts p where p.id = unlike_post.post_id and p.deleted_at is null and app_hidden.can_see_post(me, p.id));
end;
$$;

comment on function app_public.unlike_post(uuid) is
  'Take back your like. Returns the post with its new count.';

revoke all on function app_public.unlike_post(uuid) from public, anon, authenticated, service_role;
grant execute on function app_public.unlike_post(uuid) to anon, authenticated, service_role;
--! EndIncluded engagement/app_public.unlike_post.sql
--! Included posts/app_public.posts.policies.sql
drop policy if exists insert_own on app_public.posts;
create policy insert_own on app_public.posts for insert with check (author_id = (select auth.uid()));

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

-- Only your own posts can be targeted: editing someone else's finds no row,
-- which the API answers NTFND (server/graphql/refusals.ts), as the rule functions do.
drop policy if exists update_own on app_public.posts;
create policy update_own on app_public.posts for update
  using (author_id = (select auth.uid()) and deleted_at is null)
  with check (author_id = (select auth.uid()));
--! EndIncluded posts/app_public.posts.policies.sql
--! Included engagement/app_public.comments.policies.sql
drop policy if exists insert_own on app_public.comments;
create policy insert_own on app_public.comments for insert with check (
  author_id = (select auth.uid())
  and exists (select 1 from app_public.posts p where p.id = post_id and p.deleted_at is null)
  and not exists (select 1 from app_public.posts p where p.id = post_id and app_private.is_blocked_pair(p.author_id, (select auth.uid())))
);

drop policy if exists select_visible on app_public.comments;
create policy select_visible on app_public.comments for select using (
  deleted_at is null
  and exists (select 1 from app_public.posts p where p.id = post_id)
  and not (author_id = any ((select app_private.viewer_block_ids())::uuid[]))
);

drop policy if exists update_own on app_public.comments;
create policy update_own on app_public.comments for update
  using (author_id = (select auth.uid()) and deleted_at is null) with check (author_id = (select auth.uid()));
--! EndIncluded engagement/app_public.comments.policies.sql
--! Included profiles/app_public.profile_details.policies.sql
drop policy if exists select_visible on app_public.profile_details;
create policy select_visible on app_public.profile_details for select using (app_hidden.can_view_profile((select auth.uid()), profile_id));

drop policy if exists update_self on app_public.profile_details;
create policy update_self on app_public.profile_details for update
  using (profile_id = (select auth.uid())) with check (profile_id = (select auth.uid()));
--! EndIncluded profiles/app_public.profile_details.policies.sql
--! Included profiles/app_public.profiles.policies.sql
drop policy if exists select_visible on app_public.profiles;
create policy select_visible on app_public.profiles for select using (not (id = any ((select app_private.viewer_block_ids())::uuid[])));

drop policy if exists update_self on app_public.profiles;
create policy update_self on app_public.profiles for update
  using (id = (select auth.uid())) with check (id = (select auth.uid()));
--! EndIncluded profiles/app_public.profiles.policies.sql
--! Included sponsorship/app_public.sponsored_posts.policies.sql
drop policy if exists select_own_or_staff on app_public.sponsored_posts;
create policy select_own_or_staff on app_public.sponsored_posts for select
  using (sponsor_id = (select auth.uid()) or (select auth.is_moderator()));

drop policy if exists update_own on app_public.sponsored_posts;
create policy update_own on app_public.sponsored_posts for update
  using (sponsor_id = (select auth.uid()))
  with check (sponsor_id = (select auth.uid()));
--! EndIncluded sponsorship/app_public.sponsored_posts.policies.sql
