--! Previous: sha1:92ee0a974dbfc909359af59e645f7c47733f0686
--! Hash: sha1:a476dd5d4faf0cbf8a26332f844ad16c05af063a
--! Message: messaging review fixes

--------------------------------------------------------------------------------
-- Fixes from a review of notifications and messaging:
--   * can_message_user(sender, recipient) as a GraphQL root field let anyone,
--     anonymous included, ask about any two users (blocks, follows of private
--     accounts, message settings, who wrote to whom). It stays a SQL function
--     for send_message; clients ask `Profile.viewerCanMessage`, for themselves.
--   * the money-notification triggers (000016) run as their owner, like the
--     other notification triggers: notify() is not for request roles.
--------------------------------------------------------------------------------
comment on function app_public.can_message_user(uuid, uuid) is
  E'@behavior -queryField\nWhether the sender may message the recipient: by the recipient''s `messagePermission` (everyone, followers, mutuals, nobody), or as a reply to someone who wrote to the sender; never across a block. For SQL; clients use `Profile.viewerCanMessage`.';

create or replace function app_public.profiles_viewer_can_message(p app_public.profiles) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_public.can_message_user(auth.uid(), p.id) $$;
comment on function app_public.profiles_viewer_can_message(app_public.profiles) is
  'Whether you may send this user a direct message (their setting, a reply, never across a block); false when signed out.';

-- SECURITY DEFINER: notify() is the owner's; these fire on writes made by rule functions.
alter function app_private.tg_video_revenue__notify() security definer;
alter function app_private.tg_withdrawal_requests__notify() security definer;
alter function app_private.tg_sponsored_posts__notify() security definer;
