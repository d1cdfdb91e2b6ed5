--! Previous: sha1:afa29a4a3eed8ca8a777662e27fef25952b8596b
--! Hash: sha1:b465d5b24531167a75fa63e866595c55c775d73c
--! Message: messaging

--------------------------------------------------------------------------------
-- Direct messages: one-to-one conversations (tables ready for groups),
-- bodies encrypted at rest, read receipts, expiry 24 hours after reading.
--
-- Encryption: pgcrypto (OpenPGP symmetric, AES-256, no compression). The
-- keys are never stored in the database: the server hands them to each
-- request's transaction as the transaction-local setting `app.message_keys`
-- = {"current": "<key id>", "keys": {"<key id>": "<secret>", …}} (from
-- MESSAGE_ENCRYPTION_KEY and MESSAGE_ENCRYPTION_OLD_KEYS). Each message keeps
-- the id of the key it was encrypted with, so keys can rotate.
--
-- Sending, reading and deleting go through SECURITY DEFINER functions acting
-- as auth.uid(); request roles may only SELECT, under RLS: a conversation,
-- its participants and its messages are visible to its participants only.
--------------------------------------------------------------------------------

-- Idempotent for `graphile-migrate watch`: drop what this file creates.
drop table if exists app_public.messages, app_public.conversation_participants, app_public.conversations cascade;
drop function if exists app_private.message_key(text), app_private.encrypt_message_body(text),
  app_private.encrypt_with_key(text, text), app_private.reencrypt_messages(integer),
  app_private.viewer_conversation_ids(), app_private.tg_messages__created(),
  app_public.generate_conversation_id(uuid, uuid), app_public.can_message_user(uuid, uuid),
  app_public.send_message(uuid, text), app_public.mark_conversation_read(uuid), app_public.delete_message(uuid),
  app_public.delete_conversation(uuid), app_public.delete_expired_messages(),
  app_public.messages_body(app_public.messages), app_public.conversations_last_message(app_public.conversations),
  app_public.conversations_unread_count(app_public.conversations), app_public.conversations_peer(app_public.conversations) cascade;

insert into app_private.settings (key, value, description) values
  ('message_max_length', '2000', 'Longest direct message, in characters'),
  ('message_expiry_hours', '24', 'Hours after the recipient read a message until it expires (and is deleted)')
on conflict (key) do nothing;

--------------------------------------------------------------------------------
-- Tables
--------------------------------------------------------------------------------
create table app_public.conversations (
  id uuid primary key,
  is_group boolean not null default false,
  created_at timestamptz not null default now(),
  last_message_at timestamptz
);
create index conversations_last_message_idx on app_public.conversations (last_message_at desc, id desc);
alter table app_public.conversations enable row level security;
comment on table app_public.conversations is
  'Your conversations; list them newest first with `conversations(orderBy: LAST_MESSAGE_AT_DESC)`. A one-to-one conversation''s id is `generateConversationId(a, b)`.';
comment on column app_public.conversations.id is 'The conversation''s id (for two people: generate_conversation_id of the pair).';
comment on column app_public.conversations.is_group is 'A group conversation (not offered yet; every conversation has two participants).';
comment on column app_public.conversations.created_at is 'When the first message was sent.';
comment on column app_public.conversations.last_message_at is 'When the latest message was sent.';

create table app_public.conversation_participants (
  conversation_id uuid not null references app_public.conversations (id) on delete cascade,
  user_id uuid not null references app_public.profiles (id) on delete cascade,
  joined_at timestamptz not null default now(),
  last_read_at timestamptz,
  last_sent_at timestamptz,
  cleared_at timestamptz,
  primary key (conversation_id, user_id)
);
create index conversation_participants_user_idx on app_public.conversation_participants (user_id, conversation_id);
alter table app_public.conversation_participants enable row level security;
comment on table app_public.conversation_participants is E'@behavior -query:resource:connection -query:resource:list -query:resource:single\nWho takes part in each conversation; its participants see them.';
comment on column app_public.conversation_participants.conversation_id is 'The conversation.';
comment on column app_public.conversation_participants.user_id is 'The participant.';
comment on column app_public.conversation_participants.joined_at is 'When they joined.';
comment on column app_public.conversation_participants.last_read_at is 'When they last read the conversation (a read receipt).';
comment on column app_public.conversation_participants.last_sent_at is 'When they last sent a message in it.';
comment on column app_public.conversation_participants.cleared_at is E'@behavior -select -filterBy -orderBy -insert -update\nThey deleted their copy of the conversation up to this time (not shown: the other participant need not know).';

create table app_public.messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references app_public.conversations (id) on delete cascade,
  sender_id uuid not null references app_public.profiles (id) on delete cascade,
  ciphertext bytea not null,
  key_id text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  hidden_for uuid[] not null default '{}'
);
create index messages_conversation_created_idx on app_public.messages (conversation_id, created_at desc, id desc);
create index messages_unread_idx on app_public.messages (conversation_id, sender_id) where read_at is null;
create index messages_read_idx on app_public.messages (read_at) where read_at is not null;
create index messages_sender_idx on app_public.messages (sender_id);
alter table app_public.messages enable row level security;
comment on table app_public.messages is
  E'@behavior -query:resource:connection -query:resource:list\nDirect messages, read through their conversation (`Conversation.messages`, newest first with `orderBy: CREATED_AT_DESC`). Send with `sendMessage`. A message expires 24 hours after its recipient read it.';
comment on column app_public.messages.id is 'The message''s id.';
comment on column app_public.messages.conversation_id is 'The conversation.';
comment on column app_public.messages.sender_id is 'Who sent it.';
comment on column app_public.messages.ciphertext is E'@behavior -select -filterBy -orderBy -insert -update\nThe body, encrypted (pgcrypto, AES-256); read it as `body`.';
comment on column app_public.messages.key_id is E'@behavior -select -filterBy -orderBy -insert -update\nWhich configured key encrypted the body.';
comment on column app_public.messages.created_at is E'@behavior +orderBy\nWhen it was sent.';
comment on column app_public.messages.read_at is 'When the recipient read it (a read receipt); it expires 24 hours later.';
comment on column app_public.messages.hidden_for is E'@behavior -select -filterBy -orderBy -insert -update\nParticipants who deleted their copy.';

--------------------------------------------------------------------------------
-- Keys (from the transaction's settings, never from a table) and encryption
--------------------------------------------------------------------------------
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
  'The secret of a message key, from the transaction setting app.message_keys that the server sets; null for an unknown key id.';

create or replace function app_private.encrypt_with_key(body text, key text) returns bytea
  language sql volatile strict
  set search_path = pg_catalog, pg_temp
as $$ select public.pgp_sym_encrypt(body, key, 'cipher-algo=aes256, compress-algo=0, s2k-mode=1, s2k-digest-algo=sha256') $$;
comment on function app_private.encrypt_with_key(text, text) is
  'OpenPGP symmetric encryption, AES-256, no compression (its length would leak content); the key is random, so no slow key stretching.';

create or replace function app_private.encrypt_message_body(body text, out key_id text, out ciphertext bytea)
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
begin
  key_id := nullif(current_setting('app.message_keys', true), '')::jsonb ->> 'current';
  if app_private.message_key(key_id) is null then
    raise exception 'No current message encryption key' using errcode = 'internal_error';
  end if;
  ciphertext := app_private.encrypt_with_key(body, app_private.message_key(key_id));
end;
$$;
comment on function app_private.encrypt_message_body(text) is 'Encrypt a message body with the current key; returns the key id and the ciphertext.';

-- Completing a rotation (task messages__reencrypt): messages under an older,
-- still configured key are encrypted again under the current one, a batch at
-- a time; concurrent runs skip each other's rows. Returns how many it did.
create or replace function app_private.reencrypt_messages(max_rows integer default 500) returns integer
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  current_id text := nullif(current_setting('app.message_keys', true), '')::jsonb ->> 'current';
  n integer;
begin
  if app_private.message_key(current_id) is null then
    raise exception 'No current message encryption key' using errcode = 'internal_error';
  end if;
  with batch as (
    select m.id, m.ciphertext, m.key_id from app_public.messages m
     where m.key_id <> current_id and app_private.message_key(m.key_id) is not null
     limit max_rows
       for update skip locked
  ), u as (
    update app_public.messages m
       set ciphertext = app_private.encrypt_with_key(public.pgp_sym_decrypt(b.ciphertext, app_private.message_key(b.key_id)),
                                                     app_private.message_key(current_id)),
           key_id = current_id
      from batch b where m.id = b.id
    returning 1
  ) select count(*)::integer into n from u;
  return n;
end;
$$;
comment on function app_private.reencrypt_messages(integer) is
  'Re-encrypt up to max_rows messages from older configured keys under the current key (keys from the transaction setting app.message_keys).';

create or replace function app_public.messages_body(m app_public.messages) returns text
  language sql stable
as $$ select public.pgp_sym_decrypt(m.ciphertext, app_private.message_key(m.key_id)) $$;
comment on function app_public.messages_body(app_public.messages) is
  'The message text (decrypted for you; null if its key has been retired).';

--------------------------------------------------------------------------------
-- Rules
--------------------------------------------------------------------------------
create or replace function app_public.generate_conversation_id(a uuid, b uuid) returns uuid
  language sql immutable strict
  set search_path = pg_catalog, pg_temp
as $$ select md5('pgsocial direct conversation:' || least(a, b)::text || ':' || greatest(a, b)::text)::uuid $$;
comment on function app_public.generate_conversation_id(uuid, uuid) is
  'The id of the one-to-one conversation of two users: the same whichever order they are given in.';

create or replace function app_public.can_message_user(sender_id uuid, recipient_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when can_message_user.sender_id is null or can_message_user.recipient_id is null
      or can_message_user.sender_id = can_message_user.recipient_id then false
    when app_private.is_blocked_pair(can_message_user.sender_id, can_message_user.recipient_id) then false
    -- A reply: the recipient has written to the sender before.
    when exists (select 1 from app_public.conversation_participants cp
                  where cp.conversation_id = app_public.generate_conversation_id(can_message_user.sender_id, can_message_user.recipient_id)
                    and cp.user_id = can_message_user.recipient_id and cp.last_sent_at is not null) then true
    else coalesce((
      select case s.message_permission
        when 'everyone' then true
        when 'followers' then app_private.follows(can_message_user.sender_id, can_message_user.recipient_id)
        when 'mutuals' then app_private.follows(can_message_user.sender_id, can_message_user.recipient_id)
                        and app_private.follows(can_message_user.recipient_id, can_message_user.sender_id)
        else false
      end
      from app_public.user_settings s where s.user_id = can_message_user.recipient_id), false)
  end
$$;
comment on function app_public.can_message_user(uuid, uuid) is
  'Whether the sender may message the recipient: by the recipient''s `messagePermission` (everyone, followers, mutuals, nobody), or as a reply to someone who wrote to the sender; never across a block.';

-- Conversations I take part in and have not cleared since their last message.
create or replace function app_private.viewer_conversation_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(array_agg(p.conversation_id), '{}')
    from app_public.conversation_participants p join app_public.conversations c on c.id = p.conversation_id
   where p.user_id = auth.uid() and (p.cleared_at is null or c.last_message_at > p.cleared_at)
$$;
comment on function app_private.viewer_conversation_ids() is 'The current user''s conversations (not cleared since their last message), for the policies.';

create policy select_participant on app_public.conversations for select using (
  id = any ((select app_private.viewer_conversation_ids())::uuid[])
);
create policy select_participant on app_public.conversation_participants for select using (
  conversation_id = any ((select app_private.viewer_conversation_ids())::uuid[])
);
-- Messages: of my conversations, not deleted by me, not before I cleared the
-- conversation, not expired (read longer ago than message_expiry_hours).
create policy select_participant on app_public.messages for select using (
  conversation_id = any ((select app_private.viewer_conversation_ids())::uuid[])
  and not ((select auth.uid()) = any (hidden_for))
  and (read_at is null or read_at > now() - (select make_interval(hours => app_private.setting('message_expiry_hours')::integer)))
  and created_at > coalesce((select cp.cleared_at from app_public.conversation_participants cp
                              where cp.conversation_id = messages.conversation_id and cp.user_id = (select auth.uid())), '-infinity')
);
grant select on app_public.conversations, app_public.conversation_participants, app_public.messages to authenticated, service_role;
grant execute on function app_private.message_key(text), app_private.viewer_conversation_ids() to authenticated, service_role;

--------------------------------------------------------------------------------
-- Send, read, delete
--------------------------------------------------------------------------------
create or replace function app_public.send_message(recipient_id uuid, body text) returns app_public.messages
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  text_ text := btrim(coalesce(body, ''));
  max_length integer := app_private.setting('message_max_length')::integer;
  conversation uuid;
  enc record;
  m app_public.messages;
begin
  if text_ = '' then
    raise exception 'A message needs some text' using errcode = 'INVAL';
  end if;
  if char_length(text_) > max_length then
    raise exception 'A message can be at most % characters (this one has %)', max_length, char_length(text_) using errcode = 'INVAL';
  end if;
  if recipient_id = me then
    raise exception 'You cannot message yourself' using errcode = 'INVAL';
  end if;
  if not exists (select 1 from app_public.profiles p where p.id = send_message.recipient_id)
     or app_private.is_blocked_pair(me, recipient_id) then
    raise exception 'No such account' using errcode = 'NTFND';
  end if;
  if not app_public.can_message_user(me, recipient_id) then
    raise exception 'This account does not accept messages from you' using errcode = 'DNIED';
  end if;

  conversation := app_public.generate_conversation_id(me, recipient_id);
  insert into app_public.conversations as c (id, last_message_at) values (conversation, now())
  on conflict (id) do update set last_message_at = now();
  insert into app_public.conversation_participants (conversation_id, user_id)
  values (conversation, me), (conversation, recipient_id) on conflict do nothing;
  update app_public.conversation_participants p set last_sent_at = now() where p.conversation_id = conversation and p.user_id = me;

  select * into enc from app_private.encrypt_message_body(text_);
  insert into app_public.messages (conversation_id, sender_id, ciphertext, key_id)
  values (conversation, me, enc.ciphertext, enc.key_id)
  returning * into m;
  return m;
end;
$$;
comment on function app_public.send_message(uuid, text) is
  'Send a direct message (up to 2000 characters) to someone who accepts messages from you (`canMessageUser`). Starts the conversation if needed.';

-- A new message: real-time event to every participant (`messages:<user id>`),
-- and a notification to the others. SECURITY DEFINER: notify() is private.
create or replace function app_private.tg_messages__created() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform pg_notify('messages:' || p.user_id,
                    json_build_object('event', 'message_created', 'conversation_id', new.conversation_id, 'message_id', new.id)::text)
     from app_public.conversation_participants p where p.conversation_id = new.conversation_id;
  perform app_private.notify(p.user_id, 'message', new.sender_id,
                             data := jsonb_build_object('conversation_id', new.conversation_id, 'message_id', new.id))
     from app_public.conversation_participants p where p.conversation_id = new.conversation_id and p.user_id <> new.sender_id;
  return null;
end;
$$;
create trigger _500_created after insert on app_public.messages
  for each row execute function app_private.tg_messages__created();

create or replace function app_public.mark_conversation_read(conversation_id uuid) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  n integer;
  senders uuid[];
begin
  perform 1 from app_public.conversation_participants p
   where p.conversation_id = mark_conversation_read.conversation_id and p.user_id = me for update;
  if not found then
    raise exception 'No such conversation' using errcode = 'NTFND';
  end if;
  with r as (
    update app_public.messages m set read_at = now()
     where m.conversation_id = mark_conversation_read.conversation_id and m.sender_id <> me and m.read_at is null
       and not (me = any (m.hidden_for))
    returning m.sender_id
  ) select count(*)::integer, coalesce(array_agg(distinct r.sender_id), '{}') into n, senders from r;
  update app_public.conversation_participants p set last_read_at = now()
   where p.conversation_id = mark_conversation_read.conversation_id and p.user_id = me;
  -- The conversation's message notification is read too.
  update app_public.notifications o set read_at = now()
   where o.recipient_id = me and o.group_key = 'message:' || mark_conversation_read.conversation_id and o.read_at is null;
  -- Read receipts, in real time, to the senders (and my other devices).
  if n > 0 then
    perform pg_notify('messages:' || u,
                      json_build_object('event', 'messages_read', 'conversation_id', mark_conversation_read.conversation_id,
                                        'reader_id', me, 'read_at', now())::text)
       from unnest(array_append(senders, me)) u;
  end if;
  return n;
end;
$$;
comment on function app_public.mark_conversation_read(uuid) is
  'Mark the messages you received in a conversation read (their senders see `readAt`; they expire 24 hours later). Returns how many were unread.';

create or replace function app_public.delete_message(message_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  m app_public.messages;
begin
  update app_public.messages x set hidden_for = array_append(x.hidden_for, me)
   where x.id = message_id and not (me = any (x.hidden_for))
     and exists (select 1 from app_public.conversation_participants p where p.conversation_id = x.conversation_id and p.user_id = me)
  returning * into m;
  if m is null then
    raise exception 'No such message' using errcode = 'NTFND';
  end if;
  -- Deleted by every participant: gone.
  delete from app_public.messages x
   where x.id = m.id
     and not exists (select 1 from app_public.conversation_participants p
                      where p.conversation_id = x.conversation_id and not (p.user_id = any (x.hidden_for)));
  return true;
end;
$$;
comment on function app_public.delete_message(uuid) is 'Delete your copy of a message (sent or received); the other participant keeps theirs.';

create or replace function app_public.delete_conversation(conversation_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  update app_public.conversation_participants p set cleared_at = now()
   where p.conversation_id = delete_conversation.conversation_id and p.user_id = me;
  if not found then
    raise exception 'No such conversation' using errcode = 'NTFND';
  end if;
  -- Messages every participant has cleared are gone.
  delete from app_public.messages x
   where x.conversation_id = delete_conversation.conversation_id
     and x.created_at <= (select min(coalesce(p.cleared_at, '-infinity')) from app_public.conversation_participants p
                           where p.conversation_id = delete_conversation.conversation_id);
  return true;
end;
$$;
comment on function app_public.delete_conversation(uuid) is
  'Delete your copy of a conversation: its messages so far disappear for you (not for the other participant); it comes back with the next message.';

-- Expiry (task messages__delete_expired, hourly). Concurrent runs skip each
-- other's rows instead of waiting; running again finds nothing more.
create or replace function app_public.delete_expired_messages() returns integer
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  with expired as (
    select m.id from app_public.messages m
     where m.read_at < now() - make_interval(hours => app_private.setting('message_expiry_hours')::integer)
       for update skip locked
  ), d as (
    delete from app_public.messages m using expired e where m.id = e.id returning 1
  ) select count(*)::integer from d
$$;
comment on function app_public.delete_expired_messages() is
  E'@behavior -mutationField\nDelete the messages read longer ago than message_expiry_hours (24); returns how many. Run hourly by the worker; safe to run concurrently and repeatedly.';
revoke execute on function app_public.delete_expired_messages() from anon, authenticated;

--------------------------------------------------------------------------------
-- Conversation computed columns (run as you, under the policies above)
--------------------------------------------------------------------------------
create or replace function app_public.conversations_last_message(c app_public.conversations) returns app_public.messages
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select m.* from app_public.messages m where m.conversation_id = c.id order by m.created_at desc, m.id desc limit 1
$$;
comment on function app_public.conversations_last_message(app_public.conversations) is 'The latest message you can see in the conversation.';

create or replace function app_public.conversations_unread_count(c app_public.conversations) returns integer
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select count(*)::integer from app_public.messages m
   where m.conversation_id = c.id and m.read_at is null and m.sender_id <> auth.uid()
$$;
comment on function app_public.conversations_unread_count(app_public.conversations) is 'How many messages you received in the conversation and have not read.';

create or replace function app_public.conversations_peer(c app_public.conversations) returns app_public.profiles
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select p.* from app_public.conversation_participants cp join app_public.profiles p on p.id = cp.user_id
   where cp.conversation_id = c.id and cp.user_id <> auth.uid()
   order by cp.joined_at, cp.user_id limit 1
$$;
comment on function app_public.conversations_peer(app_public.conversations) is 'The other person in a one-to-one conversation (null if hidden by a block).';

comment on constraint conversation_participants_user_id_fkey on app_public.conversation_participants is
  E'@fieldName user\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint conversation_participants_conversation_id_fkey on app_public.conversation_participants is
  E'@fieldName conversation\n@foreignFieldName participants';
comment on constraint messages_sender_id_fkey on app_public.messages is
  E'@fieldName sender\n@behavior -manyRelation:resource:connection -manyRelation:resource:list';
comment on constraint messages_conversation_id_fkey on app_public.messages is E'@fieldName conversation\n@foreignFieldName messages';
