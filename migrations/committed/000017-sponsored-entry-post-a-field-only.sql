--! Previous: sha1:b44b74bde7d945738e1d8a4dbb5ebc0bd38c245d
--! Hash: sha1:dec998aea01cd53fb43491a3fa1724d9b7981907
--! Message: sponsored entry post a field only

--------------------------------------------------------------------------------
-- sponsored_entry_post, like feed_entry_post (000008), is a field of its entry
-- type only: as a root query field it took any post id and, being SECURITY
-- DEFINER, returned the post without the visibility rule.
--------------------------------------------------------------------------------
comment on function app_public.sponsored_entry_post(app_public.sponsored_entry) is E'@behavior -queryField\nThe post.';
