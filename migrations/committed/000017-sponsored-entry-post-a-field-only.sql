--! Previous: sha1:ac0deb0f2b1d904b66a24909778ebeca9bc23d8f
--! Hash: sha1:c4ddd88292477fbb601eeea53f3f3682944f8688
--! Message: sponsored entry post a field only

--------------------------------------------------------------------------------
-- sponsored_entry_post, like feed_entry_post (000008), is a field of its entry
-- type only: as a root query field it took any post id and, being SECURITY
-- DEFINER, returned the post without the visibility rule.
--------------------------------------------------------------------------------
comment on function app_public.sponsored_entry_post(app_public.sponsored_entry) is E'@behavior -queryField\nThe post.';
