--! Previous: sha1:bbb98a9e336d59a483239b53727d16514e995a9d
--! Hash: sha1:94801808d0080fdb9748141efe759e4cc4e0bfd0
--! Message: withdrawal idempotency key

--------------------------------------------------------------------------------
-- Withdrawal requests take an optional idempotency key: a client retrying a
-- request (timeout, lost response) gets the first request back instead of a
-- second pending withdrawal.
--------------------------------------------------------------------------------
drop function if exists app_public.request_withdrawal(numeric);
drop function if exists app_public.request_withdrawal(numeric, text);
alter table app_public.withdrawal_requests add column if not exists idempotency_key text
  check (char_length(idempotency_key) between 1 and 200);
comment on column app_public.withdrawal_requests.idempotency_key is 'The client''s key for this request: a retry with the same key returns it.';
create unique index if not exists withdrawal_requests_idempotency_idx on app_public.withdrawal_requests (user_id, idempotency_key)
  where idempotency_key is not null;

create or replace function app_public.request_withdrawal(amount numeric, idempotency_key text default null) returns app_public.withdrawal_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  info app_public.withdrawal_info;
  available numeric;
  row app_public.withdrawal_requests;
begin
  if amount is null or amount <= 0 or amount <> round(amount, 4) then
    raise exception 'The amount must be positive, with at most 4 decimals' using errcode = 'INVAL';
  end if;
  if amount < app_private.setting('withdrawal_min_amount')::numeric then
    raise exception 'The smallest withdrawal is %', app_private.setting('withdrawal_min_amount') using errcode = 'INVAL';
  end if;
  select * into info from app_public.withdrawal_info i where i.user_id = me for update;
  if not found then
    raise exception 'Save your payout details first (saveWithdrawalInfo)' using errcode = 'INVAL';
  end if;
  -- A retry (same key) returns the first request; the lock above orders a user's requests.
  if idempotency_key is not null then
    select * into row from app_public.withdrawal_requests w
     where w.user_id = me and w.idempotency_key = request_withdrawal.idempotency_key;
    if found then
      if row.amount <> amount then
        raise exception 'This idempotency key was used for a request of %', row.amount using errcode = 'CONFL';
      end if;
      return row;
    end if;
  end if;
  if app_private.is_cheat_flagged(me) then
    raise exception 'Your account is under review for cheating; withdrawals wait until it is cleared' using errcode = 'DNIED';
  end if;
  available := app_private.available_balance(me);
  if amount > available then
    raise exception 'Insufficient balance: % available', available using errcode = 'FUNDS';
  end if;
  insert into app_public.withdrawal_requests (user_id, amount, method, details, idempotency_key)
  values (me, amount, info.method, info.details, request_withdrawal.idempotency_key)
  returning * into row;
  return row;
end;
$$;

comment on function app_public.request_withdrawal(numeric, text) is
  'Ask to withdraw `amount` of your revenue, to your saved payout details. At most the available balance (FUNDS otherwise); not while flagged for cheating. With `idempotencyKey`, a retry returns the first request (CONFL if the amount differs).';
