--! Previous: sha1:fa67c958e9e979a41646b409e917dd60c8f802f1
--! Hash: sha1:6da40826865031f4486f1e6a643b674aef0389c0
--! Message: move_withdrawal merged definition

-- The current app_private.move_withdrawal: two branches changed it at once (the refusal
-- convention, and a leftover TODO removed); this applies the merged definition.
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
  return row;
end;
$$;

revoke all on function app_private.move_withdrawal(uuid,app_public.withdrawal_status[],app_public.withdrawal_status,text) from public, anon, authenticated, service_role;
--! EndIncluded monetization/app_private.move_withdrawal.sql
