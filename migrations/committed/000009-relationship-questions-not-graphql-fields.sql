--! Previous: sha1:dc474cdcd1f301973c997e882ee370f8a08f0329
--! Hash: sha1:3548244458a84a344eed4ac7e799fbc5902c794e
--! Message: relationship questions not GraphQL fields

--------------------------------------------------------------------------------
-- Relationship questions about anyone stay in SQL. As GraphQL root fields,
-- is_user_blocked, are_mutual_followers, can_see_post, can_view_profile and
-- can_view_active_status let any client ask about any two users (who blocked
-- whom, who follows a private account). The rules use them internally
-- (policies, notifications, analytics ask on someone's behalf); clients get
-- the answers that concern them through the fields that apply them (a post
-- they may not see is not returned, Profile.viewerFollowStatus, …).
--------------------------------------------------------------------------------
comment on function app_public.is_user_blocked(uuid, uuid) is
  E'@behavior -queryField\nTrue when either user has blocked the other. For SQL (rules and jobs); not a GraphQL field.';
comment on function app_public.are_mutual_followers(uuid, uuid) is
  E'@behavior -queryField\nTrue when each follows the other (approved). For SQL (rules and jobs); not a GraphQL field.';
comment on function app_public.can_view_profile(uuid, uuid) is
  E'@behavior -queryField\nWhether the viewer (null: anonymous) sees the target''s full profile: private accounts only to approved followers; never across a block. For SQL; not a GraphQL field.';
comment on function app_public.can_view_active_status(uuid, uuid) is
  E'@behavior -queryField\nWhether the viewer may see when the target was last active, by the target''s active-status setting (everyone, followers, mutuals, nobody). For SQL; not a GraphQL field.';
comment on function app_public.can_see_post(uuid, uuid) is
  E'@behavior -queryField\nWhether the viewer (null: anonymous) may see the post. The one visibility rule; every read path applies it (directly or through the posts RLS policy). For SQL; not a GraphQL field.';
