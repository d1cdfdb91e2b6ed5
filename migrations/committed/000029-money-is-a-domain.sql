--! Previous: sha1:39c17be7acf2e15e413591b7a61ad1a3bce2f7d0
--! Hash: sha1:950a09f2cb674b76f82be96e7f2c9da388934e3e
--! Message: money is a domain

--------------------------------------------------------------------------------
-- Money is a domain: finite, at most 4 decimals, below 10^10.
--
-- 'NaN'::numeric passes `<= 0`, `>= 0` and `<> round(…)` checks:
-- addSponsorCredits("NaN") made a balance NaN, after which any deduction
-- succeeded. Every money argument is now app_public.money (numeric, checked by
-- app_private.check_money: INVAL for NaN, ±Infinity, 5 decimals, 1e20), and so
-- are the campaign's money columns, which the sponsor edits directly; the
-- other money columns keep numeric(14,4) and gain the same check.
--------------------------------------------------------------------------------
--! Included money/app_private.check_money.sql
-- The rule of the app_public.money domain (a CHECK that raises, so that the
-- client is told INVAL and why, not "violates check constraint").
create or replace function app_private.check_money(amount numeric) returns boolean
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if amount is null then
    return true;
  end if;
  -- 'NaN' passes `>= 0` and `<= 0` alike, and infinities are numbers to PostgreSQL.
  if amount = 'NaN' or amount = 'Infinity' or amount = '-Infinity' then
    raise exception 'An amount must be a finite number (got %)', amount using errcode = 'INVAL';
  end if;
  if amount <> round(amount, 4) then
    raise exception 'An amount has at most 4 decimals (got %)', amount using errcode = 'INVAL';
  end if;
  if abs(amount) >= 10000000000 then
    raise exception 'An amount is below 10,000,000,000 (got %)', amount using errcode = 'INVAL';
  end if;
  return true;
end;
$$;

comment on function app_private.check_money(numeric) is
  'True for a money amount: finite, at most 4 decimals, below 10^10 in absolute value; raises INVAL otherwise.';

revoke all on function app_private.check_money(numeric) from public, anon, authenticated, service_role;
grant execute on function app_private.check_money(numeric) to anon, authenticated, service_role;
--! EndIncluded money/app_private.check_money.sql

do $$
begin
  if to_regtype('app_public.money') is null then
    create domain app_public.money as numeric check (app_private.check_money(value));
  end if;
end
$$;
comment on domain app_public.money is
  'A money amount (credits, revenue): finite, at most 4 decimals, below 10,000,000,000 in absolute value (app_private.check_money).';

drop function if exists app_public.add_sponsor_credits(uuid, numeric, text, text);
drop function if exists app_public.deduct_sponsor_credits(uuid, numeric, text, text);
drop function if exists app_public.request_withdrawal(numeric, text);
drop function if exists app_public.create_sponsored_post(uuid, numeric, numeric, numeric, app_public.sponsored_placement[], text[], text[], text[], app_public.age_band[]);
--! Included sponsorship/app_public.add_sponsor_credits.sql
create or replace function app_public.add_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text default null)
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

comment on function app_public.add_sponsor_credits(uuid,app_public.money,text,text) is
  'Payment system or admin: add credits, at most once per idempotency key; returns the balance after this change (for a repeated key, the balance the first call left).';

revoke all on function app_public.add_sponsor_credits(uuid,app_public.money,text,text) from public, anon, authenticated, service_role;
grant execute on function app_public.add_sponsor_credits(uuid,app_public.money,text,text) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.add_sponsor_credits.sql
--! Included sponsorship/app_public.deduct_sponsor_credits.sql
create or replace function app_public.deduct_sponsor_credits(sponsor_id uuid, amount app_public.money, idempotency_key text, reason text default null)
  returns numeric
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.require_money_operator();
  return (app_private.apply_sponsor_credit_change(sponsor_id, 'deduct', amount, idempotency_key, reason)).balance_after;
end;
$$;

comment on function app_public.deduct_sponsor_credits(uuid,app_public.money,text,text) is
  'Charge credits atomically, at most once per idempotency key (a repeated key returns the first result and charges nothing); never below zero: raises FUNDS when the balance does not cover it. Payment system, jobs and admins only.';

revoke all on function app_public.deduct_sponsor_credits(uuid,app_public.money,text,text) from public, anon, authenticated, service_role;
grant execute on function app_public.deduct_sponsor_credits(uuid,app_public.money,text,text) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.deduct_sponsor_credits.sql
--! Included monetization/app_public.request_withdrawal.sql
create or replace function app_public.request_withdrawal(amount app_public.money, idempotency_key text default null) returns app_public.withdrawal_requests
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

comment on function app_public.request_withdrawal(app_public.money,text) is
  'Ask to withdraw `amount` of your revenue, to your saved payout details. At most the available balance (FUNDS otherwise); not while flagged for cheating. With `idempotencyKey`, a retry returns the first request (CONFL if the amount differs).';

revoke all on function app_public.request_withdrawal(app_public.money,text) from public, anon, authenticated, service_role;
grant execute on function app_public.request_withdrawal(app_public.money,text) to anon, authenticated, service_role;
--! EndIncluded monetization/app_public.request_withdrawal.sql
--! Included sponsorship/app_public.create_sponsored_post.sql
create or replace function app_public.create_sponsored_post(
  post_id uuid,
  cost_per_impression app_public.money,
  cost_per_like app_public.money,
  budget app_public.money default null,
  placements app_public.sponsored_placement[] default '{home,explore}',
  target_categories text[] default '{}',
  target_markets text[] default '{}',
  target_countries text[] default '{}',
  target_age_bands app_public.age_band[] default '{}'
) returns app_public.sponsored_posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts;
  balance numeric;
  row app_public.sponsored_posts;
begin
  select * into p from app_public.posts where id = create_sponsored_post.post_id and deleted_at is null;
  if not found or p.author_id <> me then
    raise exception 'No such post of yours' using errcode = 'NTFND';
  end if;
  if coalesce(cost_per_impression, 0) < 0 or coalesce(cost_per_like, 0) < 0 or budget <= 0 then
    raise exception 'Costs are zero or more, and a budget more than zero' using errcode = 'INVAL';
  end if;
  if coalesce(cost_per_impression, 0) = 0 and coalesce(cost_per_like, 0) = 0 then
    raise exception 'A campaign charges for impressions, likes or both' using errcode = 'INVAL';
  end if;
  if p.audience <> 'public' or p.is_paid then
    raise exception 'Only public posts can be sponsored' using errcode = 'INVAL';
  end if;
  if p.is_demonetized then
    raise exception 'A demonetized post cannot be sponsored' using errcode = 'DNIED';
  end if;
  if exists (select 1 from app_public.sponsored_posts s where s.post_id = p.id) then
    raise exception 'This post already has a campaign' using errcode = 'CONFL';
  end if;
  balance := (app_public.get_or_create_sponsor_credits(me)).balance;
  perform 1 from app_public.sponsor_credits c where c.sponsor_id = me for update;
  insert into app_public.sponsored_posts (sponsor_id, post_id, placements, target_categories, target_markets, target_countries,
                                          target_age_bands, cost_per_impression, cost_per_like, budget)
  values (me, p.id, coalesce(placements, '{home,explore}'), coalesce(target_categories, '{}'), coalesce(target_markets, '{}'),
          coalesce(target_countries, '{}'), coalesce(target_age_bands, '{}'), cost_per_impression, cost_per_like, budget)
  returning * into row;
  -- Starts paused for funds when the credits cannot pay its first charge; credits added resume it.
  if not app_private.sponsored_post_fundable(row, balance) then
    perform app_private.pause_sponsored_post(row.id, 'funds');
    select * into row from app_public.sponsored_posts s where s.id = row.id;
  end if;
  return row;
end;
$$;

comment on function app_public.create_sponsored_post(uuid,app_public.money,app_public.money,app_public.money,app_public.sponsored_placement[],text[],text[],text[],app_public.age_band[]) is
  'Start a campaign on one of your public posts: its costs per impression and per like (credits, up to 4 decimals), an optional total budget, placements, and targeting (empty lists: anyone). It starts paused (funds) when your credits cannot pay its next charge.';

revoke all on function app_public.create_sponsored_post(uuid,app_public.money,app_public.money,app_public.money,app_public.sponsored_placement[],text[],text[],text[],app_public.age_band[]) from public, anon, authenticated, service_role;
grant execute on function app_public.create_sponsored_post(uuid,app_public.money,app_public.money,app_public.money,app_public.sponsored_placement[],text[],text[],text[],app_public.age_band[]) to anon, authenticated, service_role;
--! EndIncluded sponsorship/app_public.create_sponsored_post.sql

-- The campaign: exact amounts in, 4 decimals stored.
--! Included sponsorship/app_private.tg_sponsored_posts__money_scale.sql
-- The campaign's money columns are app_public.money (exact: 5 decimals are
-- refused, not rounded); stored, they read with 4 decimals like all money.
create or replace function app_private.tg_sponsored_posts__money_scale() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  new.cost_per_impression := round(new.cost_per_impression, 4);
  new.cost_per_like := round(new.cost_per_like, 4);
  new.budget := round(new.budget, 4);
  new.spent := round(new.spent, 4);
  return new;
end;
$$;

revoke all on function app_private.tg_sponsored_posts__money_scale() from public, anon, authenticated, service_role;
--! EndIncluded sponsorship/app_private.tg_sponsored_posts__money_scale.sql
alter table app_public.sponsored_posts
  alter column cost_per_impression type app_public.money,
  alter column cost_per_like type app_public.money,
  alter column budget type app_public.money,
  alter column spent type app_public.money;
drop trigger if exists _200_money_scale on app_public.sponsored_posts;
create trigger _200_money_scale before insert or update on app_public.sponsored_posts
  for each row execute function app_private.tg_sponsored_posts__money_scale();

-- Every other money column: the same rule as a constraint.
do $$
declare
  c record;
begin
  for c in select * from (values
    ('app_public', 'sponsor_credits', 'balance'), ('app_public', 'sponsor_credit_transactions', 'amount'),
    ('app_public', 'sponsor_credit_transactions', 'balance_after'), ('app_public', 'sponsored_interactions', 'amount'),
    ('app_public', 'user_analytics', 'estimated_revenue'), ('app_public', 'video_revenue', 'amount'),
    ('app_public', 'withdrawal_requests', 'amount'), ('app_private', 'revenue_months', 'total')
  ) v(s, t, col) loop
    execute format('alter table %I.%I drop constraint if exists %I', c.s, c.t, c.col || '_is_money');
    execute format('alter table %I.%I add constraint %I check (app_private.check_money(%I))', c.s, c.t, c.col || '_is_money', c.col);
  end loop;
end
$$;
