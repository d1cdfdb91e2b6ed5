--! Previous: sha1:0610482395daa23a936e57b6d7f0ad3ee05030bf
--! Hash: sha1:39c17be7acf2e15e413591b7a61ad1a3bce2f7d0
--! Message: admin gate first, comments on unseen posts not found

--------------------------------------------------------------------------------
-- Refusals, continued: the admin gate comes before the arguments (an
-- anonymous rejectWithdrawal said INVAL, not LOGIN), and commenting on a post
-- you may not see is NTFND (it was a bare "permission denied").
--------------------------------------------------------------------------------
--! Included foundation/app_private.require_admin.sql
create or replace function app_private.require_admin() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Requests only (jobs run as the owner): LOGIN when signed out, DNIED unless an admin.
  perform app_private.require_user();
  if not auth.is_admin() then
    raise exception 'Only admins may do this' using errcode = 'DNIED';
  end if;
end;
$$;

comment on function app_private.require_admin() is
  'Refuses anyone but an admin: LOGIN when signed out, DNIED otherwise. Call it before looking at the arguments.';

revoke all on function app_private.require_admin() from public, anon, authenticated, service_role;
--! EndIncluded foundation/app_private.require_admin.sql
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
  perform app_private.require_admin();
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
--! Included monetization/app_public.mark_withdrawal_paid.sql
create or replace function app_public.mark_withdrawal_paid(request_id uuid, reference text) returns app_public.withdrawal_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.require_admin();
  if coalesce(btrim(reference), '') = '' then
    raise exception 'Give the payment reference' using errcode = 'INVAL';
  end if;
  return app_private.move_withdrawal(request_id, '{approved}', 'paid', reference);
end;
$$;

comment on function app_public.mark_withdrawal_paid(uuid,text) is
  'Admins: mark an approved withdrawal paid, with the payment reference.';

revoke all on function app_public.mark_withdrawal_paid(uuid,text) from public, anon, authenticated, service_role;
grant execute on function app_public.mark_withdrawal_paid(uuid,text) to anon, authenticated, service_role;
--! EndIncluded monetization/app_public.mark_withdrawal_paid.sql
--! Included monetization/app_public.reject_withdrawal.sql
create or replace function app_public.reject_withdrawal(request_id uuid, reason text) returns app_public.withdrawal_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.require_admin();
  if coalesce(btrim(reason), '') = '' then
    raise exception 'Say why the withdrawal is rejected' using errcode = 'INVAL';
  end if;
  return app_private.move_withdrawal(request_id, '{pending,approved}', 'rejected', reason);
end;
$$;

comment on function app_public.reject_withdrawal(uuid,text) is
  'Admins: reject a pending or approved withdrawal, saying why; its amount is available again.';

revoke all on function app_public.reject_withdrawal(uuid,text) from public, anon, authenticated, service_role;
grant execute on function app_public.reject_withdrawal(uuid,text) to anon, authenticated, service_role;
--! EndIncluded monetization/app_public.reject_withdrawal.sql
--! Included engagement/app_private.tg_comments__validate.sql
create or replace function app_private.tg_comments__validate() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  max_length integer := app_private.setting('comment_max_length')::integer;
begin
  -- A post you may not see is not there for you (the insert policy would only say "permission denied").
  if tg_op = 'INSERT' and auth.uid() is not null and not app_hidden.can_see_post(auth.uid(), new.post_id) then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  new.body := btrim(new.body);
  if new.body = '' then
    raise exception 'A comment needs some text' using errcode = 'INVAL';
  end if;
  if char_length(new.body) > max_length then
    raise exception 'A comment can be at most % characters', max_length using errcode = 'INVAL';
  end if;
  if tg_op = 'INSERT' and new.parent_id is not null
     and not exists (select 1 from app_public.comments c where c.id = new.parent_id and c.post_id = new.post_id and c.deleted_at is null) then
    raise exception 'You can only reply to a comment on the same post' using errcode = 'INVAL';
  end if;
  return new;
end;
$$;

revoke all on function app_private.tg_comments__validate() from public, anon, authenticated, service_role;
--! EndIncluded engagement/app_private.tg_comments__validate.sql
