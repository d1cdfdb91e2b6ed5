--! Previous: sha1:ae3493e14c27760e639f7b444c48a928d44fcf96
--! Hash: sha1:dc474cdcd1f301973c997e882ee370f8a08f0329
--! Message: feed entry fields only

--------------------------------------------------------------------------------
-- The hydration functions of feed entries are fields of FeedEntry only. As
-- root query fields they took any (post id, reposter) and, being SECURITY
-- DEFINER, returned the post without the visibility rule.
--------------------------------------------------------------------------------
comment on type app_public.feed_entry is 'An entry of a feed: a post, or a repost of it by `repostedBy`, at `feedAt`.';
comment on function app_public.feed_entry_post(app_public.feed_entry) is E'@behavior -queryField\nThe post.';
comment on function app_public.feed_entry_reposted_by(app_public.feed_entry) is E'@behavior -queryField\nWho reposted it (null for the post itself).';
