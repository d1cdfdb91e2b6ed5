--! Previous: sha1:4d1fe63ced691626a888ec0d55201747ab99df31
--! Hash: sha1:59da42d10723609e22c63159e0789da943877ea4
--! Message: sponsored posts

--------------------------------------------------------------------------------
-- Sponsored posts: a sponsor runs a campaign on one of their own posts,
-- targeted by viewers' interests (category, market), country and age band;
-- impressions and likes are charged from the sponsor's credits
-- (000006-sponsor-credits) at the campaign's costs.
--
--   * Serving: `sponsored_entries(placement, page_size)` gives the signed-in
--     viewer at most one sponsored entry per 10 items of a page, from active
--     campaigns that can pay their next charge and whose targeting matches,
--     on posts the viewer may see (can_see_post), never their own, nor of an
--     account they block, are blocked by or mute.
--   * Impressions: `record_sponsored_impression` charges at most once per
--     viewer per campaign per UTC day. Likes: liking a sponsored post after an
--     impression charges the cost per like, once per viewer per campaign.
--   * A charge is made only while the sponsor's credits are locked and cover
--     it, so it never fails for money: when the credits (or the budget) cannot
--     cover the campaign's next charge, the campaign pauses (reason funds or
--     budget) and the viewer's action goes on uncharged. add_sponsor_credits
--     resumes the campaigns paused for funds that the new balance covers.
--   * Lock order, everywhere: the sponsor's credits, then the campaign.
--------------------------------------------------------------------------------

drop table if exists app_public.sponsored_interactions, app_public.sponsored_posts cascade;
drop type if exists app_public.sponsored_entry, app_public.sponsored_interaction_kind, app_public.sponsored_pause_reason,
  app_public.sponsored_post_status, app_public.sponsored_placement, app_public.age_band cascade;
drop function if exists app_private.age_band(date, date), app_private.utc_today(), app_private.sponsored_next_charge(app_public.sponsored_posts),
  app_private.sponsored_post_fundable(app_public.sponsored_posts, numeric), app_private.sponsored_candidates(uuid),
  app_private.pause_sponsored_post(uuid, app_public.sponsored_pause_reason),
  app_private.charge_sponsored_interaction(uuid, uuid, app_public.sponsored_interaction_kind),
  app_private.tg_likes__charge_sponsored(), app_private.tg_sponsor_credit_transactions__resume_campaigns(),
  app_public.user_settings_age_band(app_public.user_settings), app_public.create_sponsored_post(uuid, numeric, numeric, numeric,
    app_public.sponsored_placement[], text[], text[], text[], app_public.age_band[]),
  app_public.pause_sponsored_post(uuid), app_public.resume_sponsored_post(uuid), app_public.record_sponsored_impression(uuid),
  app_public.sponsored_entries(app_public.sponsored_placement, integer), app_public.sponsored_entry_post(app_public.sponsored_entry) cascade;
alter table app_public.user_settings drop column if exists country, drop column if exists birth_date,
  drop column if exists interest_categories, drop column if exists interest_markets;

--------------------------------------------------------------------------------
-- What targeting knows about a viewer: their own settings, which nobody else
-- reads (user_settings is private to its user). The birth date never leaves
-- it; campaigns target the age band derived from it.
--------------------------------------------------------------------------------
create type app_public.age_band as enum ('age_13_17', 'age_18_24', 'age_25_34', 'age_35_44', 'age_45_54', 'age_55_64', 'age_65_plus');
comment on type app_public.age_band is 'Age bands campaigns target: 13-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65 and over.';

alter table app_public.user_settings
  add column country text check (country ~ '^[A-Z]{2}$'),
  add column birth_date date check (birth_date >= '1900-01-01'),
  add column interest_categories text[] not null default '{}' check (cardinality(interest_categories) <= 20),
  add column interest_markets text[] not null default '{}' check (cardinality(interest_markets) <= 20);
comment on column app_public.user_settings.country is 'Your country, ISO 3166-1 alpha-2 (e.g. US), for sponsored-post targeting.';
comment on column app_public.user_settings.birth_date is 'Your birth date; only you see it. Sponsored posts target the age band derived from it (`ageBand`).';
comment on column app_public.user_settings.interest_categories is 'Post categories you are interested in (as in post metadata `category`), for sponsored-post targeting.';
comment on column app_public.user_settings.interest_markets is 'Markets you are interested in (as in post metadata `market`), for sponsored-post targeting.';
grant update (country, birth_date, interest_categories, interest_markets) on app_public.user_settings to authenticated;

create or replace function app_private.utc_today() returns date
  language sql stable
as $$ select (now() at time zone 'utc')::date $$;

create or replace function app_private.age_band(birth_date date, on_day date) returns app_public.age_band
  language sql immutable
as $$
  select case
    when years < 13 then null
    when years < 18 then 'age_13_17'
    when years < 25 then 'age_18_24'
    when years < 35 then 'age_25_34'
    when years < 45 then 'age_35_44'
    when years < 55 then 'age_45_54'
    when years < 65 then 'age_55_64'
    else 'age_65_plus'
  end::app_public.age_band
  from (select extract(year from age(on_day::timestamp, birth_date::timestamp))::integer as years) a
$$;
comment on function app_private.age_band(date, date) is 'The age band of someone born on `birth_date`, on `on_day`; null under 13 or unknown.';

-- SECURITY DEFINER: calls the private helpers (the request roles may not); it reads nothing but the row given.
create or replace function app_public.user_settings_age_band(s app_public.user_settings) returns app_public.age_band
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$ select app_private.age_band(s.birth_date, app_private.utc_today()) $$;
comment on function app_public.user_settings_age_band(app_public.user_settings) is 'Your age band today, from your birth date (what sponsored posts target).';

--------------------------------------------------------------------------------
-- Campaigns
--------------------------------------------------------------------------------
create type app_public.sponsored_placement as enum ('home', 'explore');
comment on type app_public.sponsored_placement is 'Where sponsored posts are shown: the home feed or explore.';
create type app_public.sponsored_post_status as enum ('active', 'paused');
comment on type app_public.sponsored_post_status is 'A campaign is served while active.';
create type app_public.sponsored_pause_reason as enum ('sponsor', 'funds', 'budget');
comment on type app_public.sponsored_pause_reason is
  'Why a campaign is paused: by its sponsor; credits could not cover its next charge (resumes when credits are added); its budget is spent.';
create type app_public.sponsored_interaction_kind as enum ('impression', 'like');
comment on type app_public.sponsored_interaction_kind is 'What was charged: an impression or a like.';

create table app_public.sponsored_posts (
  id uuid primary key default gen_random_uuid(),
  sponsor_id uuid not null references app_public.profiles (id) on delete cascade,
  post_id uuid not null unique references app_public.posts (id) on delete cascade,
  placements app_public.sponsored_placement[] not null default '{home,explore}' check (cardinality(placements) > 0),
  target_categories text[] not null default '{}',
  target_markets text[] not null default '{}',
  target_countries text[] not null default '{}' check (array_to_string(target_countries, ',') ~ '^([A-Z]{2}(,|$))*$'),
  target_age_bands app_public.age_band[] not null default '{}',
  cost_per_impression numeric(14, 4) not null check (cost_per_impression >= 0),
  cost_per_like numeric(14, 4) not null check (cost_per_like >= 0),
  budget numeric(14, 4) check (budget > 0),
  spent numeric(14, 4) not null default 0 check (spent >= 0),
  impressions_count integer not null default 0 check (impressions_count >= 0),
  likes_count integer not null default 0 check (likes_count >= 0),
  status app_public.sponsored_post_status not null default 'active',
  paused_reason app_public.sponsored_pause_reason,
  paused_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (cost_per_impression > 0 or cost_per_like > 0),
  check ((status = 'paused') = (paused_reason is not null))
);
create index sponsored_posts_sponsor_idx on app_public.sponsored_posts (sponsor_id, created_at desc);
-- Serving scans the active campaigns.
create index sponsored_posts_active_idx on app_public.sponsored_posts (cost_per_impression desc, id) where status = 'active';
alter table app_public.sponsored_posts enable row level security;
comment on table app_public.sponsored_posts is
  'Campaigns: a sponsor pays for one of their own posts to be shown to targeted viewers. The sponsor and staff see them. Create with `createSponsoredPost`.';
comment on column app_public.sponsored_posts.id is 'The campaign''s id.';
comment on column app_public.sponsored_posts.sponsor_id is 'The sponsor (the post''s author), whose credits pay.';
comment on column app_public.sponsored_posts.post_id is 'The post promoted (one campaign per post).';
comment on column app_public.sponsored_posts.placements is 'Where it is shown: home, explore, or both.';
comment on column app_public.sponsored_posts.target_categories is 'Shown to viewers interested in one of these categories; empty: any.';
comment on column app_public.sponsored_posts.target_markets is 'Shown to viewers interested in one of these markets; empty: any.';
comment on column app_public.sponsored_posts.target_countries is 'Shown to viewers in one of these countries (ISO 3166-1 alpha-2); empty: any.';
comment on column app_public.sponsored_posts.target_age_bands is 'Shown to viewers in one of these age bands; empty: any (viewers without a birth date match only this).';
comment on column app_public.sponsored_posts.cost_per_impression is 'Credits charged per impression (once per viewer per UTC day).';
comment on column app_public.sponsored_posts.cost_per_like is 'Credits charged per like by a viewer who saw it (once per viewer).';
comment on column app_public.sponsored_posts.budget is 'The most this campaign may spend in all; null: no limit but the credits.';
comment on column app_public.sponsored_posts.spent is 'Credits charged so far.';
comment on column app_public.sponsored_posts.impressions_count is 'Impressions charged.';
comment on column app_public.sponsored_posts.likes_count is 'Likes charged.';
comment on column app_public.sponsored_posts.status is 'active (served) or paused.';
comment on column app_public.sponsored_posts.paused_reason is 'Why it is paused: sponsor, funds or budget.';
comment on column app_public.sponsored_posts.paused_at is 'When it was paused.';
comment on column app_public.sponsored_posts.created_at is 'When the campaign was created.';
comment on column app_public.sponsored_posts.updated_at is 'When it last changed.';
comment on constraint sponsored_posts_sponsor_id_fkey on app_public.sponsored_posts is E'@fieldName sponsor\n@foreignFieldName sponsoredPosts';
comment on constraint sponsored_posts_post_id_fkey on app_public.sponsored_posts is E'@fieldName post\n@foreignFieldName sponsoredPost';

create trigger _100_timestamps before insert or update on app_public.sponsored_posts
  for each row execute function app_private.tg__timestamps();
create trigger _050_refuse_suspended before insert on app_public.sponsored_posts
  for each row execute function app_private.tg__refuse_suspended('sponsor_id');

create policy select_own_or_staff on app_public.sponsored_posts for select
  using (sponsor_id = (select auth.uid()) or (select auth.is_moderator()));
create policy update_own on app_public.sponsored_posts for update
  using (sponsor_id = (select auth.uid()) or (select auth.is_moderator()))
  with check (sponsor_id = (select auth.uid()));
grant select on app_public.sponsored_posts to authenticated, service_role;
grant update (placements, target_categories, target_markets, target_countries, target_age_bands, cost_per_impression, cost_per_like, budget)
  on app_public.sponsored_posts to authenticated;

-- The billable events. Who the viewer was stays out of the sponsor's reach
-- (no column grant on viewer_id): it is there to charge each viewer once. No
-- foreign key on it: a charge stays on record when its viewer's account goes.
create table app_public.sponsored_interactions (
  id bigint generated always as identity primary key,
  sponsored_post_id uuid not null references app_public.sponsored_posts (id) on delete cascade,
  viewer_id uuid not null,
  kind app_public.sponsored_interaction_kind not null,
  day date not null,
  amount numeric(14, 4) not null check (amount >= 0),
  created_at timestamptz not null default now()
);
create unique index sponsored_interactions_impression_once on app_public.sponsored_interactions (sponsored_post_id, viewer_id, day)
  where kind = 'impression';
create unique index sponsored_interactions_like_once on app_public.sponsored_interactions (sponsored_post_id, viewer_id)
  where kind = 'like';
create index sponsored_interactions_campaign_idx on app_public.sponsored_interactions (sponsored_post_id, created_at desc);
alter table app_public.sponsored_interactions enable row level security;
comment on table app_public.sponsored_interactions is
  'Charged impressions and likes of campaigns, each paid by the sponsor_credit_transactions row whose key is `sponsored_interaction:<id>`. The sponsor and staff see them.';
comment on column app_public.sponsored_interactions.id is 'The interaction''s id.';
comment on column app_public.sponsored_interactions.sponsored_post_id is 'The campaign.';
comment on column app_public.sponsored_interactions.viewer_id is 'The viewer (not readable by sponsors).';
comment on column app_public.sponsored_interactions.kind is 'impression or like.';
comment on column app_public.sponsored_interactions.day is 'The UTC day (an impression is charged once per viewer per day).';
comment on column app_public.sponsored_interactions.amount is 'Credits charged (0 when the campaign''s cost for it is 0).';
comment on column app_public.sponsored_interactions.created_at is 'When.';
comment on constraint sponsored_interactions_sponsored_post_id_fkey on app_public.sponsored_interactions is
  E'@fieldName sponsoredPost\n@foreignFieldName interactions';

create policy select_own_or_staff on app_public.sponsored_interactions for select
  using (exists (select 1 from app_public.sponsored_posts s where s.id = sponsored_post_id));
grant select (id, sponsored_post_id, kind, day, amount, created_at) on app_public.sponsored_interactions to authenticated, service_role;

--------------------------------------------------------------------------------
-- Charging
--------------------------------------------------------------------------------
-- The most one interaction can cost: a campaign runs only while it can pay this.
create or replace function app_private.sponsored_next_charge(s app_public.sponsored_posts) returns numeric
  language sql immutable
as $$ select greatest(s.cost_per_impression, s.cost_per_like) $$;

create or replace function app_private.sponsored_post_fundable(s app_public.sponsored_posts, balance numeric) returns boolean
  language sql immutable
as $$
  select coalesce(balance, 0) >= app_private.sponsored_next_charge(s)
     and (s.budget is null or s.spent + app_private.sponsored_next_charge(s) <= s.budget)
$$;
comment on function app_private.sponsored_post_fundable(app_public.sponsored_posts, numeric) is
  'Whether the campaign can pay its next charge from this balance and within its budget.';

create or replace function app_private.pause_sponsored_post(id uuid, reason app_public.sponsored_pause_reason) returns void
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  update app_public.sponsored_posts s set status = 'paused', paused_reason = reason, paused_at = now()
   where s.id = pause_sponsored_post.id and s.status = 'active';
  -- TODO notify: tell the sponsor (money notification, from the notifications branch) when reason is funds or budget.
$$;

/*
 * Charge one interaction of a viewer with a campaign, or nothing: returns the
 * interaction charged, or null (campaign paused, or this viewer's impression
 * today / like already charged). The sponsor's credits are locked first and
 * checked: a campaign that cannot pay its next charge (credits or budget) is
 * paused instead, so the deduction below cannot raise FUNDS and the viewer's
 * action never fails for money. After the charge, the campaign pauses as soon
 * as it can no longer pay the next one.
 */
create or replace function app_private.charge_sponsored_interaction(
  sponsored_post_id uuid, viewer_id uuid, kind app_public.sponsored_interaction_kind
) returns app_public.sponsored_interactions
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  sponsor uuid;
  balance numeric;
  s app_public.sponsored_posts;
  amount numeric;
  row app_public.sponsored_interactions;
begin
  select sp.sponsor_id into sponsor from app_public.sponsored_posts sp where sp.id = charge_sponsored_interaction.sponsored_post_id;
  if sponsor is null then
    return null;
  end if;
  select c.balance into balance from app_public.sponsor_credits c where c.sponsor_id = sponsor for update;
  select * into s from app_public.sponsored_posts sp where sp.id = charge_sponsored_interaction.sponsored_post_id for no key update;
  if s.status <> 'active' then
    return null;
  end if;

  if app_private.sponsored_post_fundable(s, balance) then
    amount := case kind when 'impression' then s.cost_per_impression else s.cost_per_like end;
    insert into app_public.sponsored_interactions (sponsored_post_id, viewer_id, kind, day, amount)
    values (s.id, viewer_id, kind, app_private.utc_today(), amount)
    on conflict do nothing
    returning * into row;
    if row is null then
      return null;
    end if;
    if amount > 0 then
      balance := (app_private.apply_sponsor_credit_change(s.sponsor_id, 'deduct', amount, 'sponsored_interaction:' || row.id,
                                                          format('Sponsored post %s: %s', s.id, kind))).balance_after;
    end if;
    update app_public.sponsored_posts sp
       set spent = sp.spent + amount,
           impressions_count = sp.impressions_count + (kind = 'impression')::integer,
           likes_count = sp.likes_count + (kind = 'like')::integer
     where sp.id = s.id
    returning * into s;
  end if;

  -- It could not pay this charge, or cannot pay the next one: paused.
  if not app_private.sponsored_post_fundable(s, balance) then
    perform app_private.pause_sponsored_post(
      s.id, case when app_private.sponsored_post_fundable(s, 'infinity') then 'funds' else 'budget' end::app_public.sponsored_pause_reason);
  end if;
  return row;
end;
$$;

-- A like after an impression charges the cost per like (the like itself never fails for it).
create or replace function app_private.tg_likes__charge_sponsored() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  campaign uuid;
begin
  select s.id into campaign from app_public.sponsored_posts s
   where s.post_id = new.post_id and s.status = 'active'
     and exists (select 1 from app_public.sponsored_interactions i
                  where i.sponsored_post_id = s.id and i.viewer_id = new.user_id and i.kind = 'impression');
  if campaign is not null then
    perform app_private.charge_sponsored_interaction(campaign, new.user_id, 'like');
  end if;
  return null;
end;
$$;
create trigger _500_charge_sponsored after insert on app_public.likes
  for each row execute function app_private.tg_likes__charge_sponsored();

-- Credits added: campaigns paused for funds resume when the new balance covers their next charge.
-- Runs inside the change, with the sponsor's credits locked (same order as a charge).
create or replace function app_private.tg_sponsor_credit_transactions__resume_campaigns() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  update app_public.sponsored_posts s set status = 'active', paused_reason = null, paused_at = null
   where s.sponsor_id = new.sponsor_id and s.status = 'paused' and s.paused_reason = 'funds'
     and app_private.sponsored_post_fundable(s, new.balance_after);
  return null;
end;
$$;
create trigger _500_resume_campaigns after insert on app_public.sponsor_credit_transactions
  for each row when (new.kind = 'add') execute function app_private.tg_sponsor_credit_transactions__resume_campaigns();

--------------------------------------------------------------------------------
-- Targeting: the campaigns that may be shown to a viewer, whatever their
-- status and funds: not their own, on a live post that is not demonetized, of
-- a sponsor neither suspended nor muted by them, and every targeting list
-- matching their settings. Visibility (can_see_post, the one rule) is the
-- callers' last check: it is the costly part. Plain SQL without SET, so that
-- it is inlined into the callers' queries (set-wise joins, the viewer's
-- settings read once; a caller's `id = …` reaches the index).
--------------------------------------------------------------------------------
create or replace function app_private.sponsored_candidates(viewer uuid) returns setof app_public.sponsored_posts
  language sql stable
as $$
  select s.*
    from app_public.user_settings u
    join app_public.sponsored_posts s on s.sponsor_id <> u.user_id
    join app_public.posts p on p.id = s.post_id
    join app_public.profiles a on a.id = s.sponsor_id
   where u.user_id = viewer
     and p.deleted_at is null and not p.is_demonetized
     and not (a.suspended_at is not null and coalesce(a.suspended_until > now(), true))
     and not exists (select 1 from app_public.mutes m
                      where m.muter_id = viewer and m.muted_id = s.sponsor_id and (m.expires_at is null or m.expires_at > now()))
     and (cardinality(s.target_categories) = 0 or s.target_categories && u.interest_categories)
     and (cardinality(s.target_markets) = 0 or s.target_markets && u.interest_markets)
     and (cardinality(s.target_countries) = 0 or u.country = any (s.target_countries))
     and (cardinality(s.target_age_bands) = 0
          or app_private.age_band(u.birth_date, (now() at time zone 'utc')::date) = any (s.target_age_bands))
$$;
comment on function app_private.sponsored_candidates(uuid) is
  'The campaigns that target the viewer (any status): not their own, post live and not demonetized, sponsor not suspended nor muted, every targeting list matching. Callers check can_see_post last.';

--------------------------------------------------------------------------------
-- Serving
--------------------------------------------------------------------------------
create type app_public.sponsored_entry as (
  sponsored_post_id uuid,
  post_id uuid,
  position integer
);
comment on type app_public.sponsored_entry is 'A sponsored post to show in a page, and where.';
comment on column app_public.sponsored_entry.sponsored_post_id is 'The campaign: pass it to `recordSponsoredImpression` once shown.';
comment on column app_public.sponsored_entry.post_id is 'The post.';
comment on column app_public.sponsored_entry.position is 'Where in the page it goes (1-based): the 10th item, the 20th, …';

-- Hydration. SECURITY DEFINER (a key lookup, no RLS): entries only come out of
-- sponsored_entries, which has just applied the visibility rule to them, and no
-- API input accepts a SponsoredEntry.
create or replace function app_public.sponsored_entry_post(e app_public.sponsored_entry) returns app_public.posts
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$ select p.* from app_public.posts p where p.id = e.post_id $$;
comment on function app_public.sponsored_entry_post(app_public.sponsored_entry) is 'The post.';

-- SECURITY DEFINER: reads every sponsor's campaigns and credits, which the viewer may not.
-- The cheap conditions first, over all active campaigns, in serving order;
-- then the visibility rule on those candidates in order, only until the page
-- has its entries (OFFSET 0 keeps it from being pushed down to every campaign).
create or replace function app_public.sponsored_entries(placement app_public.sponsored_placement, page_size integer default 20)
  returns setof app_public.sponsored_entry
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select v.id, v.post_id, (10 * row_number() over (order by v.rank))::integer
    from (
      select c.id, c.post_id, c.rank
        from (
          select s.id, s.post_id,
                 row_number() over (order by exists (select 1 from app_public.sponsored_interactions i
                                                      where i.sponsored_post_id = s.id and i.viewer_id = auth.uid()
                                                        and i.kind = 'impression' and i.day = app_private.utc_today()),
                                             s.cost_per_impression desc, s.id) as rank
            from app_private.sponsored_candidates(auth.uid()) s
            join app_public.sponsor_credits cr on cr.sponsor_id = s.sponsor_id
           where s.status = 'active'
             and sponsored_entries.placement = any (s.placements)
             and app_private.sponsored_post_fundable(s, cr.balance)
           order by rank
          offset 0
        ) c
       where app_public.can_see_post(auth.uid(), c.post_id)
       order by c.rank
       limit least(greatest(coalesce(page_size, 20), 1), 100) / 10
    ) v
$$;
comment on function app_public.sponsored_entries(app_public.sponsored_placement, integer) is
  E'Sponsored posts to mix into a page of `pageSize` items (at most 100) of the home feed or explore, for you: at most one per 10 items, at `position` 10, 20, …; none when signed out. Campaigns not yet shown to you today come first, then the highest cost per impression. Record each one shown with `recordSponsoredImpression`.';

create or replace function app_public.record_sponsored_impression(sponsored_post_id uuid) returns app_public.sponsored_interactions
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  s app_public.sponsored_posts;
begin
  -- SECURITY DEFINER: charges the sponsor's credits and reads their campaign.
  select * into s from app_private.sponsored_candidates(me) c where c.id = record_sponsored_impression.sponsored_post_id;
  if not found or not app_public.can_see_post(me, s.post_id) then
    raise exception 'No such sponsored post for you' using errcode = 'NTFND';
  end if;
  return app_private.charge_sponsored_interaction(s.id, me, 'impression');
end;
$$;
comment on function app_public.record_sponsored_impression(uuid) is
  'Record that you were shown a sponsored post (from `sponsoredEntries`). The sponsor is charged its cost per impression once per viewer per UTC day; returns null when nothing was charged (already today, or the campaign is paused).';

--------------------------------------------------------------------------------
-- Sponsor's API. SECURITY DEFINER: campaigns are written only here (and in
-- their update columns under RLS), with the sponsor's credits locked first.
--------------------------------------------------------------------------------
create or replace function app_public.create_sponsored_post(
  post_id uuid,
  cost_per_impression numeric,
  cost_per_like numeric,
  budget numeric default null,
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
comment on function app_public.create_sponsored_post(uuid, numeric, numeric, numeric, app_public.sponsored_placement[], text[], text[], text[], app_public.age_band[]) is
  'Start a campaign on one of your public posts: its costs per impression and per like (credits, up to 4 decimals), an optional total budget, placements, and targeting (empty lists: anyone). It starts paused (funds) when your credits cannot pay its next charge.';

create or replace function app_public.pause_sponsored_post(id uuid) returns app_public.sponsored_posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.sponsored_posts;
begin
  update app_public.sponsored_posts s set status = 'paused', paused_reason = 'sponsor', paused_at = now()
   where s.id = pause_sponsored_post.id and s.sponsor_id = app_private.require_user()
  returning * into row;
  if row is null then
    raise exception 'No such campaign of yours' using errcode = 'NTFND';
  end if;
  return row;
end;
$$;
comment on function app_public.pause_sponsored_post(uuid) is 'Pause one of your campaigns.';

create or replace function app_public.resume_sponsored_post(id uuid) returns app_public.sponsored_posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  balance numeric;
  row app_public.sponsored_posts;
begin
  select c.balance into balance from app_public.sponsor_credits c where c.sponsor_id = me for update;
  select * into row from app_public.sponsored_posts s where s.id = resume_sponsored_post.id and s.sponsor_id = me for no key update;
  if not found then
    raise exception 'No such campaign of yours' using errcode = 'NTFND';
  end if;
  if not app_private.sponsored_post_fundable(row, 'infinity') then
    raise exception 'The campaign''s budget is spent; raise it first' using errcode = 'INVAL';
  end if;
  if not app_private.sponsored_post_fundable(row, balance) then
    raise exception 'Your credits cannot pay this campaign''s next charge' using errcode = 'FUNDS';
  end if;
  update app_public.sponsored_posts s set status = 'active', paused_reason = null, paused_at = null
   where s.id = row.id
  returning * into row;
  return row;
end;
$$;
comment on function app_public.resume_sponsored_post(uuid) is
  'Resume one of your campaigns (after raising its budget, if that is why it paused). FUNDS when your credits cannot pay its next charge.';
