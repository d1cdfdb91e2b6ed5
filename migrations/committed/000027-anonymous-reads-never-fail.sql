--! Previous: sha1:88f3d818b0f8992ecb9858a7711c844b538d20c3
--! Hash: sha1:0610482395daa23a936e57b6d7f0ad3ee05030bf
--! Message: anonymous reads never fail

--------------------------------------------------------------------------------
-- Anonymous reads never fail, and say less.
--
-- As anonymous, a public post with a nested field backed by a table anon had
-- no grant on (sponsoredPost, a profile's settings, …) failed whole with a raw
-- 42501. anon may now select those tables too: their policies give it no row,
-- so the field is null or empty and its parent is intact. At the root, the
-- tables tagged @signedInOnly answer LOGIN to anonymous callers
-- (server/graphql/refusals.ts).
--
-- isDemonetized / demonetizedAt of posts and accounts: for the owner and staff
-- only (computed fields; the columns are hidden from the API).
-- messages_body decrypts as the owner after checking the caller may read that
-- message; the request roles no longer hold the key function.
--------------------------------------------------------------------------------
do $$
declare
  t text;
begin
  foreach t in array array[
    'blocked_users', 'bookmarks', 'cheat_status_events', 'conversation_participants', 'conversations', 'messages',
    'moderation_actions', 'mutes', 'notifications', 'post_reports', 'profile_likes', 'sponsor_credit_transactions',
    'sponsor_credits', 'sponsored_interactions', 'sponsored_posts', 'user_analytics', 'user_cheat_status', 'user_settings',
    'verification_requests', 'video_revenue', 'withdrawal_info', 'withdrawal_requests'
  ] loop
    if obj_description(('app_public.' || t)::regclass, 'pg_class') not like '@signedInOnly%' then
      execute format('comment on table app_public.%I is %L', t,
                     E'@signedInOnly\n' || obj_description(('app_public.' || t)::regclass, 'pg_class'));
    end if;
  end loop;
end
$$;

-- Whole tables: as authenticated has them.
grant select on app_public.bookmarks, app_public.cheat_status_events, app_public.conversation_participants,
  app_public.conversations, app_public.messages, app_public.moderation_actions, app_public.notifications,
  app_public.post_reports, app_public.profile_likes, app_public.sponsor_credit_transactions, app_public.sponsor_credits,
  app_public.sponsored_posts, app_public.user_analytics, app_public.user_settings, app_public.verification_requests,
  app_public.video_revenue, app_public.withdrawal_info, app_public.withdrawal_requests to anon;
-- Column grants: the same columns as authenticated (who saw a campaign and the cheat evidence stay staff-only).
grant select (id, sponsored_post_id, kind, day, amount) on app_public.sponsored_interactions to anon;
grant select (user_id, is_flagged, checked_at, flagged_at, cleared_at, cleared_by) on app_public.user_cheat_status to anon;

do $$
declare
  c text;
begin
  foreach c in array array['posts.is_demonetized', 'posts.demonetized_at', 'profiles.is_demonetized', 'profiles.demonetized_at'] loop
    if col_description(('app_public.' || split_part(c, '.', 1))::regclass,
                       (select attnum from pg_attribute where attrelid = ('app_public.' || split_part(c, '.', 1))::regclass
                           and attname = split_part(c, '.', 2))) not like '@behavior%' then
      execute format('comment on column app_public.%s is %L', c,
                     E'@behavior -*\n' || col_description(('app_public.' || split_part(c, '.', 1))::regclass,
                       (select attnum from pg_attribute where attrelid = ('app_public.' || split_part(c, '.', 1))::regclass
                           and attname = split_part(c, '.', 2))));
    end if;
  end loop;
end
$$;

--! Included posts/app_public.posts_is_demonetized.sql
-- The column is hidden from the API (@behavior -*): whether a post or account
-- is demonetized is for its owner and staff. No SET clause, so that it is inlined.
create or replace function app_public.posts_is_demonetized(p app_public.posts) returns boolean
  language sql stable
as $$
  select case when p.author_id = (select auth.uid()) or (select auth.is_moderator()) then p.is_demonetized end
$$;

comment on function app_public.posts_is_demonetized(app_public.posts) is
  'Whether the post earns nothing (demonetized by reports or by staff): for its owner and staff; null for everyone else.';

revoke all on function app_public.posts_is_demonetized(app_public.posts) from public, anon, authenticated, service_role;
grant execute on function app_public.posts_is_demonetized(app_public.posts) to anon, authenticated, service_role;
--! EndIncluded posts/app_public.posts_is_demonetized.sql
--! Included posts/app_public.posts_demonetized_at.sql
create or replace function app_public.posts_demonetized_at(p app_public.posts) returns timestamptz
  language sql stable
as $$
  select case when p.author_id = (select auth.uid()) or (select auth.is_moderator()) then p.demonetized_at end
$$;

comment on function app_public.posts_demonetized_at(app_public.posts) is
  'When the post was demonetized: for its owner and staff; null for everyone else.';

revoke all on function app_public.posts_demonetized_at(app_public.posts) from public, anon, authenticated, service_role;
grant execute on function app_public.posts_demonetized_at(app_public.posts) to anon, authenticated, service_role;
--! EndIncluded posts/app_public.posts_demonetized_at.sql
--! Included profiles/app_public.profiles_is_demonetized.sql
-- The column is hidden from the API (@behavior -*): whether a post or account
-- is demonetized is for its owner and staff. No SET clause, so that it is inlined.
create or replace function app_public.profiles_is_demonetized(p app_public.profiles) returns boolean
  language sql stable
as $$
  select case when p.id = (select auth.uid()) or (select auth.is_moderator()) then p.is_demonetized end
$$;

comment on function app_public.profiles_is_demonetized(app_public.profiles) is
  'Whether the account earns nothing (demonetized by reports or by staff): for its owner and staff; null for everyone else.';

revoke all on function app_public.profiles_is_demonetized(app_public.profiles) from public, anon, authenticated, service_role;
grant execute on function app_public.profiles_is_demonetized(app_public.profiles) to anon, authenticated, service_role;
--! EndIncluded profiles/app_public.profiles_is_demonetized.sql
--! Included profiles/app_public.profiles_demonetized_at.sql
create or replace function app_public.profiles_demonetized_at(p app_public.profiles) returns timestamptz
  language sql stable
as $$
  select case when p.id = (select auth.uid()) or (select auth.is_moderator()) then p.demonetized_at end
$$;

comment on function app_public.profiles_demonetized_at(app_public.profiles) is
  'When the account was demonetized: for its owner and staff; null for everyone else.';

revoke all on function app_public.profiles_demonetized_at(app_public.profiles) from public, anon, authenticated, service_role;
grant execute on function app_public.profiles_demonetized_at(app_public.profiles) to anon, authenticated, service_role;
--! EndIncluded profiles/app_public.profiles_demonetized_at.sql
--! Included messaging/app_public.messages_body.sql
-- SECURITY DEFINER: the request roles hold no key function. The body decrypted
-- is the stored one of message `m.id`, and only for a participant who has not
-- deleted it nor cleared the conversation since (as the messages policy): the
-- row passed in is never trusted for its ciphertext.
create or replace function app_public.messages_body(m app_public.messages) returns text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select public.pgp_sym_decrypt(x.ciphertext, app_private.message_key(x.key_id))
    from app_public.messages x
    join app_public.conversation_participants cp on cp.conversation_id = x.conversation_id and cp.user_id = auth.uid()
   where x.id = m.id
     and not (cp.user_id = any (x.hidden_for))
     and x.created_at > coalesce(cp.cleared_at, '-infinity')
     and (x.read_at is null or x.read_at > now() - make_interval(hours => app_private.setting('message_expiry_hours')::integer))
$$;

comment on function app_public.messages_body(app_public.messages) is
  'The message text (decrypted for you; null if its key has been retired).';

revoke all on function app_public.messages_body(app_public.messages) from public, anon, authenticated, service_role;
grant execute on function app_public.messages_body(app_public.messages) to anon, authenticated, service_role;
--! EndIncluded messaging/app_public.messages_body.sql
--! Included messaging/app_private.message_key.sql
create or replace function app_private.message_key(key_id text) returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  keys text := current_setting('app.message_keys', true);
begin
  if keys is null or keys = '' then
    raise exception 'Message encryption keys are not configured for this session' using errcode = 'internal_error';
  end if;
  -- null for a retired key (no longer configured): the body cannot be read.
  return keys::jsonb -> 'keys' ->> key_id;
end;
$$;

comment on function app_private.message_key(text) is
  'The secret of a message key, from the transaction setting app.message_keys that the server sets; null for an unknown key id. Owner only: messages_body and send_message use it after their checks.';

revoke all on function app_private.message_key(text) from public, anon, authenticated, service_role;
--! EndIncluded messaging/app_private.message_key.sql
--! Included messaging/app_private.viewer_conversation_ids.sql
-- Conversations I take part in and have not cleared since their last message.
create or replace function app_private.viewer_conversation_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(p.conversation_id), '{}')
    from app_public.conversation_participants p join app_public.conversations c on c.id = p.conversation_id
   where p.user_id = auth.uid() and (p.cleared_at is null or c.last_message_at > p.cleared_at)
$$;

comment on function app_private.viewer_conversation_ids() is
  'The current user''s conversations (not cleared since their last message), for the policies.';

revoke all on function app_private.viewer_conversation_ids() from public, anon, authenticated, service_role;
grant execute on function app_private.viewer_conversation_ids() to anon, authenticated, service_role;
--! EndIncluded messaging/app_private.viewer_conversation_ids.sql
