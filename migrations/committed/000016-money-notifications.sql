--! Previous: sha1:59da42d10723609e22c63159e0789da943877ea4
--! Hash: sha1:ac0deb0f2b1d904b66a24909778ebeca9bc23d8f
--! Message: money notifications

--------------------------------------------------------------------------------
-- Money notifications, and suspension for direct messages: the links between
-- the creator economy and the notifications and messaging domains, which were
-- built side by side. Triggers, so that every path that moves money (monthly
-- job, admin action, automatic pause) notifies through app_private.notify().
--------------------------------------------------------------------------------
drop trigger if exists _900_notify on app_public.video_revenue;
drop trigger if exists _900_notify on app_public.withdrawal_requests;
drop trigger if exists _900_notify on app_public.sponsored_posts;
drop function if exists app_private.tg_video_revenue__notify() cascade;
drop function if exists app_private.tg_withdrawal_requests__notify() cascade;
drop function if exists app_private.tg_sponsored_posts__notify() cascade;

-- Revenue calculated: one notification per creator and month, with the total.
create or replace function app_private.tg_video_revenue__notify() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.notify(r.user_id, 'money', null, null, null,
            jsonb_build_object('event', 'revenue_calculated', 'month', r.month, 'amount', r.amount, 'videos', r.videos))
     from (select n.user_id, n.month, sum(n.amount) as amount, count(*) as videos
             from new_rows n group by n.user_id, n.month) r;
  return null;
end;
$$;
create trigger _900_notify after insert on app_public.video_revenue
  referencing new table as new_rows
  for each statement execute function app_private.tg_video_revenue__notify();

-- A withdrawal moved (approved, rejected, paid): tell its creator.
create or replace function app_private.tg_withdrawal_requests__notify() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.notify(new.user_id, 'money', null, null, null,
            jsonb_build_object('event', 'withdrawal_' || new.status, 'withdrawal_id', new.id, 'amount', new.amount, 'note', new.note));
  return null;
end;
$$;
create trigger _900_notify after update of status on app_public.withdrawal_requests
  for each row when (old.status is distinct from new.status)
  execute function app_private.tg_withdrawal_requests__notify();

-- A campaign paused itself (credits or budget ran out): tell its sponsor.
create or replace function app_private.tg_sponsored_posts__notify() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.notify(new.sponsor_id, 'money', null, null, null,
            jsonb_build_object('event', 'campaign_paused', 'reason', new.paused_reason, 'sponsored_post_id', new.id, 'post_id', new.post_id));
  return null;
end;
$$;
create trigger _900_notify after update of status on app_public.sponsored_posts
  for each row when (old.status = 'active' and new.status = 'paused' and new.paused_reason in ('funds', 'budget'))
  execute function app_private.tg_sponsored_posts__notify();

-- A suspended account cannot send direct messages either (see 000013).
drop trigger if exists _050_refuse_suspended on app_public.messages;
create trigger _050_refuse_suspended before insert on app_public.messages
  for each row execute function app_private.tg__refuse_suspended('sender_id');
