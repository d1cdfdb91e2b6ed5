--! Previous: sha1:6bf455052a61ec2d5e068fadef8427d52b95cb7f
--! Hash: sha1:ca1ca7c9e266a502c5f2a77b72f4b5d153d7f80c
--! Message: text length limits

--------------------------------------------------------------------------------
-- Length limits on every text column a request can fill: a 1 MB
-- metadata.category failed on an index ("index row too big", masked), a 1 MB
-- avatarUrl was stored, and an over-long moderation note was a constraint
-- error. Each limit is a CHECK calling app_private.check_length (INVAL, saying
-- which field and its limit), named _<column>_length so that it runs before
-- the table's other checks (PostgreSQL checks them in name order, and '_'
-- sorts before any letter); JSON and arrays are measured as text.
--------------------------------------------------------------------------------
--! Included foundation/app_private.check_length.sql
-- For CHECK constraints (and domains) on text: a clear INVAL, not "violates
-- check constraint". PostgreSQL checks a table's constraints in name order:
-- these are named _<column>_length, before the <table>_<column>_check ones.
create or replace function app_private.check_length(value text, max_length integer, what text) returns boolean
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if value is not null and char_length(value) > max_length then
    raise exception '% can be at most % characters (this one has %)', what, max_length, char_length(value) using errcode = 'INVAL';
  end if;
  return true;
end;
$$;

comment on function app_private.check_length(text,integer,text) is
  'True when `value` has at most `max_length` characters; raises INVAL naming `what` otherwise.';

revoke all on function app_private.check_length(text,integer,text) from public, anon, authenticated, service_role;
grant execute on function app_private.check_length(text,integer,text) to anon, authenticated, service_role;
--! EndIncluded foundation/app_private.check_length.sql

do $$
declare
  c record;
begin
  for c in select * from (values
    ('posts', 'metadata', 2000, 'Post metadata'),
    ('post_media', 'url', 2000, 'A media URL'),
    ('profiles', 'avatar_url', 2000, 'An avatar URL'),
    ('profiles', 'display_name', 50, 'A display name'),
    ('profiles', 'handle', 30, 'A handle'),
    ('profile_details', 'bio', 160, 'A bio'),
    ('profile_details', 'location', 60, 'A location'),
    ('profile_details', 'website', 200, 'A website'),
    ('post_reports', 'details', 1000, 'Report details'),
    ('post_reports', 'resolution_note', 1000, 'A moderation note'),
    ('moderation_actions', 'note', 1000, 'A moderation note'),
    ('cheat_status_events', 'note', 1000, 'A moderation note'),
    ('sponsor_credit_transactions', 'idempotency_key', 200, 'An idempotency key'),
    ('sponsor_credit_transactions', 'reason', 500, 'A reason'),
    ('sponsored_posts', 'target_categories', 2000, 'Target categories'),
    ('sponsored_posts', 'target_markets', 2000, 'Target markets'),
    ('sponsored_posts', 'target_countries', 2000, 'Target countries'),
    ('user_settings', 'country', 2, 'A country code'),
    ('user_settings', 'interest_categories', 2000, 'Interest categories'),
    ('user_settings', 'interest_markets', 2000, 'Interest markets'),
    ('user_settings', 'accessibility', 2000, 'Accessibility settings'),
    ('user_settings', 'notification_preferences', 2000, 'Notification preferences'),
    ('verification_requests', 'reason', 1000, 'A reason'),
    ('withdrawal_info', 'details', 2000, 'Payout details'),
    ('withdrawal_requests', 'note', 1000, 'A note'),
    ('withdrawal_requests', 'idempotency_key', 200, 'An idempotency key')
  ) v(t, col, max_length, what) loop
    execute format('alter table app_public.%I drop constraint if exists %I', c.t, c.col || '_length');
    execute format('alter table app_public.%I drop constraint if exists %I', c.t, '_' || c.col || '_length');
    execute format('alter table app_public.%I add constraint %I check (app_private.check_length(%I::text, %s, %L))',
                   c.t, '_' || c.col || '_length', c.col, c.max_length, c.what);
  end loop;
end
$$;
