--! Previous: sha1:3548244458a84a344eed4ac7e799fbc5902c794e
--! Hash: sha1:afa29a4a3eed8ca8a777662e27fef25952b8596b
--! Message: notifications

--------------------------------------------------------------------------------
-- Notifications, written in the database. Every notification goes through
-- one entry point, app_private.notify(), which applies the recipient's
-- per-type preferences, blocks, mutes and post visibility, groups repeated
-- events, tells the recipient in real time (NOTIFY on `notifications:<user
-- id>`) and queues exactly one push job per new notification
-- (task notification__push). Triggers on the social tables call it; other
-- domains (messages, money) call it from their own functions.
--------------------------------------------------------------------------------

-- Idempotent for `graphile-migrate watch`: drop what this file creates.
drop trigger if exists _350_notify on app_public.comments;
drop trigger if exists _500_notify on app_public.followers;
drop trigger if exists _500_notify on app_public.likes;
drop trigger if exists _500_notify on app_public.reposts;
drop trigger if exists _500_notify on app_public.post_mentions;
drop trigger if exists _500_notify on app_public.comment_mentions;
drop table if exists app_private.notification_pushes, app_private.notification_actors, app_public.notifications cascade;
drop type if exists app_public.notification_type cascade;
drop function if exists app_private.notify(uuid, app_public.notification_type, uuid, uuid, uuid, jsonb),
  app_private.notification_group_key(app_public.notification_type, uuid, jsonb),
  app_private.notification_push_payload(uuid), app_private.record_notification_push(uuid),
  app_private.tg_followers__notify(), app_private.tg_likes__notify(), app_private.tg_reposts__notify(),
  app_private.tg_comments__notify(), app_private.tg_post_mentions__notify(), app_private.tg_comment_mentions__notify(),
  app_public.notifications_actors(app_public.notifications), app_public.unread_notification_count(),
  app_public.mark_notification_read(uuid), app_public.mark_all_notifications_read(), app_public.delete_notification(uuid) cascade;

create type app_public.notification_type as enum (
  'follow', 'follow_request', 'follow_approved', 'like', 'comment', 'reply', 'mention', 'repost', 'message', 'money'
);
comment on type app_public.notification_type is
  'What a notification is about. Each type can be turned off in `UserSetting.notificationPreferences` ({"like": false}).';

create table app_public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references app_public.profiles (id) on delete cascade,
  type app_public.notification_type not null,
  actor_id uuid references app_public.profiles (id) on delete cascade,
  actor_ids uuid[] not null default '{}',
  actor_count integer not null default 0 check (actor_count >= 0),
  event_count integer not null default 1 check (event_count >= 1),
  post_id uuid references app_public.posts (id) on delete cascade,
  comment_id uuid references app_public.comments (id) on delete cascade,
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  group_key text,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Your list, latest activity first (keyset cursors on updated_at, id).
create index notifications_recipient_updated_idx on app_public.notifications (recipient_id, updated_at desc, id desc);
create index notifications_unread_idx on app_public.notifications (recipient_id) where read_at is null;
-- One open (unread) group per recipient and key: repeated events join it.
create unique index notifications_open_group_idx on app_public.notifications (recipient_id, group_key)
  where read_at is null and group_key is not null;
create index notifications_actor_idx on app_public.notifications (actor_id) where actor_id is not null;
create index notifications_post_idx on app_public.notifications (post_id) where post_id is not null;
create index notifications_comment_idx on app_public.notifications (comment_id) where comment_id is not null;
alter table app_public.notifications enable row level security;

comment on table app_public.notifications is
  E'@behavior -query:resource:single\nYour notifications. Created by the database when something happens to you; repeated likes, reposts, follows and messages join one unread notification ("12 people liked your post"). List with `notifications(orderBy: UPDATED_AT_DESC)`.';
comment on column app_public.notifications.id is 'The notification''s id.';
comment on column app_public.notifications.recipient_id is 'Whose notification (always you).';
comment on column app_public.notifications.type is 'What happened.';
comment on column app_public.notifications.actor_id is 'Who did it most recently (null for system events such as money).';
comment on column app_public.notifications.actor_ids is E'@behavior -select -filterBy -orderBy\nThe latest distinct actors, most recent first (at most 3); read them as `actors`.';
comment on column app_public.notifications.actor_count is 'How many different accounts took part (0 for system events).';
comment on column app_public.notifications.event_count is 'How many events this notification stands for (likes, messages, …).';
comment on column app_public.notifications.post_id is 'The post concerned, if any.';
comment on column app_public.notifications.comment_id is 'The comment concerned, if any.';
comment on column app_public.notifications.data is E'Details by type: `conversation_id` and `message_id` for messages; amount, currency and reason for money events.';
comment on column app_public.notifications.group_key is E'@behavior -select -filterBy -orderBy\nRepeated events with the same key join one unread notification.';
comment on column app_public.notifications.read_at is 'When you read it; null while unread.';
comment on column app_public.notifications.created_at is 'When it was created.';
comment on column app_public.notifications.updated_at is E'@behavior +orderBy\nWhen the latest event joined it.';

-- Distinct actors of each notification, so that a grouped notification counts people, not events.
create table app_private.notification_actors (
  notification_id uuid not null references app_public.notifications (id) on delete cascade,
  actor_id uuid not null,
  primary key (notification_id, actor_id)
);
comment on table app_private.notification_actors is 'Every distinct actor of each notification (actor_count counts them).';

-- Pushes done: one row per notification, so a push is never sent twice.
create table app_private.notification_pushes (
  notification_id uuid primary key references app_public.notifications (id) on delete cascade,
  pushed_at timestamptz not null default now()
);
comment on table app_private.notification_pushes is 'Notifications already handed to the push adapter (never pushed again).';

create policy select_own on app_public.notifications for select using (
  recipient_id = (select auth.uid())
  and (actor_id is null or not (actor_id = any ((select app_private.viewer_block_ids())::uuid[])))
);
grant select on app_public.notifications to authenticated, service_role;

--------------------------------------------------------------------------------
-- The entry point
--------------------------------------------------------------------------------
create or replace function app_private.notification_group_key(type app_public.notification_type, post_id uuid, data jsonb) returns text
  language sql immutable
as $$
  select case
    when type in ('like', 'repost') and post_id is not null then type::text || ':' || post_id
    when type = 'follow' then 'follow'
    when type = 'message' and data ? 'conversation_id' then 'message:' || (data ->> 'conversation_id')
  end
$$;
comment on function app_private.notification_group_key(app_public.notification_type, uuid, jsonb) is
  'Which events group: likes and reposts of one post, follows, messages of one conversation. Null: never grouped.';

/*
 * THE way to notify someone (see docs/notifications.md). Returns the
 * notification's id (new, or the unread group the event joined), or null when
 * nothing was created:
 *   - the recipient is the actor, or turned the type off
 *     (user_settings.notification_preferences ->> type = 'false');
 *   - actor and recipient are blocked either way, or the recipient mutes the actor;
 *   - the recipient may not see the post concerned.
 * A new notification queues one push job (job key notification__push:<id>);
 * an event joining an unread group updates it (count, latest actors) without a
 * second push. Either way the recipient's channel `notifications:<id>` gets
 * {"event": "created" | "updated", "notification_id": …} at commit.
 * SECURITY DEFINER: called from triggers and functions acting for a request
 * role, it writes rows of another user and queues jobs.
 */
create or replace function app_private.notify(
  recipient_id uuid,
  type app_public.notification_type,
  actor_id uuid default null,
  post_id uuid default null,
  comment_id uuid default null,
  data jsonb default '{}'
) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  key text := app_private.notification_group_key(type, post_id, coalesce(data, '{}'));
  nid uuid;
  created boolean;
  new_actor boolean := false;
begin
  if recipient_id is null or type is null then
    raise exception 'notify needs a recipient and a type' using errcode = 'INVAL';
  end if;
  if recipient_id = actor_id then
    return null;
  end if;
  if exists (select 1 from app_public.user_settings s
              where s.user_id = notify.recipient_id and s.notification_preferences ->> notify.type::text = 'false') then
    return null;
  end if;
  if actor_id is not null and (
       app_private.is_blocked_pair(actor_id, recipient_id)
       or exists (select 1 from app_public.mutes m
                   where m.muter_id = notify.recipient_id and m.muted_id = notify.actor_id
                     and (m.expires_at is null or m.expires_at > now()))) then
    return null;
  end if;
  if post_id is not null and not app_public.can_see_post(recipient_id, post_id) then
    return null;
  end if;

  insert into app_public.notifications as o (recipient_id, type, actor_id, actor_ids, actor_count, post_id, comment_id, data, group_key)
  values (recipient_id, type, actor_id, case when actor_id is null then '{}' else array[actor_id] end,
          case when actor_id is null then 0 else 1 end, post_id, comment_id, coalesce(data, '{}'), key)
  on conflict (recipient_id, group_key) where read_at is null and group_key is not null do update
    set actor_id = coalesce(excluded.actor_id, o.actor_id),
        actor_ids = case when excluded.actor_id is null then o.actor_ids
                         else (array_prepend(excluded.actor_id, array_remove(o.actor_ids, excluded.actor_id)))[1:3] end,
        event_count = o.event_count + 1,
        comment_id = coalesce(excluded.comment_id, o.comment_id),
        data = o.data || excluded.data,
        updated_at = greatest(now(), o.updated_at + interval '1 microsecond')
  returning o.id, (o.xmax = 0) into nid, created;

  if actor_id is not null then
    insert into app_private.notification_actors (notification_id, actor_id) values (nid, actor_id) on conflict do nothing;
    new_actor := found;
  end if;
  if created then
    perform app_private.add_job('notification__push', json_build_object('id', nid), job_key := 'notification__push:' || nid, max_attempts := 10);
  elsif new_actor then
    update app_public.notifications o set actor_count = o.actor_count + 1 where o.id = nid;
  end if;
  perform pg_notify('notifications:' || recipient_id,
                    json_build_object('event', case when created then 'created' else 'updated' end, 'notification_id', nid)::text);
  return nid;
end;
$$;
comment on function app_private.notify(uuid, app_public.notification_type, uuid, uuid, uuid, jsonb) is
  'The one entry point for notifications: preferences, blocks, mutes, post visibility, grouping, real-time event, one push job. Returns the notification id, or null when none is due.';

--------------------------------------------------------------------------------
-- Events of the social core
--------------------------------------------------------------------------------
-- SECURITY DEFINER (all triggers below): notify() is not executable by request roles.
create or replace function app_private.tg_followers__notify() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    perform app_private.notify(new.following_id,
      case when new.status = 'pending' then 'follow_request' else 'follow' end::app_public.notification_type, new.follower_id);
  elsif tg_op = 'UPDATE' and old.status = 'pending' and new.status = 'approved' then
    perform app_private.notify(new.follower_id, 'follow_approved', new.following_id);
  end if;
  -- A request answered or withdrawn is no longer news.
  if tg_op = 'DELETE' and old.status = 'pending' or tg_op = 'UPDATE' and new.status = 'approved' then
    delete from app_public.notifications n
     where n.recipient_id = old.following_id and n.type = 'follow_request' and n.actor_id = old.follower_id;
  end if;
  return null;
end;
$$;
create trigger _500_notify after insert or update of status or delete on app_public.followers
  for each row execute function app_private.tg_followers__notify();

create or replace function app_private.tg_likes__notify() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.notify(p.author_id, 'like', new.user_id, new.post_id) from app_public.posts p where p.id = new.post_id;
  return null;
end;
$$;
create trigger _500_notify after insert on app_public.likes
  for each row execute function app_private.tg_likes__notify();

create or replace function app_private.tg_reposts__notify() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app_private.notify(p.author_id, 'repost', new.user_id, new.post_id) from app_public.posts p where p.id = new.post_id;
  return null;
end;
$$;
create trigger _500_notify after insert on app_public.reposts
  for each row execute function app_private.tg_reposts__notify();

-- A reply notifies the author of the comment replied to; a comment the post's
-- author (unless that author already got the reply). Runs before the mention
-- extraction (_400_after), so a mention does not notify twice.
create or replace function app_private.tg_comments__notify() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  post_author uuid := (select p.author_id from app_public.posts p where p.id = new.post_id);
  parent_author uuid := (select c.author_id from app_public.comments c where c.id = new.parent_id);
begin
  if parent_author is not null then
    perform app_private.notify(parent_author, 'reply', new.author_id, new.post_id, new.id);
  end if;
  if parent_author is distinct from post_author then
    perform app_private.notify(post_author, 'comment', new.author_id, new.post_id, new.id);
  end if;
  return null;
end;
$$;
create trigger _350_notify after insert on app_public.comments
  for each row execute function app_private.tg_comments__notify();

-- Mentions: once per post or comment (edits re-extract mentions), and not on
-- top of a comment or reply notification for the same comment.
create or replace function app_private.tg_post_mentions__notify() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if not exists (select 1 from app_public.notifications n
                  where n.recipient_id = new.mentioned_id and n.type = 'mention' and n.post_id = new.post_id and n.comment_id is null) then
    perform app_private.notify(new.mentioned_id, 'mention', p.author_id, new.post_id) from app_public.posts p where p.id = new.post_id;
  end if;
  return null;
end;
$$;
create trigger _500_notify after insert on app_public.post_mentions
  for each row execute function app_private.tg_post_mentions__notify();

create or replace function app_private.tg_comment_mentions__notify() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if not exists (select 1 from app_public.notifications n where n.recipient_id = new.mentioned_id and n.comment_id = new.comment_id) then
    perform app_private.notify(new.mentioned_id, 'mention', c.author_id, c.post_id, c.id) from app_public.comments c where c.id = new.comment_id;
  end if;
  return null;
end;
$$;
create trigger _500_notify after insert on app_public.comment_mentions
  for each row execute function app_private.tg_comment_mentions__notify();

--------------------------------------------------------------------------------
-- Reading and managing your notifications
--------------------------------------------------------------------------------
create or replace function app_public.notifications_actors(n app_public.notifications) returns setof app_public.profiles
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select p.* from unnest(n.actor_ids) with ordinality a(id, i) join app_public.profiles p on p.id = a.id order by a.i
$$;
comment on function app_public.notifications_actors(app_public.notifications) is
  E'@fieldName actors\nThe latest accounts who took part (up to 3), most recent first.';

create or replace function app_public.unread_notification_count() returns integer
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select count(*)::integer from app_public.notifications n where n.recipient_id = auth.uid() and n.read_at is null $$;
comment on function app_public.unread_notification_count() is 'How many of your notifications are unread.';

create or replace function app_public.mark_notification_read(notification_id uuid) returns app_public.notifications
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  n app_public.notifications;
begin
  update app_public.notifications o set read_at = coalesce(o.read_at, now())
   where o.id = notification_id and o.recipient_id = app_private.require_user()
  returning * into n;
  if n is null then
    raise exception 'No such notification' using errcode = 'NTFND';
  end if;
  return n;
end;
$$;
comment on function app_public.mark_notification_read(uuid) is 'Mark one of your notifications read.';

create or replace function app_public.mark_all_notifications_read() returns integer
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with u as (
    update app_public.notifications o set read_at = now()
     where o.recipient_id = app_private.require_user() and o.read_at is null
    returning 1
  ) select count(*)::integer from u
$$;
comment on function app_public.mark_all_notifications_read() is 'Mark all your notifications read; returns how many were unread.';

create or replace function app_public.delete_notification(notification_id uuid) returns boolean
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  with d as (
    delete from app_public.notifications o where o.id = notification_id and o.recipient_id = app_private.require_user() returning 1
  ) select exists (select 1 from d)
$$;
comment on function app_public.delete_notification(uuid) is 'Delete one of your notifications. True if it existed.';

--------------------------------------------------------------------------------
-- Push dispatch (task notification__push): what to push, and that it was pushed.
--------------------------------------------------------------------------------
create or replace function app_private.notification_push_payload(notification_id uuid) returns json
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select json_build_object(
           'notification_id', n.id, 'recipient_id', n.recipient_id, 'type', n.type,
           'actor_handle', a.handle, 'actor_count', n.actor_count, 'event_count', n.event_count,
           'post_id', n.post_id, 'comment_id', n.comment_id, 'data', n.data)
    from app_public.notifications n
    left join app_public.profiles a on a.id = n.actor_id
   where n.id = notification_id
     and n.read_at is null
     and not exists (select 1 from app_private.notification_pushes x where x.notification_id = n.id)
$$;
comment on function app_private.notification_push_payload(uuid) is
  'What the push adapter sends for a notification; null when there is nothing to push (gone, read, or pushed already).';

create or replace function app_private.record_notification_push(notification_id uuid) returns boolean
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  with i as (
    insert into app_private.notification_pushes (notification_id)
    select n.id from app_public.notifications n where n.id = record_notification_push.notification_id
    on conflict do nothing returning 1
  ) select exists (select 1 from i)
$$;
comment on function app_private.record_notification_push(uuid) is 'Record that a notification was pushed; false if it already was (or is gone).';

-- Notifications are reached from the root (`notifications`), not from profiles, posts or comments.
comment on constraint notifications_recipient_id_fkey on app_public.notifications is
  E'@fieldName recipient\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint notifications_actor_id_fkey on app_public.notifications is
  E'@fieldName actor\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint notifications_post_id_fkey on app_public.notifications is
  E'@fieldName post\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint notifications_comment_id_fkey on app_public.notifications is
  E'@fieldName comment\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
