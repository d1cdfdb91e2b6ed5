--! Previous: sha1:79e24f8dde9487dd12373e289af01d1081d409dc
--! Hash: sha1:ab9298274fa63e0800405e141763dbbca2507957
--! Message: social core

--------------------------------------------------------------------------------
-- Social core: profiles and settings, the social graph (follows and requests,
-- blocks, mutes), posts with audiences, edits, hashtags and mentions, likes,
-- comments, reposts, bookmarks, profile likes, counters.
--
-- The one visibility rule is app_private.post_visible(); can_see_post() and
-- the posts RLS policy both decide with it.
--
-- Writes that carry rules (follow, block, like, repost, …) are SECURITY
-- DEFINER functions acting as auth.uid(): they check the rule, then write rows
-- the caller has no grant on. Plain edits (profile, settings, post, comment)
-- are table updates under RLS and column grants.
--------------------------------------------------------------------------------

-- Idempotent for `graphile-migrate watch`: drop what this file creates.
drop table if exists app_public.bookmarks, app_public.reposts, app_public.comment_mentions, app_public.comments,
  app_public.likes, app_private.post_like_logs, app_public.post_mentions, app_public.post_hashtags,
  app_public.hashtags, app_public.post_media, app_public.post_edits, app_public.posts,
  app_public.profile_likes, app_private.profile_like_logs, app_public.mutes, app_public.blocked_users,
  app_public.followers, app_public.verification_requests, app_public.user_settings,
  app_public.profile_details, app_private.user_activity, app_private.settings cascade;
drop type if exists app_public.post_audience, app_public.audience_setting, app_public.follow_status,
  app_public.media_type, app_public.verification_status cascade;
drop function if exists app_private.tg_profiles__check_handle(), app_public.repost(uuid), app_private.tg_posts__keep_history(), app_private.tg_profiles__create_rows(), app_private.tg_profiles__privacy_change(),
  app_private.setting(text), app_private.is_blocked_pair(uuid, uuid), app_private.follows(uuid, uuid),
  app_private.is_staff(uuid), app_private.viewer_following_ids(), app_private.viewer_follower_ids(),
  app_private.viewer_block_ids(), app_private.viewer_mute_ids(),
  app_private.post_visible(uuid, uuid, app_public.post_audience, boolean, boolean, integer, boolean),
  app_public.is_handle_available(text), app_public.are_mutual_followers(uuid, uuid), app_public.is_user_blocked(uuid, uuid),
  app_public.can_view_profile(uuid, uuid), app_public.can_view_active_status(uuid, uuid),
  app_public.get_follower_count(uuid) cascade;

alter table app_public.profiles drop column if exists bio;
alter table app_public.profiles drop column if exists is_private;
alter table app_public.profiles drop column if exists is_verified;
alter table app_public.profiles drop column if exists followers_count;
alter table app_public.profiles drop column if exists following_count;
alter table app_public.profiles drop column if exists posts_count;
alter table app_public.profiles drop column if exists profile_likes_count;

--------------------------------------------------------------------------------
-- Tunable limits, in one table a DBA can change.
--------------------------------------------------------------------------------
create table app_private.settings (
  key text primary key,
  value text not null,
  description text not null
);
comment on table app_private.settings is 'Tunable limits read by the rules (post length, …).';
insert into app_private.settings (key, value, description) values
  ('post_max_length', '500', 'Longest post body, in characters'),
  ('comment_max_length', '1000', 'Longest comment body, in characters'),
  ('post_max_media', '4', 'Most media attachments on one post');

-- SECURITY DEFINER: rules running as the requesting role read limits from a table it has no grant on.
create or replace function app_private.setting(key text) returns text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$ select s.value from app_private.settings s where s.key = setting.key $$;

--------------------------------------------------------------------------------
-- Profiles: the public card. `is_private` is public (others see the lock), and
-- is the private-account switch. Counters are kept by triggers.
--------------------------------------------------------------------------------
alter table app_public.profiles
  add column is_private boolean not null default false,
  add column is_verified boolean not null default false,
  add column followers_count integer not null default 0 check (followers_count >= 0),
  add column following_count integer not null default 0 check (following_count >= 0),
  add column posts_count integer not null default 0 check (posts_count >= 0),
  add column profile_likes_count integer not null default 0 check (profile_likes_count >= 0);

comment on column app_public.profiles.is_private is 'Private account: posts and full profile only for approved followers; follows are requests.';
comment on column app_public.profiles.is_verified is 'Verified (blue tick), granted by staff.';
comment on column app_public.profiles.followers_count is 'Approved followers.';
comment on column app_public.profiles.following_count is 'Accounts this one follows (approved).';
comment on column app_public.profiles.posts_count is 'Posts not deleted.';
comment on column app_public.profiles.profile_likes_count is 'Likes of this profile.';

grant update (is_private) on app_public.profiles to authenticated;
-- The visibility rule asks "is the author private?" for every post it filters.
drop index if exists app_public.profiles_private_idx;
create index profiles_private_idx on app_public.profiles (id) where is_private;

-- Full profile: only for those who may see it (can_view_profile).
create table app_public.profile_details (
  profile_id uuid primary key references app_public.profiles (id) on delete cascade,
  bio text check (char_length(bio) <= 160),
  website text check (website ~ '^https?://' and char_length(website) <= 200),
  location text check (char_length(location) <= 60),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table app_public.profile_details enable row level security;
comment on table app_public.profile_details is 'The full profile, shown to whoever can_view_profile allows.';
comment on column app_public.profile_details.bio is 'Short biography, up to 160 characters.';
comment on column app_public.profile_details.website is 'A link, http(s).';
comment on column app_public.profile_details.location is 'Where the user says they are.';
comment on column app_public.profile_details.created_at is 'When the profile was created.';
comment on column app_public.profile_details.updated_at is 'When the details last changed.';

-- Settings: private to their owner.
create type app_public.audience_setting as enum ('everyone', 'followers', 'mutuals', 'nobody');
comment on type app_public.audience_setting is 'Who a setting lets in: everyone, followers, mutual followers, or nobody.';

create table app_public.user_settings (
  user_id uuid primary key references app_public.profiles (id) on delete cascade,
  message_permission app_public.audience_setting not null default 'everyone',
  active_status_visibility app_public.audience_setting not null default 'followers',
  notification_preferences jsonb not null default '{}' check (jsonb_typeof(notification_preferences) = 'object'),
  accessibility jsonb not null default '{}' check (jsonb_typeof(accessibility) = 'object'),
  is_content_creator boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table app_public.user_settings enable row level security;
comment on table app_public.user_settings is 'A user''s own settings; the private-account switch is `Profile.isPrivate`.';
comment on column app_public.user_settings.message_permission is 'Who may send me direct messages.';
comment on column app_public.user_settings.active_status_visibility is 'Who may see when I was last active.';
comment on column app_public.user_settings.notification_preferences is
  E'Per notification type, false turns it off: {"follow": true, "like": false, …}. Types: follow, follow_request, follow_approved, like, comment, reply, mention, repost, message, money.';
comment on column app_public.user_settings.accessibility is E'Client accessibility preferences, e.g. {"reduce_motion": true, "font_scale": 1.25}.';
comment on column app_public.user_settings.is_content_creator is 'Creator account (analytics and monetization).';
comment on column app_public.user_settings.created_at is 'When the settings were created.';
comment on column app_public.user_settings.updated_at is 'When the settings last changed.';

create trigger _100_timestamps before insert or update on app_public.user_settings
  for each row execute function app_private.tg__timestamps();

-- Last activity, for online status (written by the server, read through can_view_active_status).
create table app_private.user_activity (
  user_id uuid primary key references app_public.profiles (id) on delete cascade,
  last_active_at timestamptz not null default now()
);

create or replace function app_private.tg_profiles__create_rows() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  insert into app_public.profile_details (profile_id) values (new.id);
  insert into app_public.user_settings (user_id) values (new.id);
  return new;
end;
$$;
drop trigger if exists _200_create_rows on app_public.profiles;
create trigger _200_create_rows after insert on app_public.profiles
  for each row execute function app_private.tg_profiles__create_rows();

-- Rows for profiles created before this migration.
insert into app_public.profile_details (profile_id) select id from app_public.profiles;
insert into app_public.user_settings (user_id) select id from app_public.profiles;

-- Derived handles avoid reserved words too (redefines the auth migration's version).
create or replace function app_private.derive_handle(email text) returns citext
  language plpgsql volatile
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  base text := left(regexp_replace(lower(split_part(coalesce(email, ''), '@', 1)), '[^a-z0-9_]+', '_', 'g'), 20);
  candidate text;
begin
  base := trim(both '_' from base);
  if char_length(base) < 3 then base := 'user' || base; end if;
  candidate := base;
  for i in 1..50 loop
    if not app_private.is_reserved_handle(candidate)
       and not exists (select 1 from app_public.profiles p where p.handle = candidate::citext) then
      return candidate::citext;
    end if;
    candidate := base || '_' || (floor(random() * (case when i < 10 then 10000 else 100000000 end)))::int;
  end loop;
  raise exception 'could not derive a free handle for %', email using errcode = 'CONFL';
end;
$$;

--------------------------------------------------------------------------------
-- Social graph
--------------------------------------------------------------------------------
create type app_public.follow_status as enum ('pending', 'approved');
comment on type app_public.follow_status is 'A follow of a private account is pending until approved.';

create table app_public.followers (
  follower_id uuid not null references app_public.profiles (id) on delete cascade,
  following_id uuid not null references app_public.profiles (id) on delete cascade,
  status app_public.follow_status not null default 'approved',
  created_at timestamptz not null default now(),
  approved_at timestamptz,
  primary key (follower_id, following_id),
  check (follower_id <> following_id)
);
create index followers_following_idx on app_public.followers (following_id, status, created_at desc, follower_id);
alter table app_public.followers enable row level security;
comment on table app_public.followers is 'Who follows whom; pending rows are follow requests. Change through follow/unfollow and the request mutations.';
comment on column app_public.followers.follower_id is 'The follower.';
comment on column app_public.followers.following_id is 'The account followed.';
comment on column app_public.followers.status is 'pending (a request to a private account) or approved.';
comment on column app_public.followers.created_at is 'When the follow (or request) was made.';
comment on column app_public.followers.approved_at is 'When it was approved.';

create table app_public.blocked_users (
  blocker_id uuid not null references app_public.profiles (id) on delete cascade,
  blocked_id uuid not null references app_public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  check (blocker_id <> blocked_id)
);
create index blocked_users_blocked_idx on app_public.blocked_users (blocked_id, blocker_id);
alter table app_public.blocked_users enable row level security;
comment on table app_public.blocked_users is 'Blocks. Each side is hidden from the other everywhere; only the blocker sees the row.';
comment on column app_public.blocked_users.blocker_id is 'Who blocked.';
comment on column app_public.blocked_users.blocked_id is 'Who is blocked.';
comment on column app_public.blocked_users.created_at is 'When.';

create table app_public.mutes (
  muter_id uuid not null references app_public.profiles (id) on delete cascade,
  muted_id uuid not null references app_public.profiles (id) on delete cascade,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (muter_id, muted_id),
  check (muter_id <> muted_id)
);
alter table app_public.mutes enable row level security;
comment on table app_public.mutes is 'Mutes: the muted account disappears from the muter''s feeds and lists (not from direct fetches). Only the muter sees the row.';
comment on column app_public.mutes.muter_id is 'Who muted.';
comment on column app_public.mutes.muted_id is 'Who is muted.';
comment on column app_public.mutes.expires_at is 'When the mute ends by itself; null: never.';
comment on column app_public.mutes.created_at is 'When.';

--------------------------------------------------------------------------------
-- Relationship facts. SECURITY DEFINER: they read graph rows the caller's RLS
-- would hide (someone else's block of me, say), and return only a yes/no or the
-- caller's own sets. STABLE, fixed search_path.
--------------------------------------------------------------------------------
create or replace function app_private.is_blocked_pair(a uuid, b uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1 from app_public.blocked_users
     where (blocker_id = a and blocked_id = b) or (blocker_id = b and blocked_id = a)
  )
$$;

create or replace function app_private.follows(follower uuid, target uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select exists (
    select 1 from app_public.followers f
     where f.follower_id = follows.follower and f.following_id = follows.target and f.status = 'approved'
  )
$$;

create or replace function app_private.is_staff(user_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select u.raw_app_meta_data ->> 'role' in ('moderator', 'admin') from auth.users u where u.id = user_id), false)
$$;

-- The current user's relationship sets, computed once per query (InitPlans) by policies.
create or replace function app_private.viewer_following_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(following_id), '{}') from app_public.followers
   where follower_id = auth.uid() and status = 'approved'
$$;

create or replace function app_private.viewer_follower_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(follower_id), '{}') from app_public.followers
   where following_id = auth.uid() and status = 'approved'
$$;

create or replace function app_private.viewer_block_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(id), '{}') from (
    select blocked_id as id from app_public.blocked_users where blocker_id = auth.uid()
    union
    select blocker_id from app_public.blocked_users where blocked_id = auth.uid()
  ) b
$$;

create or replace function app_private.viewer_mute_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(muted_id), '{}') from app_public.mutes
   where muter_id = auth.uid() and (expires_at is null or expires_at > now())
$$;

-- Policies and invoker functions run as the requesting role, so it may use the
-- schema and call these helpers; app_private tables stay ungranted, and other
-- functions are not executable (default privileges revoke EXECUTE). A test
-- pins this list.
grant usage on schema app_private to anon, authenticated, service_role;
grant execute on function
  app_private.setting(text),
  app_private.is_blocked_pair(uuid, uuid),
  app_private.follows(uuid, uuid),
  app_private.viewer_following_ids(),
  app_private.viewer_follower_ids(),
  app_private.viewer_block_ids(),
  app_private.viewer_mute_ids()
  to anon, authenticated, service_role;

--------------------------------------------------------------------------------
-- Public relationship API (names from the design document).
--------------------------------------------------------------------------------
create or replace function app_private.is_reserved_handle(handle text) returns boolean
  language sql immutable
as $$
  select lower(handle) = any (array[
    'admin', 'administrator', 'root', 'support', 'help', 'api', 'auth', 'graphql', 'graphiql', 'health',
    'metrics', 'settings', 'login', 'logout', 'signup', 'signin', 'register', 'explore', 'home', 'search',
    'notifications', 'messages', 'me', 'null', 'undefined', 'system', 'staff', 'moderator', 'pgsocial'
  ])
$$;
comment on function app_private.is_reserved_handle(text) is 'Handles nobody may take (routes, roles, system words).';
grant execute on function app_private.is_reserved_handle(text) to anon, authenticated, service_role;

create or replace function app_public.is_handle_available(handle text) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, public, pg_temp
as $$
  select is_handle_available.handle ~ '^[A-Za-z0-9_]{3,30}$'
     and not app_private.is_reserved_handle(is_handle_available.handle)
     and not exists (select 1 from app_public.profiles p where p.handle = is_handle_available.handle::citext)
$$;

create or replace function app_private.tg_profiles__check_handle() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  if app_private.is_reserved_handle(new.handle::text) then
    raise exception 'The handle "%" is reserved', new.handle using errcode = 'INVAL';
  end if;
  return new;
end;
$$;
drop trigger if exists _200_check_handle on app_public.profiles;
create trigger _200_check_handle before update of handle on app_public.profiles
  for each row when (new.handle is distinct from old.handle)
  execute function app_private.tg_profiles__check_handle();
comment on function app_public.is_handle_available(text) is
  'True when the handle is well formed (3-30 letters, digits, underscores), not reserved, and not taken (case-insensitively).';

create or replace function app_public.is_user_blocked(a uuid, b uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_private.is_blocked_pair(a, b) $$;
comment on function app_public.is_user_blocked(uuid, uuid) is 'True when either user has blocked the other.';

create or replace function app_public.are_mutual_followers(a uuid, b uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select app_private.follows(a, b) and app_private.follows(b, a) $$;
comment on function app_public.are_mutual_followers(uuid, uuid) is 'True when each follows the other (approved).';

create or replace function app_public.can_view_profile(viewer_id uuid, target_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when viewer_id = target_id then true
    when app_private.is_blocked_pair(viewer_id, target_id) then false
    when not (select p.is_private from app_public.profiles p where p.id = target_id) then true
    else app_private.follows(viewer_id, target_id)
  end
$$;
comment on function app_public.can_view_profile(uuid, uuid) is
  'Whether the viewer (null: anonymous) sees the target''s full profile: private accounts only to approved followers; never across a block.';

create or replace function app_public.can_view_active_status(viewer_id uuid, target_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when viewer_id = target_id then true
    when viewer_id is null or app_private.is_blocked_pair(viewer_id, target_id) then false
    else (
      select case s.active_status_visibility
        when 'everyone' then true
        when 'followers' then app_private.follows(viewer_id, target_id)
        when 'mutuals' then app_private.follows(viewer_id, target_id) and app_private.follows(target_id, viewer_id)
        else false
      end
      from app_public.user_settings s where s.user_id = target_id
    )
  end
$$;
comment on function app_public.can_view_active_status(uuid, uuid) is
  'Whether the viewer may see when the target was last active, by the target''s active-status setting (everyone, followers, mutuals, nobody).';

create or replace function app_public.get_follower_count(user_id uuid) returns bigint
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select p.followers_count::bigint from app_public.profiles p where p.id = user_id $$;
comment on function app_public.get_follower_count(uuid) is 'Approved followers of the user.';

--------------------------------------------------------------------------------
-- Profile computed columns
--------------------------------------------------------------------------------
create or replace function app_public.profiles_last_active_at(p app_public.profiles) returns timestamptz
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select a.last_active_at from app_private.user_activity a
   where a.user_id = p.id and app_public.can_view_active_status(auth.uid(), p.id)
$$;
comment on function app_public.profiles_last_active_at(app_public.profiles) is
  'When the user was last active, if their active-status setting lets you see it; otherwise null.';

create or replace function app_public.profiles_viewer_follow_status(p app_public.profiles) returns app_public.follow_status
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select f.status from app_public.followers f where f.follower_id = auth.uid() and f.following_id = p.id
$$;
comment on function app_public.profiles_viewer_follow_status(app_public.profiles) is
  'Whether you follow this account: approved, pending (requested), or null.';

--------------------------------------------------------------------------------
-- Posts
--------------------------------------------------------------------------------
create type app_public.post_audience as enum ('public', 'followers', 'mutuals', 'only_me');
comment on type app_public.post_audience is 'Who may see a post: everyone, followers, mutual followers, or its author only.';

create table app_public.posts (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null default auth.uid() references app_public.profiles (id) on delete cascade,
  body text not null default '',
  audience app_public.post_audience not null default 'public',
  is_paid boolean not null default false,
  metadata jsonb not null default '{}' check (jsonb_typeof(metadata) = 'object'),
  likes_count integer not null default 0 check (likes_count >= 0),
  comments_count integer not null default 0 check (comments_count >= 0),
  reposts_count integer not null default 0 check (reposts_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
alter table app_public.posts enable row level security;
-- A user's posts, newest first (timelines, feeds).
create index posts_author_created_idx on app_public.posts (author_id, created_at desc, id desc);
-- Explore filters on metadata, newest first, public posts only.
create index posts_category_idx on app_public.posts ((metadata ->> 'category'), created_at desc) where deleted_at is null and audience = 'public' and not is_paid;
create index posts_market_idx on app_public.posts ((metadata ->> 'market'), created_at desc) where deleted_at is null and audience = 'public' and not is_paid;
create index posts_symbol_idx on app_public.posts ((metadata ->> 'symbol'), created_at desc) where deleted_at is null and audience = 'public' and not is_paid;
create index posts_public_created_idx on app_public.posts (created_at desc, id desc) where deleted_at is null and audience = 'public' and not is_paid;

comment on table app_public.posts is 'Posts. Who sees one is decided by `canSeePost`; edits keep history; deleting is soft.';
comment on column app_public.posts.author_id is 'The author (always the signed-in user when created).';
comment on column app_public.posts.body is 'Text, up to 500 characters by default; #hashtags and @mentions are extracted from it.';
comment on column app_public.posts.audience is 'public, followers, mutuals or only_me.';
comment on column app_public.posts.is_paid is 'Paid post: only its author (and, with paid content, subscribers and buyers) may see it.';
comment on column app_public.posts.metadata is E'Free-form JSON object; `category`, `market` and `symbol` are indexed for explore filters.';
comment on column app_public.posts.likes_count is 'Likes.';
comment on column app_public.posts.comments_count is 'Comments (not deleted).';
comment on column app_public.posts.reposts_count is 'Reposts.';
comment on column app_public.posts.created_at is 'When the post was created.';
comment on column app_public.posts.updated_at is 'When the row last changed.';
comment on column app_public.posts.edited_at is 'When the text, metadata or audience was last edited; null if never.';
comment on column app_public.posts.deleted_at is 'When the post was deleted (seen by staff only).';

grant select on app_public.posts to anon, authenticated, service_role;
grant insert (body, audience, is_paid, metadata) on app_public.posts to authenticated;
grant update (body, audience, metadata) on app_public.posts to authenticated;

create table app_public.post_edits (
  id bigint generated always as identity primary key,
  post_id uuid not null references app_public.posts (id) on delete cascade,
  body text not null,
  audience app_public.post_audience not null,
  metadata jsonb not null,
  replaced_at timestamptz not null default now()
);
create index post_edits_post_idx on app_public.post_edits (post_id, id);
alter table app_public.post_edits enable row level security;
comment on table app_public.post_edits is 'Earlier versions of edited posts, visible to whoever sees the post.';
comment on column app_public.post_edits.body is 'The text before the edit.';
comment on column app_public.post_edits.audience is 'The audience before the edit.';
comment on column app_public.post_edits.metadata is 'The metadata before the edit.';
comment on column app_public.post_edits.replaced_at is 'When this version was replaced.';

create type app_public.media_type as enum ('image', 'video', 'gif');
comment on type app_public.media_type is 'Kinds of media attachment.';

create table app_public.post_media (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references app_public.posts (id) on delete cascade,
  media_type app_public.media_type not null,
  url text not null check (url ~ '^https?://'),
  position smallint not null default 0,
  width integer check (width > 0),
  height integer check (height > 0),
  created_at timestamptz not null default now(),
  unique (post_id, position)
);
create index post_media_type_idx on app_public.post_media (media_type, post_id);
alter table app_public.post_media enable row level security;
comment on table app_public.post_media is 'Images, videos and GIFs attached to a post, in order.';
comment on column app_public.post_media.media_type is 'image, video or gif.';
comment on column app_public.post_media.url is 'Where the media is served from.';
comment on column app_public.post_media.position is 'Order within the post, from 0.';
comment on column app_public.post_media.width is 'Pixels, when known.';
comment on column app_public.post_media.height is 'Pixels, when known.';
comment on column app_public.post_media.created_at is 'When attached.';

create table app_public.hashtags (
  id bigint generated always as identity primary key,
  tag citext not null unique,
  created_at timestamptz not null default now()
);
alter table app_public.hashtags enable row level security;
comment on table app_public.hashtags is 'Every hashtag used, once (case-insensitive).';
comment on column app_public.hashtags.tag is 'The tag, without #.';
comment on column app_public.hashtags.created_at is 'First use.';

create table app_public.post_hashtags (
  post_id uuid not null references app_public.posts (id) on delete cascade,
  hashtag_id bigint not null references app_public.hashtags (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, hashtag_id)
);
create index post_hashtags_hashtag_idx on app_public.post_hashtags (hashtag_id, created_at desc, post_id);
alter table app_public.post_hashtags enable row level security;
comment on table app_public.post_hashtags is 'Hashtags of each post, extracted from its text.';
comment on column app_public.post_hashtags.created_at is 'When the post was tagged.';

create table app_public.post_mentions (
  post_id uuid not null references app_public.posts (id) on delete cascade,
  mentioned_id uuid not null references app_public.profiles (id) on delete cascade,
  primary key (post_id, mentioned_id)
);
create index post_mentions_mentioned_idx on app_public.post_mentions (mentioned_id, post_id);
alter table app_public.post_mentions enable row level security;
comment on table app_public.post_mentions is 'Accounts @mentioned in each post, extracted from its text.';

--------------------------------------------------------------------------------
-- THE visibility rule. A pure function of the facts, so that both paths below
-- decide alike. Written so that PostgreSQL inlines it into policies (SQL,
-- IMMUTABLE, no SET clause, each parameter used once): the policy's facts are
-- then InitPlans computed once per query, not function calls per row.
--
--   relationship: 0 = none, 1 = viewer follows author, 2 = mutual followers
--   A viewer sees a post iff they wrote it, or: no block either way, not paid
--   (the paid-content migration opens paid posts to subscribers and buyers),
--   and the relationship reaches what the audience asks: public 0 (1 when the
--   author's account is private), followers 1, mutuals 2, only_me never.
--   Soft-deleted posts are handled by the callers: gone for all but staff.
--------------------------------------------------------------------------------
create or replace function app_private.post_visible(
  viewer uuid,
  author uuid,
  audience app_public.post_audience,
  author_private boolean,
  is_paid boolean,
  relationship integer,
  blocked boolean
) returns boolean
  language sql immutable
as $$
  select coalesce(viewer = author, false)
      or (not coalesce(blocked, false)
          and not is_paid
          and relationship >= case audience
                                when 'public' then case when author_private then 1 else 0 end
                                when 'followers' then 1
                                when 'mutuals' then 2
                                else 3
                              end)
$$;
comment on function app_private.post_visible(uuid, uuid, app_public.post_audience, boolean, boolean, integer, boolean) is
  'The post visibility rule, from facts. Used by can_see_post and by the posts RLS policy.';
grant execute on function app_private.post_visible(uuid, uuid, app_public.post_audience, boolean, boolean, integer, boolean)
  to anon, authenticated, service_role;

create or replace function app_public.can_see_post(viewer_id uuid, post_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce((
    select app_private.is_staff(viewer_id)
        or (p.deleted_at is null
            and app_private.post_visible(
                  viewer_id, p.author_id, p.audience, a.is_private, p.is_paid,
                  case when app_private.follows(viewer_id, p.author_id)
                       then case when app_private.follows(p.author_id, viewer_id) then 2 else 1 end
                       else 0 end,
                  app_private.is_blocked_pair(viewer_id, p.author_id)))
      from app_public.posts p join app_public.profiles a on a.id = p.author_id
     where p.id = post_id
  ), false)
$$;
comment on function app_public.can_see_post(uuid, uuid) is
  'Whether the viewer (null: anonymous) may see the post. The one visibility rule; every read path applies it (directly or through the posts RLS policy).';

-- The same rule as a policy, for the current user. Staff see everything.
create policy select_visible on app_public.posts for select using (
  (deleted_at is null
   and app_private.post_visible(
         (select auth.uid()), author_id, audience,
         exists (select 1 from app_public.profiles a where a.id = author_id and a.is_private),
         is_paid,
         case when author_id = any ((select app_private.viewer_following_ids())::uuid[])
              then case when author_id = any ((select app_private.viewer_follower_ids())::uuid[]) then 2 else 1 end
              else 0 end,
         author_id = any ((select app_private.viewer_block_ids())::uuid[])))
  or (select auth.is_moderator())
);
create policy insert_own on app_public.posts for insert with check (author_id = (select auth.uid()));
-- USING admits every visible post and WITH CHECK demands ownership, so that
-- editing someone else's post is a clear "Permission denied", not a silent no-op.
create policy update_own on app_public.posts for update
  using (deleted_at is null)
  with check (author_id = (select auth.uid()));

-- Dependent rows are visible with their post (the subquery applies the posts policy).
create policy select_visible on app_public.post_edits for select using (exists (select 1 from app_public.posts p where p.id = post_id));
create policy select_visible on app_public.post_media for select using (exists (select 1 from app_public.posts p where p.id = post_id));
create policy select_visible on app_public.post_hashtags for select using (exists (select 1 from app_public.posts p where p.id = post_id));
create policy select_visible on app_public.post_mentions for select using (exists (select 1 from app_public.posts p where p.id = post_id));
create policy select_all on app_public.hashtags for select using (true);
grant select on app_public.post_edits, app_public.post_media, app_public.post_hashtags, app_public.post_mentions, app_public.hashtags
  to anon, authenticated, service_role;

--------------------------------------------------------------------------------
-- Post triggers: validation, edit history, hashtags and mentions, counters.
--------------------------------------------------------------------------------
create or replace function app_private.tg_posts__validate() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  max_length integer := app_private.setting('post_max_length')::integer;
begin
  new.body := btrim(new.body);
  if char_length(new.body) > max_length then
    raise exception 'A post can be at most % characters (this one has %)', max_length, char_length(new.body) using errcode = 'INVAL';
  end if;
  if tg_op = 'INSERT' and new.body = '' then
    raise exception 'A post needs some text' using errcode = 'INVAL';
  end if;
  if tg_op = 'UPDATE' and new.body = '' and old.body <> '' then
    raise exception 'A post needs some text' using errcode = 'INVAL';
  end if;
  if tg_op = 'UPDATE' and (new.body, new.audience, new.metadata) is distinct from (old.body, old.audience, old.metadata) then
    new.edited_at := now();
  end if;
  return new;
end;
$$;

-- SECURITY DEFINER: the author has no grant on post_edits; history is written for them.
create or replace function app_private.tg_posts__keep_history() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  insert into app_public.post_edits (post_id, body, audience, metadata) values (old.id, old.body, old.audience, old.metadata);
  return null;
end;
$$;
create trigger _100_timestamps before insert or update on app_public.posts
  for each row execute function app_private.tg__timestamps();
create trigger _200_validate before insert or update on app_public.posts
  for each row execute function app_private.tg_posts__validate();
create trigger _300_keep_history after update on app_public.posts
  for each row when ((new.body, new.audience, new.metadata) is distinct from (old.body, old.audience, old.metadata))
  execute function app_private.tg_posts__keep_history();

-- Extraction (pure, so testable on its own).
create or replace function app_private.extract_hashtags(body text) returns text[]
  language sql immutable
as $$
  select coalesce(array_agg(distinct lower(m[1])), '{}')
    from regexp_matches(body, '(?:^|[^[:alnum:]_&])#([[:alpha:]_][[:alnum:]_]{0,99})', 'g') m
$$;
comment on function app_private.extract_hashtags(text) is 'The #hashtags in a text, lower-cased, once each.';

create or replace function app_private.extract_mentions(body text) returns text[]
  language sql immutable
as $$
  select coalesce(array_agg(distinct lower(m[1])), '{}')
    from regexp_matches(body, '(?:^|[^[:alnum:]_@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])', 'g') m
$$;
comment on function app_private.extract_mentions(text) is 'The @handles mentioned in a text, lower-cased, once each.';

-- SECURITY DEFINER: writes tag and mention rows the author has no grant on.
create or replace function app_private.tg_posts__extract() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public, pg_temp
as $$
declare
  tags text[] := app_private.extract_hashtags(new.body);
begin
  delete from app_public.post_hashtags where post_id = new.id;
  delete from app_public.post_mentions where post_id = new.id;
  if cardinality(tags) > 0 then
    insert into app_public.hashtags (tag) select unnest(tags) on conflict (tag) do nothing;
    insert into app_public.post_hashtags (post_id, hashtag_id, created_at)
      select new.id, h.id, new.created_at from app_public.hashtags h where h.tag = any (tags::citext[]);
  end if;
  insert into app_public.post_mentions (post_id, mentioned_id)
    select new.id, p.id from app_public.profiles p
     where p.handle = any (app_private.extract_mentions(new.body)::citext[]) and p.id <> new.author_id;
  return null;
end;
$$;
create trigger _300_extract after insert or update of body on app_public.posts
  for each row execute function app_private.tg_posts__extract();

-- SECURITY DEFINER: counters live on the author's profile, which the writer may not update.
create or replace function app_private.tg_posts__count() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    update app_public.profiles set posts_count = posts_count + 1 where id = new.author_id;
  elsif tg_op = 'UPDATE' and old.deleted_at is null and new.deleted_at is not null then
    update app_public.profiles set posts_count = posts_count - 1 where id = new.author_id;
  elsif tg_op = 'UPDATE' and old.deleted_at is not null and new.deleted_at is null then
    update app_public.profiles set posts_count = posts_count + 1 where id = new.author_id;
  end if;
  return null;
end;
$$;
create trigger _400_count after insert or update of deleted_at on app_public.posts
  for each row execute function app_private.tg_posts__count();

create or replace function app_public.delete_post(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.posts;
begin
  select * into p from app_public.posts where id = post_id and deleted_at is null for update;
  if not found or not (p.author_id = auth.uid() or auth.is_moderator()) then
    raise exception 'No such post of yours' using errcode = 'NTFND';
  end if;
  update app_public.posts set deleted_at = now() where id = post_id returning * into p;
  return p;
end;
$$;
comment on function app_public.delete_post(uuid) is 'Delete one of your posts (soft: staff still see it). Staff may delete any post.';

--------------------------------------------------------------------------------
-- Follow, requests, block, mute
--------------------------------------------------------------------------------
create or replace function app_private.require_user() returns uuid
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    raise exception 'You must be signed in' using errcode = 'LOGIN';
  end if;
  return me;
end;
$$;

-- Counters of a follow edge. Both profile rows are locked in id order, so that
-- crossing follows (A→B while B→A) cannot deadlock; NO KEY UPDATE, because the
-- follow row's foreign keys already hold KEY SHARE locks on them, which FOR
-- UPDATE would wait on.
create or replace function app_private.count_follow(follower uuid, target uuid, delta integer) returns void
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform 1 from app_public.profiles where id in (follower, target) order by id for no key update;
  update app_public.profiles set following_count = following_count + delta where id = follower;
  update app_public.profiles set followers_count = followers_count + delta where id = target;
end;
$$;

-- SECURITY DEFINER: counters on both profiles.
create or replace function app_private.tg_followers__count() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' and new.status = 'approved' then
    perform app_private.count_follow(new.follower_id, new.following_id, 1);
  elsif tg_op = 'UPDATE' and old.status = 'pending' and new.status = 'approved' then
    perform app_private.count_follow(new.follower_id, new.following_id, 1);
  elsif tg_op = 'DELETE' and old.status = 'approved' then
    perform app_private.count_follow(old.follower_id, old.following_id, -1);
  end if;
  return null;
end;
$$;
create trigger _400_count after insert or update of status or delete on app_public.followers
  for each row execute function app_private.tg_followers__count();

create or replace function app_public.follow(target_id uuid) returns app_public.followers
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  target app_public.profiles;
  row app_public.followers;
begin
  select * into target from app_public.profiles where id = target_id;
  if not found or app_private.is_blocked_pair(me, target_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if target_id = me then
    raise exception 'You cannot follow yourself' using errcode = 'INVAL';
  end if;
  insert into app_public.followers (follower_id, following_id, status, approved_at)
  values (me, target_id, case when target.is_private then 'pending' else 'approved' end::app_public.follow_status,
          case when target.is_private then null else now() end)
  on conflict (follower_id, following_id) do nothing
  returning * into row;
  if row is null then
    select * into row from app_public.followers where follower_id = me and following_id = target_id;
  end if;
  return row;
end;
$$;
comment on function app_public.follow(uuid) is
  'Follow an account. A private account gets a follow request (status pending) until it approves. Following again changes nothing.';

create or replace function app_public.unfollow(target_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.followers where follower_id = app_private.require_user() and following_id = target_id returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.unfollow(uuid) is 'Stop following an account, or withdraw a follow request. True if there was one.';

create or replace function app_public.approve_follow_request(follower_id uuid) returns app_public.followers
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.followers;
begin
  update app_public.followers f set status = 'approved', approved_at = now()
   where f.follower_id = approve_follow_request.follower_id and f.following_id = app_private.require_user() and f.status = 'pending'
  returning * into row;
  if row is null then
    raise exception 'No such follow request' using errcode = 'NTFND';
  end if;
  return row;
end;
$$;
comment on function app_public.approve_follow_request(uuid) is 'Approve a request to follow you.';

create or replace function app_public.reject_follow_request(follower_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.followers f
     where f.follower_id = reject_follow_request.follower_id and f.following_id = app_private.require_user() and f.status = 'pending'
    returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.reject_follow_request(uuid) is 'Decline a request to follow you. True if there was one.';

create or replace function app_public.remove_follower(follower_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.followers f
     where f.follower_id = remove_follower.follower_id and f.following_id = app_private.require_user()
    returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.remove_follower(uuid) is 'Make someone stop following you. True if they did.';

-- Going public approves the waiting requests (as Instagram does).
create or replace function app_private.tg_profiles__privacy_change() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  update app_public.followers set status = 'approved', approved_at = now()
   where following_id = new.id and status = 'pending';
  return null;
end;
$$;
drop trigger if exists _300_privacy_change on app_public.profiles;
create trigger _300_privacy_change after update of is_private on app_public.profiles
  for each row when (old.is_private and not new.is_private)
  execute function app_private.tg_profiles__privacy_change();

create or replace function app_public.block_user(target_id uuid) returns app_public.blocked_users
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  row app_public.blocked_users;
begin
  if target_id = me then
    raise exception 'You cannot block yourself' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles where id = target_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.blocked_users (blocker_id, blocked_id) values (me, target_id)
  on conflict do nothing returning * into row;
  if row is null then
    select * into row from app_public.blocked_users where blocker_id = me and blocked_id = target_id;
  end if;
  -- A block ends follows and requests both ways.
  delete from app_public.followers
   where (follower_id = me and following_id = target_id) or (follower_id = target_id and following_id = me);
  return row;
end;
$$;
comment on function app_public.block_user(uuid) is
  'Block an account: follows and follow requests between you end, and each of you disappears for the other.';

create or replace function app_public.unblock_user(target_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.blocked_users where blocker_id = app_private.require_user() and blocked_id = target_id returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.unblock_user(uuid) is 'Lift a block (follows do not come back). True if there was one.';

create or replace function app_public.mute_user(target_id uuid, expires_at timestamptz default null) returns app_public.mutes
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  row app_public.mutes;
begin
  if target_id = me then
    raise exception 'You cannot mute yourself' using errcode = 'INVAL';
  end if;
  if expires_at is not null and expires_at <= now() then
    raise exception 'A mute must end in the future' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles where id = target_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.mutes (muter_id, muted_id, expires_at) values (me, target_id, mute_user.expires_at)
  on conflict (muter_id, muted_id) do update set expires_at = excluded.expires_at, created_at = now()
  returning * into row;
  return row;
end;
$$;
comment on function app_public.mute_user(uuid, timestamptz) is 'Mute an account, until `expiresAt` or for good.';

create or replace function app_public.unmute_user(target_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.mutes where muter_id = app_private.require_user() and muted_id = target_id returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.unmute_user(uuid) is 'Unmute an account. True if it was muted.';

--------------------------------------------------------------------------------
-- Graph policies
--------------------------------------------------------------------------------
-- Follows are public where both profiles are: rows involving me, and approved
-- follows of accounts whose full profile I may see, never across a block.
create policy select_visible on app_public.followers for select using (
  follower_id = (select auth.uid())
  or following_id = (select auth.uid())
  or (status = 'approved'
      and not (follower_id = any ((select app_private.viewer_block_ids())::uuid[]))
      and not (following_id = any ((select app_private.viewer_block_ids())::uuid[]))
      and (following_id = any ((select app_private.viewer_following_ids())::uuid[])
           or not exists (select 1 from app_public.profiles p where p.id = following_id and p.is_private))
      and (follower_id = any ((select app_private.viewer_following_ids())::uuid[])
           or not exists (select 1 from app_public.profiles p where p.id = follower_id and p.is_private)))
);
create policy select_own on app_public.blocked_users for select using (blocker_id = (select auth.uid()));
create policy select_own on app_public.mutes for select using (muter_id = (select auth.uid()));
grant select on app_public.followers, app_public.blocked_users, app_public.mutes to anon, authenticated, service_role;

-- Profiles: hidden across a block, both ways.
drop policy if exists select_all on app_public.profiles;
drop policy if exists select_visible on app_public.profiles;
create policy select_visible on app_public.profiles for select using (not (id = any ((select app_private.viewer_block_ids())::uuid[])));
create policy select_visible on app_public.profile_details for select using (app_public.can_view_profile((select auth.uid()), profile_id));
create policy update_self on app_public.profile_details for update
  using (true) with check (profile_id = (select auth.uid()));

-- Profiles likewise: someone else's profile is a clear refusal (replaces the auth migration's policy).
drop policy if exists update_self on app_public.profiles;
create policy update_self on app_public.profiles for update
  using (true) with check (id = (select auth.uid()));
grant select on app_public.profile_details to anon, authenticated, service_role;
grant update (bio, website, location) on app_public.profile_details to authenticated;
create trigger _100_timestamps before update on app_public.profile_details
  for each row execute function app_private.tg__timestamps();

create policy select_own on app_public.user_settings for select using (user_id = (select auth.uid()));
create policy update_own on app_public.user_settings for update using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
grant select on app_public.user_settings to authenticated, service_role;
grant update (message_permission, active_status_visibility, notification_preferences, accessibility, is_content_creator)
  on app_public.user_settings to authenticated;

--------------------------------------------------------------------------------
-- Followers with profiles (design name), keyset-paginated by follow time.
--------------------------------------------------------------------------------
create or replace function app_public.get_followers_with_profiles(
  user_id uuid,
  before timestamptz default null,
  max_results integer default 20
) returns table (
  follower_id uuid,
  handle citext,
  display_name text,
  avatar_url text,
  is_verified boolean,
  followed_at timestamptz
)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select p.id, p.handle, p.display_name, p.avatar_url, p.is_verified, f.created_at
    from app_public.followers f
    join app_public.profiles p on p.id = f.follower_id
   where f.following_id = user_id
     and f.status = 'approved'
     and app_public.can_view_profile(auth.uid(), user_id)
     and not app_private.is_blocked_pair(auth.uid(), f.follower_id)
     and (before is null or f.created_at < before)
   order by f.created_at desc, f.follower_id
   limit least(greatest(max_results, 1), 100)
$$;
comment on function app_public.get_followers_with_profiles(uuid, timestamptz, integer) is
  'Approved followers of a user, newest first, up to `maxResults` (at most 100) followed before `before` (pass the last `followedAt` to page). Empty when you may not see the account''s full profile; never lists someone across a block with you.';

--------------------------------------------------------------------------------
-- Engagement: likes (logged), comments, reposts, bookmarks, profile likes
--------------------------------------------------------------------------------
create table app_public.likes (
  post_id uuid not null references app_public.posts (id) on delete cascade,
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, user_id)
);
create index likes_user_idx on app_public.likes (user_id, created_at desc);
alter table app_public.likes enable row level security;
comment on table app_public.likes is 'Who liked which post, once each. Like with `likePost`, unlike with `unlikePost`.';
comment on column app_public.likes.created_at is 'When.';

create table app_private.post_like_logs (
  id bigint generated always as identity primary key,
  post_id uuid not null,
  user_id uuid not null,
  action text not null check (action in ('like', 'unlike')),
  created_at timestamptz not null default now()
);
create index post_like_logs_post_idx on app_private.post_like_logs (post_id, created_at);
create index post_like_logs_user_idx on app_private.post_like_logs (user_id, created_at);
comment on table app_private.post_like_logs is 'Every like and unlike, for analytics and fraud detection.';

create or replace function app_private.tg_likes__count() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    update app_public.posts set likes_count = likes_count + 1 where id = new.post_id;
    insert into app_private.post_like_logs (post_id, user_id, action) values (new.post_id, new.user_id, 'like');
  else
    update app_public.posts set likes_count = likes_count - 1 where id = old.post_id;
    insert into app_private.post_like_logs (post_id, user_id, action) values (old.post_id, old.user_id, 'unlike');
  end if;
  return null;
end;
$$;
create trigger _400_count after insert or delete on app_public.likes
  for each row execute function app_private.tg_likes__count();

create or replace function app_private.require_visible_post(post_id uuid) returns app_public.posts
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.posts;
begin
  select * into p from app_public.posts where id = post_id;
  if not found or not app_public.can_see_post(auth.uid(), post_id) or p.deleted_at is not null then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;

create or replace function app_public.increment_post_likes(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
begin
  insert into app_public.likes (post_id, user_id) values (p.id, me) on conflict do nothing;
  select * into p from app_public.posts where id = p.id;
  return p;
end;
$$;
comment on function app_public.increment_post_likes(uuid) is E'@name likePost\nLike a post you can see; liking again changes nothing. Returns the post with its new count.';

create or replace function app_public.unlike_post(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts;
begin
  delete from app_public.likes l where l.post_id = unlike_post.post_id and l.user_id = me;
  select * into p from app_public.posts where id = unlike_post.post_id;
  if not found then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;
comment on function app_public.unlike_post(uuid) is 'Take back your like. Returns the post with its new count.';

create policy select_visible on app_public.likes for select using (
  exists (select 1 from app_public.posts p where p.id = post_id)
  and not (user_id = any ((select app_private.viewer_block_ids())::uuid[]))
);
grant select on app_public.likes to anon, authenticated, service_role;

create or replace function app_public.check_mutual_likes(a uuid, b uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app_public.likes l join app_public.posts p on p.id = l.post_id where l.user_id = a and p.author_id = b)
     and exists (select 1 from app_public.likes l join app_public.posts p on p.id = l.post_id where l.user_id = b and p.author_id = a)
$$;
comment on function app_public.check_mutual_likes(uuid, uuid) is
  E'@behavior -queryField\nTrue when each of the two users has liked a post of the other (an input to fraud detection).';

create table app_public.comments (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references app_public.posts (id) on delete cascade,
  author_id uuid not null default auth.uid() references app_public.profiles (id) on delete cascade,
  parent_id uuid references app_public.comments (id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index comments_post_idx on app_public.comments (post_id, created_at, id);
create index comments_parent_idx on app_public.comments (parent_id) where parent_id is not null;
create index comments_author_idx on app_public.comments (author_id, created_at desc);
alter table app_public.comments enable row level security;
comment on table app_public.comments is 'Comments on posts, and replies to comments. Visible with their post; deleting is soft.';
comment on column app_public.comments.post_id is 'The post commented on.';
comment on column app_public.comments.author_id is 'Who wrote it (the signed-in user).';
comment on column app_public.comments.parent_id is 'The comment this replies to, if any (same post).';
comment on column app_public.comments.body is 'Text, up to 1000 characters; @mentions are extracted.';
comment on column app_public.comments.created_at is 'When written.';
comment on column app_public.comments.updated_at is 'When last changed.';
comment on column app_public.comments.deleted_at is 'When deleted.';

create table app_public.comment_mentions (
  comment_id uuid not null references app_public.comments (id) on delete cascade,
  mentioned_id uuid not null references app_public.profiles (id) on delete cascade,
  primary key (comment_id, mentioned_id)
);
create index comment_mentions_mentioned_idx on app_public.comment_mentions (mentioned_id);
alter table app_public.comment_mentions enable row level security;
comment on table app_public.comment_mentions is 'Accounts @mentioned in each comment.';

create or replace function app_private.tg_comments__validate() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  max_length integer := app_private.setting('comment_max_length')::integer;
begin
  new.body := btrim(new.body);
  if new.body = '' then
    raise exception 'A comment needs some text' using errcode = 'INVAL';
  end if;
  if char_length(new.body) > max_length then
    raise exception 'A comment can be at most % characters', max_length using errcode = 'INVAL';
  end if;
  if tg_op = 'INSERT' and new.parent_id is not null
     and not exists (select 1 from app_public.comments c where c.id = new.parent_id and c.post_id = new.post_id and c.deleted_at is null) then
    raise exception 'You can only reply to a comment on the same post' using errcode = 'INVAL';
  end if;
  return new;
end;
$$;
create trigger _100_timestamps before insert or update on app_public.comments
  for each row execute function app_private.tg__timestamps();
create trigger _200_validate before insert or update of body, parent_id on app_public.comments
  for each row execute function app_private.tg_comments__validate();

create or replace function app_private.tg_comments__after() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    update app_public.posts set comments_count = comments_count + 1 where id = new.post_id;
  elsif old.deleted_at is null and new.deleted_at is not null then
    update app_public.posts set comments_count = comments_count - 1 where id = new.post_id;
  end if;
  if tg_op = 'INSERT' or new.body is distinct from old.body then
    delete from app_public.comment_mentions where comment_id = new.id;
    insert into app_public.comment_mentions (comment_id, mentioned_id)
      select new.id, p.id from app_public.profiles p
       where p.handle = any (app_private.extract_mentions(new.body)::citext[]) and p.id <> new.author_id;
  end if;
  return null;
end;
$$;
create trigger _400_after after insert or update on app_public.comments
  for each row execute function app_private.tg_comments__after();

create policy select_visible on app_public.comments for select using (
  deleted_at is null
  and exists (select 1 from app_public.posts p where p.id = post_id)
  and not (author_id = any ((select app_private.viewer_block_ids())::uuid[]))
);
create policy insert_own on app_public.comments for insert with check (
  author_id = (select auth.uid())
  and exists (select 1 from app_public.posts p where p.id = post_id and p.deleted_at is null)
  and not exists (select 1 from app_public.posts p where p.id = post_id and app_private.is_blocked_pair(p.author_id, (select auth.uid())))
);
create policy update_own on app_public.comments for update
  using (deleted_at is null) with check (author_id = (select auth.uid()));
create policy select_visible on app_public.comment_mentions for select using (exists (select 1 from app_public.comments c where c.id = comment_id));
grant select on app_public.comments, app_public.comment_mentions to anon, authenticated, service_role;
grant insert (post_id, parent_id, body) on app_public.comments to authenticated;
grant update (body) on app_public.comments to authenticated;

create or replace function app_public.delete_comment(comment_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  -- The comment's author, the post's author, or staff.
  update app_public.comments c set deleted_at = now()
   where c.id = comment_id and c.deleted_at is null
     and (c.author_id = me or auth.is_moderator()
          or exists (select 1 from app_public.posts p where p.id = c.post_id and p.author_id = me));
  if not found then
    raise exception 'No such comment you may delete' using errcode = 'NTFND';
  end if;
  return true;
end;
$$;
comment on function app_public.delete_comment(uuid) is 'Delete a comment: your own, or one on your post. Its replies stay.';

create table app_public.reposts (
  post_id uuid not null references app_public.posts (id) on delete cascade,
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (post_id, user_id)
);
create index reposts_user_idx on app_public.reposts (user_id, created_at desc, post_id);
alter table app_public.reposts enable row level security;
comment on table app_public.reposts is 'Reposts: a post shared to the reposter''s followers. Repost with `repostPost`, undo with `undoRepost`.';
comment on column app_public.reposts.created_at is 'When reposted.';

create or replace function app_private.tg_reposts__count() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    update app_public.posts set reposts_count = reposts_count + 1 where id = new.post_id;
  else
    update app_public.posts set reposts_count = reposts_count - 1 where id = old.post_id;
  end if;
  return null;
end;
$$;
create trigger _400_count after insert or delete on app_public.reposts
  for each row execute function app_private.tg_reposts__count();

create or replace function app_public.repost_post(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
begin
  -- Only what everyone may see can be shared on: someone else's public post of a public account.
  if p.author_id <> me and (p.audience <> 'public' or p.is_paid
                             or (select a.is_private from app_public.profiles a where a.id = p.author_id)) then
    raise exception 'This post cannot be reposted' using errcode = 'DNIED';
  end if;
  insert into app_public.reposts (post_id, user_id) values (p.id, me) on conflict do nothing;
  select * into p from app_public.posts where id = p.id;
  return p;
end;
$$;
comment on function app_public.repost_post(uuid) is
  'Repost a post you can see. Someone else''s post must be public (and its author''s account not private). Reposting again changes nothing.';

create or replace function app_public.undo_repost(post_id uuid) returns app_public.posts
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.posts;
begin
  delete from app_public.reposts r where r.post_id = undo_repost.post_id and r.user_id = app_private.require_user();
  select * into p from app_public.posts where id = undo_repost.post_id;
  if not found then
    raise exception 'No such post' using errcode = 'NTFND';
  end if;
  return p;
end;
$$;
comment on function app_public.undo_repost(uuid) is 'Take back your repost.';

create or replace function app_public.check_existing_repost(post_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app_public.reposts r where r.post_id = check_existing_repost.post_id and r.user_id = auth.uid())
$$;
comment on function app_public.check_existing_repost(uuid) is 'Whether you have reposted the post.';

create policy select_visible on app_public.reposts for select using (
  exists (select 1 from app_public.posts p where p.id = post_id)
  and not (user_id = any ((select app_private.viewer_block_ids())::uuid[]))
);
grant select on app_public.reposts to anon, authenticated, service_role;

create table app_public.bookmarks (
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  post_id uuid not null references app_public.posts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, post_id)
);
create index bookmarks_user_created_idx on app_public.bookmarks (user_id, created_at desc);
alter table app_public.bookmarks enable row level security;
comment on table app_public.bookmarks is 'Your saved posts; nobody else sees them.';
comment on column app_public.bookmarks.created_at is 'When saved.';

create policy select_own on app_public.bookmarks for select using (
  user_id = (select auth.uid()) and exists (select 1 from app_public.posts p where p.id = post_id)
);
grant select on app_public.bookmarks to authenticated, service_role;

create or replace function app_public.bookmark_post(post_id uuid) returns app_public.bookmarks
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.posts := app_private.require_visible_post(post_id);
  row app_public.bookmarks;
begin
  insert into app_public.bookmarks (user_id, post_id) values (me, p.id)
  on conflict on constraint bookmarks_pkey do update set created_at = app_public.bookmarks.created_at
  returning * into row;
  return row;
end;
$$;
comment on function app_public.bookmark_post(uuid) is 'Save a post you can see.';

create or replace function app_public.unbookmark_post(post_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.bookmarks b where b.user_id = app_private.require_user() and b.post_id = unbookmark_post.post_id returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.unbookmark_post(uuid) is 'Remove a saved post. True if it was saved.';

create table app_public.profile_likes (
  profile_id uuid not null references app_public.profiles (id) on delete cascade,
  liker_id uuid not null references app_public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (profile_id, liker_id),
  check (profile_id <> liker_id)
);
create index profile_likes_liker_idx on app_public.profile_likes (liker_id);
alter table app_public.profile_likes enable row level security;
comment on table app_public.profile_likes is 'Likes of profiles, one per liker. Like with `likeProfile`.';
comment on column app_public.profile_likes.created_at is 'When.';

create table app_private.profile_like_logs (
  id bigint generated always as identity primary key,
  profile_id uuid not null,
  liker_id uuid not null,
  action text not null check (action in ('like', 'unlike')),
  created_at timestamptz not null default now()
);
create index profile_like_logs_profile_idx on app_private.profile_like_logs (profile_id, created_at);
comment on table app_private.profile_like_logs is 'Every profile like and unlike, for analytics and fraud detection.';

create or replace function app_private.tg_profile_likes__count() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    update app_public.profiles set profile_likes_count = profile_likes_count + 1 where id = new.profile_id;
    insert into app_private.profile_like_logs (profile_id, liker_id, action) values (new.profile_id, new.liker_id, 'like');
  else
    update app_public.profiles set profile_likes_count = profile_likes_count - 1 where id = old.profile_id;
    insert into app_private.profile_like_logs (profile_id, liker_id, action) values (old.profile_id, old.liker_id, 'unlike');
  end if;
  return null;
end;
$$;
create trigger _400_count after insert or delete on app_public.profile_likes
  for each row execute function app_private.tg_profile_likes__count();

create or replace function app_public.increment_profile_likes(profile_id uuid) returns app_public.profiles
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  p app_public.profiles;
begin
  if profile_id = me then
    raise exception 'You cannot like your own profile' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles where id = profile_id) or app_private.is_blocked_pair(me, profile_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  insert into app_public.profile_likes (profile_id, liker_id) values (increment_profile_likes.profile_id, me) on conflict do nothing;
  select * into p from app_public.profiles where id = increment_profile_likes.profile_id;
  return p;
end;
$$;
comment on function app_public.increment_profile_likes(uuid) is E'@name likeProfile\nLike a profile, once. Returns it with its new count.';

create or replace function app_public.unlike_profile(profile_id uuid) returns app_public.profiles
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  p app_public.profiles;
begin
  delete from app_public.profile_likes l where l.profile_id = unlike_profile.profile_id and l.liker_id = app_private.require_user();
  select * into p from app_public.profiles where id = unlike_profile.profile_id;
  return p;
end;
$$;
comment on function app_public.unlike_profile(uuid) is 'Take back your like of a profile.';

create policy select_visible on app_public.profile_likes for select using (
  liker_id = (select auth.uid()) or profile_id = (select auth.uid())
);
grant select on app_public.profile_likes to authenticated, service_role;

--------------------------------------------------------------------------------
-- Verification (blue tick): users ask, staff decide.
--------------------------------------------------------------------------------
create type app_public.verification_status as enum ('pending', 'approved', 'rejected');
comment on type app_public.verification_status is 'Where a verification request stands.';

create table app_public.verification_requests (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  reason text not null check (char_length(reason) between 1 and 1000),
  status app_public.verification_status not null default 'pending',
  reviewed_by uuid references app_public.profiles (id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index verification_requests_one_pending on app_public.verification_requests (user_id) where status = 'pending';
create index verification_requests_pending_idx on app_public.verification_requests (created_at) where status = 'pending';
alter table app_public.verification_requests enable row level security;
comment on table app_public.verification_requests is 'Requests for the verified badge; their authors and staff see them.';
comment on column app_public.verification_requests.reason is 'Why the account should be verified.';
comment on column app_public.verification_requests.status is 'pending, approved or rejected.';
comment on column app_public.verification_requests.reviewed_by is 'The staff member who decided.';
comment on column app_public.verification_requests.reviewed_at is 'When it was decided.';
comment on column app_public.verification_requests.created_at is 'When asked.';

create policy select_own_or_staff on app_public.verification_requests for select using (
  user_id = (select auth.uid()) or (select auth.is_moderator())
);
grant select on app_public.verification_requests to authenticated, service_role;

create or replace function app_public.request_verification(reason text) returns app_public.verification_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  row app_public.verification_requests;
begin
  if (select is_verified from app_public.profiles where id = me) then
    raise exception 'Your account is already verified' using errcode = 'CONFL';
  end if;
  insert into app_public.verification_requests (user_id, reason) values (me, reason)
  on conflict (user_id) where status = 'pending' do nothing returning * into row;
  if row is null then
    raise exception 'You already have a pending request' using errcode = 'CONFL';
  end if;
  return row;
end;
$$;
comment on function app_public.request_verification(text) is 'Ask for the verified badge.';

create or replace function app_public.review_verification_request(request_id uuid, approve boolean) returns app_public.verification_requests
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  row app_public.verification_requests;
begin
  if not auth.is_moderator() then
    raise exception 'Only staff may review verification requests' using errcode = 'DNIED';
  end if;
  update app_public.verification_requests
     set status = case when approve then 'approved' else 'rejected' end::app_public.verification_status,
         reviewed_by = auth.uid(), reviewed_at = now()
   where id = request_id and status = 'pending'
  returning * into row;
  if row is null then
    raise exception 'No such pending request' using errcode = 'NTFND';
  end if;
  if approve then
    update app_public.profiles set is_verified = true where id = row.user_id;
  end if;
  return row;
end;
$$;
comment on function app_public.review_verification_request(uuid, boolean) is 'Staff: approve (the account gets the badge) or reject a verification request.';

--------------------------------------------------------------------------------
-- API shape: readable relation names; rows that only make sense under their
-- parent are reached through it, not from the root.
--------------------------------------------------------------------------------
comment on constraint followers_follower_id_fkey on app_public.followers is E'@fieldName follower\n@foreignFieldName following';
comment on constraint followers_following_id_fkey on app_public.followers is E'@fieldName followed\n@foreignFieldName followers';
comment on constraint blocked_users_blocker_id_fkey on app_public.blocked_users is E'@fieldName blocker\n@foreignFieldName blocks';
comment on constraint blocked_users_blocked_id_fkey on app_public.blocked_users is E'@fieldName blocked\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint mutes_muter_id_fkey on app_public.mutes is E'@fieldName muter\n@foreignFieldName mutes';
comment on constraint mutes_muted_id_fkey on app_public.mutes is E'@fieldName muted\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint profile_likes_profile_id_fkey on app_public.profile_likes is E'@fieldName profile\n@foreignFieldName likesReceived';
comment on constraint profile_likes_liker_id_fkey on app_public.profile_likes is E'@fieldName liker\n@foreignFieldName profileLikesGiven';

do $$
declare
  t text;
begin
  foreach t in array array['post_edits', 'post_media', 'post_hashtags', 'post_mentions', 'comment_mentions',
                           'likes', 'reposts', 'followers', 'profile_likes', 'profile_details'] loop
    execute format(
      'comment on table app_public.%I is %L',
      t,
      E'@behavior -query:resource:connection -query:resource:list -query:resource:single\n'
        || (select obj_description(format('app_public.%I', t)::regclass, 'pg_class'))
    );
  end loop;
end
$$;

comment on column app_public.posts.id is 'The post''s id.';
comment on column app_public.post_edits.id is 'The version''s id.';
comment on column app_public.post_edits.post_id is 'The post edited.';
comment on column app_public.post_media.id is 'The attachment''s id.';
comment on column app_public.post_media.post_id is 'The post it belongs to.';
comment on column app_public.post_hashtags.post_id is 'The post.';
comment on column app_public.post_hashtags.hashtag_id is 'The hashtag.';
comment on column app_public.post_mentions.post_id is 'The post.';
comment on column app_public.post_mentions.mentioned_id is 'The account mentioned.';
comment on column app_public.hashtags.id is 'The hashtag''s id.';
comment on column app_public.profile_details.profile_id is 'The profile these details belong to.';
comment on column app_public.user_settings.user_id is 'Whose settings.';
comment on column app_public.likes.post_id is 'The post liked.';
comment on column app_public.likes.user_id is 'Who liked it.';
comment on column app_public.comments.id is 'The comment''s id.';
comment on column app_public.comment_mentions.comment_id is 'The comment.';
comment on column app_public.comment_mentions.mentioned_id is 'The account mentioned.';
comment on column app_public.reposts.post_id is 'The post reposted.';
comment on column app_public.reposts.user_id is 'Who reposted it.';
comment on column app_public.bookmarks.user_id is 'Whose bookmark.';
comment on column app_public.bookmarks.post_id is 'The post saved.';
comment on column app_public.profile_likes.profile_id is 'The profile liked.';
comment on column app_public.profile_likes.liker_id is 'Who liked it.';
comment on column app_public.verification_requests.id is 'The request''s id.';
comment on column app_public.verification_requests.user_id is 'Who asked.';
