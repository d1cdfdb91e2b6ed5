--! Previous: sha1:950a09f2cb674b76f82be96e7f2c9da388934e3e
--! Hash: sha1:6bf455052a61ec2d5e068fadef8427d52b95cb7f
--! Message: hashtags through visible posts, handles not from emails

--------------------------------------------------------------------------------
-- Hashtags of hidden posts are not there: hashtags, hashtag, hashtagByTag,
-- hashtagById and node(id) showed every tag, of only-me posts too, with its
-- first use. A tag exists for a viewer only if a post they may see uses it.
--
-- Default handles: from the display name, else random; never the email's
-- local part.
--------------------------------------------------------------------------------
--! Included posts/app_public.hashtags.policies.sql
-- A tag exists for a viewer only if some post they may see uses it: the
-- post_hashtags policy applies the posts policy, set-wise.
drop policy if exists select_all on app_public.hashtags;
drop policy if exists select_visible on app_public.hashtags;
create policy select_visible on app_public.hashtags for select using (
  exists (select 1 from app_public.post_hashtags ph where ph.hashtag_id = hashtags.id)
);
--! EndIncluded posts/app_public.hashtags.policies.sql
drop function if exists app_private.derive_handle(text);
--! Included profiles/app_private.derive_handle.sql
-- A new account's handle: from its display name when it has one, else random
-- and readable; never from the email address (it published the address's local
-- part: jane.doe.1984@… became @jane.doe.1984). Users pick theirs later.
create or replace function app_private.derive_handle(display_name text) returns citext
  language plpgsql volatile
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  letters constant text := 'abcdefghjkmnpqrstuvwxyz23456789';
  base text := trim(both '_' from left(regexp_replace(lower(coalesce(display_name, '')), '[^a-z0-9_]+', '_', 'g'), 20));
  candidate text;
begin
  if char_length(base) < 3 then
    base := 'user_' || (select string_agg(substr(letters, 1 + floor(random() * length(letters))::int, 1), '') from generate_series(1, 6));
  end if;
  candidate := base;
  for i in 1..50 loop
    if not app_private.is_reserved_handle(candidate)
       and not exists (select 1 from app_public.profiles p where p.handle = candidate::citext) then
      return candidate::citext;
    end if;
    candidate := base || '_' || (floor(random() * (case when i < 10 then 10000 else 100000000 end)))::int;
  end loop;
  raise exception 'could not derive a free handle' using errcode = 'CONFL';
end;
$$;

comment on function app_private.derive_handle(text) is
  'A free handle for a new account: from its display name, else user_ and six random letters or digits; a number is added while taken.';

revoke all on function app_private.derive_handle(text) from public, anon, authenticated, service_role;
--! EndIncluded profiles/app_private.derive_handle.sql
--! Included auth/app_private.tg_users__create_profile.sql
create or replace function app_private.tg_users__create_profile() returns trigger
  language plpgsql
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  display_name text := nullif(left(btrim(new.raw_user_meta_data ->> 'display_name'), 50), '');
begin
  insert into app_public.profiles (id, handle, display_name)
  values (new.id, app_private.derive_handle(display_name), display_name);
  return new;
end;
$$;

revoke all on function app_private.tg_users__create_profile() from public, anon, authenticated, service_role;
--! EndIncluded auth/app_private.tg_users__create_profile.sql
