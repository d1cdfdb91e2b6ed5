--! Previous: sha1:a476dd5d4faf0cbf8a26332f844ad16c05af063a
--! Hash: sha1:2623bd493e911e41eb60f72a4290a4ab925c0e57
--! Message: messaging races and receipts

--------------------------------------------------------------------------------
-- Messaging races and read receipts, from review:
--   * sends and clears of one conversation are ordered by a lock on the
--     conversation, and their times are taken once it is held: two
--     participants clearing at once now delete what both cleared, and a
--     message sent while the recipient clears is never hidden from them;
--   * last_message_at never moves backwards;
--   * marking a conversation read leaves the messages I cleared unread (no
--     false read receipt, no expiry started by a message I never saw).
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
  -- The conversation row is the lock that orders sends and clears
  -- (delete_conversation); times are taken once it is held, so a message is
  -- never older than a clear that committed before it.
  insert into app_public.conversations as c (id, last_message_at) values (conversation, clock_timestamp())
  on conflict (id) do update set last_message_at = greatest(c.last_message_at, clock_timestamp());
  insert into app_public.conversation_participants (conversation_id, user_id)
  values (conversation, me), (conversation, recipient_id) on conflict do nothing;
  update app_public.conversation_participants p set last_sent_at = now() where p.conversation_id = conversation and p.user_id = me;

  select * into enc from app_private.encrypt_message_body(text_);
  insert into app_public.messages (conversation_id, sender_id, ciphertext, key_id, created_at)
  values (conversation, me, enc.ciphertext, enc.key_id, clock_timestamp())
  returning * into m;
  return m;
end;
$$;


create or replace function app_public.mark_conversation_read(conversation_id uuid) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
  n integer;
  senders uuid[];
  cleared timestamptz;
begin
  select p.cleared_at into cleared from app_public.conversation_participants p
   where p.conversation_id = mark_conversation_read.conversation_id and p.user_id = me for update;
  if not found then
    raise exception 'No such conversation' using errcode = 'NTFND';
  end if;
  with r as (
    update app_public.messages m set read_at = now()
     where m.conversation_id = mark_conversation_read.conversation_id and m.sender_id <> me and m.read_at is null
       and not (me = any (m.hidden_for))
       -- Only what I can see: not what I cleared (no false read receipts, no early expiry).
       and m.created_at > coalesce(cleared, '-infinity')
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


create or replace function app_public.delete_conversation(conversation_id uuid) returns boolean
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := app_private.require_user();
begin
  -- Ordered with sends and the other participant's clear (see send_message).
  perform 1 from app_public.conversations c where c.id = delete_conversation.conversation_id for update;
  update app_public.conversation_participants p set cleared_at = clock_timestamp()
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
comment on function app_public.send_message(uuid, text) is
  'Send a direct message (up to 2000 characters) to someone who accepts messages from you (`Profile.viewerCanMessage`). Starts the conversation if needed.';
