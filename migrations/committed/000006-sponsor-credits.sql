--! Previous: sha1:994eabf58b2c76af0eeee961d7838778fa1cc81d
--! Hash: sha1:6887f262ab97a79a292195332f7316f07963fdb9
--! Message: sponsor credits

--------------------------------------------------------------------------------
-- Sponsor credits: a prepaid balance per sponsor, changed only by
-- add_sponsor_credits and deduct_sponsor_credits. Each change carries an
-- idempotency key and is applied at most once; the balance never goes below
-- zero; every change leaves an audit row with the balance after it.
-- Money is numeric, never float.
--------------------------------------------------------------------------------

drop table if exists app_public.sponsor_credit_transactions, app_public.sponsor_credits cascade;
drop function if exists app_public.get_or_create_sponsor_credits(uuid), app_public.add_sponsor_credits(uuid, numeric, text, text),
  app_public.deduct_sponsor_credits(uuid, numeric, text, text), app_private.apply_sponsor_credit_change(uuid, text, numeric, text, text),
  app_private.require_money_operator() cascade;

create table app_public.sponsor_credits (
  sponsor_id uuid primary key references app_public.profiles (id) on delete cascade,
  balance numeric(14, 4) not null default 0 check (balance >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table app_public.sponsor_credits enable row level security;
comment on table app_public.sponsor_credits is 'A sponsor''s prepaid credit balance; the sponsor and staff see it.';
comment on column app_public.sponsor_credits.sponsor_id is 'The sponsor.';
comment on column app_public.sponsor_credits.balance is 'Credits available, never below zero.';
comment on column app_public.sponsor_credits.created_at is 'When the account was opened.';
comment on column app_public.sponsor_credits.updated_at is 'When the balance last changed.';

create table app_public.sponsor_credit_transactions (
  id bigint generated always as identity primary key,
  sponsor_id uuid not null references app_public.sponsor_credits (sponsor_id) on delete cascade,
  kind text not null check (kind in ('add', 'deduct')),
  amount numeric(14, 4) not null check (amount > 0),
  balance_after numeric(14, 4) not null check (balance_after >= 0),
  idempotency_key text not null check (char_length(idempotency_key) between 1 and 200),
  reason text check (char_length(reason) <= 500),
  created_at timestamptz not null default now(),
  unique (sponsor_id, idempotency_key)
);
create index sponsor_credit_transactions_sponsor_idx on app_public.sponsor_credit_transactions (sponsor_id, created_at desc);
alter table app_public.sponsor_credit_transactions enable row level security;
comment on table app_public.sponsor_credit_transactions is 'Every change of a sponsor''s credits, once per idempotency key; the sponsor and staff see them.';
comment on column app_public.sponsor_credit_transactions.id is 'The change''s id.';
comment on column app_public.sponsor_credit_transactions.sponsor_id is 'The sponsor.';
comment on column app_public.sponsor_credit_transactions.kind is 'add or deduct.';
comment on column app_public.sponsor_credit_transactions.amount is 'How much was added or deducted (positive).';
comment on column app_public.sponsor_credit_transactions.balance_after is 'The balance right after this change.';
comment on column app_public.sponsor_credit_transactions.idempotency_key is 'The caller''s key: a change with a key already used is not applied again.';
comment on column app_public.sponsor_credit_transactions.reason is 'Why (payment reference, campaign charge, …).';
comment on column app_public.sponsor_credit_transactions.created_at is 'When.';

create policy select_own_or_staff on app_public.sponsor_credits for select
  using (sponsor_id = (select auth.uid()) or (select auth.is_moderator()));
create policy select_own_or_staff on app_public.sponsor_credit_transactions for select
  using (sponsor_id = (select auth.uid()) or (select auth.is_moderator()));
grant select on app_public.sponsor_credits, app_public.sponsor_credit_transactions to authenticated, service_role;

create or replace function app_public.get_or_create_sponsor_credits(sponsor_id uuid) returns app_public.sponsor_credits
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.sponsor_credits;
begin
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
comment on function app_public.get_or_create_sponsor_credits(uuid) is 'The sponsor''s credit account, opened with a zero balance if there is none.';

/*
 * The one place a balance changes: `amount` (positive) is added or deducted
 * by `kind`. The sponsor's row is locked first, so that concurrent changes of
 * one sponsor are applied one at a time; then a key already used returns the
 * change it made (nothing applied again; a different amount or kind under the
 * same key is refused); then the balance moves, never below zero (SQLSTATE
 * FUNDS), and the audit row is written.
 */
create or replace function app_private.apply_sponsor_credit_change(sponsor_id uuid, kind text, amount numeric, idempotency_key text, reason text)
  returns app_public.sponsor_credit_transactions
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  delta numeric := case kind when 'add' then amount when 'deduct' then -amount end;
  previous app_public.sponsor_credit_transactions;
  new_balance numeric;
  row app_public.sponsor_credit_transactions;
begin
  if amount is null or amount <= 0 or amount <> round(amount, 4) then
    raise exception 'The amount must be positive, with at most 4 decimals' using errcode = 'INVAL';
  end if;
  if idempotency_key is null or idempotency_key = '' then
    raise exception 'An idempotency key is required' using errcode = 'INVAL';
  end if;
  perform 1 from app_public.sponsor_credits c where c.sponsor_id = apply_sponsor_credit_change.sponsor_id for update;
  if not found then
    raise exception 'No sponsor account for this user; open it with get_or_create_sponsor_credits' using errcode = 'NTFND';
  end if;

  select * into previous from app_public.sponsor_credit_transactions t
   where t.sponsor_id = apply_sponsor_credit_change.sponsor_id and t.idempotency_key = apply_sponsor_credit_change.idempotency_key;
  if found then
    if previous.kind <> kind or previous.amount <> amount then
      raise exception 'Idempotency key % was used for a different change', idempotency_key using errcode = 'CONFL';
    end if;
    return previous;
  end if;

  update app_public.sponsor_credits c set balance = c.balance + delta, updated_at = now()
   where c.sponsor_id = apply_sponsor_credit_change.sponsor_id and c.balance + delta >= 0
  returning c.balance into new_balance;
  if new_balance is null then
    raise exception 'Insufficient sponsor credits' using errcode = 'FUNDS';
  end if;
  insert into app_public.sponsor_credit_transactions (sponsor_id, kind, amount, balance_after, idempotency_key, reason)
  values (apply_sponsor_credit_change.sponsor_id, kind, amount, new_balance, idempotency_key, reason)
  returning * into row;
  return row;
end;
$$;

create or replace function app_private.require_money_operator() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- The worker and SQL jobs run as the owner (no request role); requests must be service_role or an admin.
  if auth.role() in ('anon', 'authenticated') and not auth.is_admin() then
    raise exception 'Only the payment system or an admin may change sponsor credits' using errcode = 'DNIED';
  end if;
end;
$$;

create or replace function app_public.add_sponsor_credits(sponsor_id uuid, amount numeric, idempotency_key text, reason text default null)
  returns numeric
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.require_money_operator();
  perform app_public.get_or_create_sponsor_credits(sponsor_id);
  return (app_private.apply_sponsor_credit_change(sponsor_id, 'add', amount, idempotency_key, reason)).balance_after;
end;
$$;
comment on function app_public.add_sponsor_credits(uuid, numeric, text, text) is
  'Payment system or admin: add credits, at most once per idempotency key; returns the balance after this change (for a repeated key, the balance the first call left).';

create or replace function app_public.deduct_sponsor_credits(sponsor_id uuid, amount numeric, idempotency_key text, reason text default null)
  returns numeric
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.require_money_operator();
  return (app_private.apply_sponsor_credit_change(sponsor_id, 'deduct', amount, idempotency_key, reason)).balance_after;
end;
$$;
comment on function app_public.deduct_sponsor_credits(uuid, numeric, text, text) is
  'Charge credits atomically, at most once per idempotency key (a repeated key returns the first result and charges nothing); never below zero: raises FUNDS when the balance does not cover it. Payment system, jobs and admins only.';
