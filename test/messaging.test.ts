/**
 * Direct messages through GraphQL over HTTP: who may message whom (settings ×
 * relationship × block), ciphertext at rest and key rotation, conversations
 * with last message and unread count, cursor pages, read receipts, expiry run
 * by the worker, deleting one's copy, and privacy from third parties.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";
import { messageKeyId } from "../lib/domain/message-keys.ts";

const KEY = "message-key-for-the-messaging-test-0123456789";
const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db, worker: true, env: { MESSAGE_ENCRYPTION_KEY: KEY } });
const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));

const SEND = `mutation($to: UUID!, $body: String!) { sendMessage(input: { recipientId: $to, body: $body }) { result { rowId body conversationId senderId readAt } } }`;
interface Sent {
  rowId: string;
  body: string;
  conversationId: string;
  senderId: string;
  readAt: string | null;
}
async function send(from: string, to: string, body: string): Promise<Sent> {
  const r = await gql(from, SEND, { to, body });
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return (r.body.data as { sendMessage: { result: Sent } }).sendMessage.result;
}
async function sendError(from: string, to: string, body = "hi"): Promise<string | undefined> {
  const r = await gql(from, SEND, { to, body });
  return r.body.errors?.[0]?.extensions?.code as string | undefined;
}
const follow = (a: string, b: string) =>
  db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [a, b]);
const setPermission = (u: string, p: string) =>
  db.root.query("update app_public.user_settings set message_permission = $2 where user_id = $1", [u, p]);

const CONVERSATION = `query($id: UUID!, $first: Int, $after: Cursor) {
  conversation(rowId: $id) {
    rowId unreadCount peer { rowId } lastMessage { body }
    participants { nodes { userId lastReadAt } }
    messages(first: $first, after: $after, orderBy: [CREATED_AT_DESC]) { nodes { rowId body senderId readAt } pageInfo { hasNextPage endCursor } }
  }
}`;
interface Conversation {
  rowId: string;
  unreadCount: number;
  peer: { rowId: string } | null;
  lastMessage: { body: string } | null;
  participants: { nodes: { userId: string; lastReadAt: string | null }[] };
  messages: {
    nodes: { rowId: string; body: string; senderId: string; readAt: string | null }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}
async function conversation(user: string, id: string, first = 50, after?: string): Promise<Conversation | null> {
  const r = await gql(user, CONVERSATION, { id, first, after });
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return (r.body.data as { conversation: Conversation | null }).conversation;
}
const conversationId = async (a: string, b: string) =>
  (
    (await gql(a, `query($a: UUID!, $b: UUID!) { generateConversationId(a: $a, b: $b) }`, { a, b })).body.data as {
      generateConversationId: string;
    }
  ).generateConversationId;

t.test("who may message whom: setting × relationship × block, the same through Profile.viewerCanMessage and sendMessage", async (t) => {
  const relationships = ["none", "sender_follows", "recipient_follows", "mutual"] as const;
  const blocks = ["none", "sender_blocked", "recipient_blocked"] as const;
  for (const setting of ["everyone", "followers", "mutuals", "nobody"] as const) {
    for (const rel of relationships) {
      for (const block of blocks) {
        const [sender, recipient] = [await createUser(db), await createUser(db)];
        await setPermission(recipient, setting);
        if (rel === "sender_follows" || rel === "mutual") await follow(sender, recipient);
        if (rel === "recipient_follows" || rel === "mutual") await follow(recipient, sender);
        if (block === "sender_blocked")
          await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [sender, recipient]);
        if (block === "recipient_blocked")
          await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [recipient, sender]);
        const expected =
          block === "none" &&
          (setting === "everyone" ||
            (setting === "followers" && (rel === "sender_follows" || rel === "mutual")) ||
            (setting === "mutuals" && rel === "mutual"));
        const label = `${setting} / ${rel} / block ${block}`;
        // Across a block the profile itself is hidden (null): no messaging either.
        const can = await gql(sender, `query($r: UUID!) { profile(rowId: $r) { viewerCanMessage } }`, { r: recipient });
        const profile = (can.body.data as { profile: { viewerCanMessage: boolean } | null }).profile;
        t.equal(profile?.viewerCanMessage ?? false, expected, `viewerCanMessage: ${label}`);
        const code = await sendError(sender, recipient);
        t.equal(code, expected ? undefined : block === "none" ? "DNIED" : "NTFND", `sendMessage: ${label}`);
      }
    }
  }
});

t.test("someone who wrote to you may be answered whatever your setting; never yourself; bad input is refused", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  await setPermission(a, "nobody");
  t.equal(await sendError(b, a), "DNIED", "a accepts messages from nobody");
  await send(a, b, "hello b");
  await send(b, a, "a reply is allowed");
  t.equal(await sendError(a, a), "INVAL", "not to yourself");
  t.equal(await sendError(a, b, "   "), "INVAL", "not empty");
  t.equal(await sendError(a, b, "x".repeat(2001)), "INVAL", "not longer than 2000 characters");
  t.equal(await sendError(a, "00000000-0000-0000-0000-000000000000"), "NTFND");
  const anon = await gql(null, SEND, { to: a, body: "hi" });
  t.ok(anon.body.errors?.length, "anonymous visitors cannot send");
});

t.test("bodies are ciphertext at rest, under the configured key, which is stored nowhere in the database", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const m = await send(a, b, "the secret plan ✓");
  t.equal(m.body, "the secret plan ✓", "the sender reads plaintext");
  const { rows } = await db.root.query<{ ciphertext: Buffer; key_id: string; row_text: string }>(
    "select ciphertext, key_id, to_jsonb(m)::text as row_text from app_public.messages m where id = $1",
    [m.rowId],
  );
  const row = rows[0]!;
  t.notOk(Buffer.from(row.ciphertext).includes(Buffer.from("secret plan")), "no plaintext in the ciphertext");
  t.notMatch(row.row_text, /secret plan/, "nor anywhere in the row");
  t.equal(row.key_id, messageKeyId(KEY), "the key id of the configured key");
  const decrypted = await db.root.query<{ body: string }>("select pgp_sym_decrypt($1, $2) as body", [row.ciphertext, KEY]);
  t.equal(decrypted.rows[0]!.body, "the secret plan ✓", "it is the body encrypted with that key");
  await t.rejects(
    db.root.query("select pgp_sym_decrypt($1, 'a-wrong-key-a-wrong-key-a-wrong-key') as body", [row.ciphertext]),
    "a wrong key reads nothing",
  );
  const stored = await db.root.query<{ n: string }>(
    `select (select count(*) from app_private.settings where value like '%' || $1 || '%')
          + (select count(*) from pg_db_role_setting, unnest(setconfig) c where c like '%' || $1 || '%') as n`,
    [KEY],
  );
  t.equal(Number(stored.rows[0]!.n), 0, "the key is in no table and no role or database setting");
  const session = await db.root.query<{ keys: string | null }>("select current_setting('app.message_keys', true) as keys");
  t.notOk(session.rows[0]!.keys, "a session the server did not set up has no key");
});

t.test("conversations: deterministic id, list with last message and unread count, cursor pages", async (t) => {
  const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
  const id = await conversationId(a, b);
  t.equal(await conversationId(b, a), id, "symmetric");
  t.not(await conversationId(a, c), id);
  for (let i = 1; i <= 5; i++) await send(a, b, `message ${i}`);
  await send(c, b, "from c");
  const first = (await send(a, b, "message 6")).conversationId;
  t.equal(first, id, "messages land in the pair's conversation");

  const list = await gql(
    b,
    `{ conversations(orderBy: [LAST_MESSAGE_AT_DESC]) { nodes { rowId unreadCount peer { rowId } lastMessage { body } } } }`,
  );
  t.same((list.body.data as { conversations: { nodes: unknown[] } }).conversations.nodes, [
    { rowId: id, unreadCount: 6, peer: { rowId: a }, lastMessage: { body: "message 6" } },
    { rowId: await conversationId(c, b), unreadCount: 1, peer: { rowId: c }, lastMessage: { body: "from c" } },
  ]);
  const mine = await conversation(a, id);
  t.equal(mine?.unreadCount, 0, "your own messages are not unread for you");

  const page1 = await conversation(b, id, 4);
  t.same(
    page1?.messages.nodes.map((m) => m.body),
    ["message 6", "message 5", "message 4", "message 3"],
  );
  t.equal(page1?.messages.pageInfo.hasNextPage, true);
  const page2 = await conversation(b, id, 4, page1?.messages.pageInfo.endCursor);
  t.same(
    page2?.messages.nodes.map((m) => m.body),
    ["message 2", "message 1"],
  );
  t.equal(page2?.messages.pageInfo.hasNextPage, false);
});

t.test("only the participants see a conversation", async (t) => {
  const [a, b, stranger] = [await createUser(db), await createUser(db), await createUser(db)];
  const m = await send(a, b, "between us");
  t.equal(await conversation(stranger, m.conversationId), null);
  const list = await gql(stranger, `{ conversations { totalCount } }`);
  t.same(list.body.data, { conversations: { totalCount: 0 } });
  const read = await gql(stranger, `mutation($c: UUID!) { markConversationRead(input: { conversationId: $c }) { result } }`, {
    c: m.conversationId,
  });
  t.equal(read.body.errors?.[0]?.extensions?.code, "NTFND");
  const del = await gql(stranger, `mutation($m: UUID!) { deleteMessage(input: { messageId: $m }) { result } }`, { m: m.rowId });
  t.equal(del.body.errors?.[0]?.extensions?.code, "NTFND");
  const anon = await gql(null, `{ conversations { totalCount } }`);
  t.ok(anon.body.errors?.length, "anonymous visitors see no conversations");
});

const MARK_READ = `mutation($c: UUID!) { markConversationRead(input: { conversationId: $c }) { result } }`;

t.test("read receipts: the recipient marks read, the sender sees it; the sender cannot mark their own messages read", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const m1 = await send(a, b, "one");
  await send(a, b, "two");
  const own = await gql(a, MARK_READ, { c: m1.conversationId });
  t.same(own.body.data, { markConversationRead: { result: 0 } }, "the sender's own messages are not theirs to read");
  t.ok(
    (await conversation(a, m1.conversationId))?.messages.nodes.every((m) => m.readAt === null),
    "still unread",
  );

  const read = await gql(b, MARK_READ, { c: m1.conversationId });
  t.same(read.body.data, { markConversationRead: { result: 2 } });
  const seen = await conversation(a, m1.conversationId);
  t.ok(
    seen?.messages.nodes.every((m) => m.readAt !== null),
    "the sender sees readAt on each message",
  );
  t.ok(seen?.participants.nodes.find((p) => p.userId === b)?.lastReadAt, "and when the recipient last read");
  t.equal((await conversation(b, m1.conversationId))?.unreadCount, 0);
  const again = await gql(b, MARK_READ, { c: m1.conversationId });
  t.same(again.body.data, { markConversationRead: { result: 0 } }, "reading again changes nothing");
});

t.test("expiry: invisible 24 hours after reading, then deleted by the worker's job", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const old = await send(a, b, "read yesterday");
  const recent = await send(a, b, "read an hour ago");
  const unread = await send(a, b, "not read");
  await db.root.query("update app_public.messages set read_at = now() - interval '25 hours' where id = $1", [old.rowId]);
  await db.root.query("update app_public.messages set read_at = now() - interval '1 hour' where id = $1", [recent.rowId]);

  for (const user of [a, b]) {
    const bodies = (await conversation(user, old.conversationId))?.messages.nodes.map((m) => m.body);
    t.same(bodies, ["not read", "read an hour ago"], "expired is invisible before it is deleted");
  }
  await db.root.query("select graphile_worker.add_job('messages__delete_expired')");
  await eventually(
    async () => (await db.root.query("select 1 from app_public.messages where id = $1", [old.rowId])).rowCount === 0,
    10_000,
    "expired message deleted",
  );
  const left = await db.root.query<{ id: string }>("select id from app_public.messages where id = any($1) order by created_at", [
    [old.rowId, recent.rowId, unread.rowId],
  ]);
  t.same(
    left.rows.map((r) => r.id),
    [recent.rowId, unread.rowId],
    "the others stay",
  );
  const again = await db.root.query<{ n: number }>("select app_private.delete_expired_messages() as n");
  t.equal(again.rows[0]!.n, 0, "running again deletes nothing more");
  const viaApi = await gql(a, `mutation { deleteExpiredMessages(input: {}) { result } }`);
  t.ok(viaApi.body.errors?.length, "not a client mutation");
});

t.test("expiry is safe to run concurrently", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  for (let i = 0; i < 40; i++) await send(a, b, `old ${i}`);
  const { rows } = await db.root.query(
    "update app_public.messages set read_at = now() - interval '2 days' where sender_id = $1 returning id",
    [a],
  );
  t.equal(rows.length, 40);
  const counts = await Promise.all(
    Array.from({ length: 4 }, () =>
      sys.ownerPool.query<{ n: number }>("select app_private.delete_expired_messages() as n").then((r) => r.rows[0]!.n),
    ),
  );
  t.equal(
    counts.reduce((s, n) => s + n, 0),
    40,
    "each expired message deleted exactly once across concurrent runs",
  );
});

t.test("delete my copy: of a message, of a conversation", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const m1 = await send(a, b, "first");
  const m2 = await send(b, a, "second");
  const del = (u: string, m: string) => gql(u, `mutation($m: UUID!) { deleteMessage(input: { messageId: $m }) { result } }`, { m });
  t.same((await del(b, m1.rowId)).body.data, { deleteMessage: { result: true } });
  t.same(
    (await conversation(b, m1.conversationId))?.messages.nodes.map((m) => m.body),
    ["second"],
    "gone for b",
  );
  t.same(
    (await conversation(a, m1.conversationId))?.messages.nodes.map((m) => m.body),
    ["second", "first"],
    "a keeps it",
  );
  t.equal((await del(b, m1.rowId)).body.errors?.[0]?.extensions?.code, "NTFND", "already deleted");
  await del(a, m1.rowId);
  t.equal(
    (await db.root.query("select 1 from app_public.messages where id = $1", [m1.rowId])).rowCount,
    0,
    "deleted by both: gone from the table",
  );

  const clear = await gql(a, `mutation($c: UUID!) { deleteConversation(input: { conversationId: $c }) { result } }`, {
    c: m2.conversationId,
  });
  t.same(clear.body.data, { deleteConversation: { result: true } });
  t.equal(await conversation(a, m2.conversationId), null, "the conversation is gone from a's list");
  t.same(
    (await conversation(b, m2.conversationId))?.messages.nodes.map((m) => m.body),
    ["second"],
    "b keeps it",
  );
  await send(b, a, "third");
  t.same(
    (await conversation(a, m2.conversationId))?.messages.nodes.map((m) => m.body),
    ["third"],
    "it comes back with the next message only",
  );
});

t.test("marking read leaves the messages I cleared unread: no false receipt, no expiry started", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const first = await send(a, b, "before the clear");
  const clear = await gql(b, `mutation($c: UUID!) { deleteConversation(input: { conversationId: $c }) { result } }`, {
    c: first.conversationId,
  });
  t.equal(clear.body.errors, undefined);
  const second = await send(a, b, "after the clear");
  const read = await gql(b, MARK_READ, { c: first.conversationId });
  t.same(read.body.data, { markConversationRead: { result: 1 } }, "only the message b can see");
  const { rows } = await db.root.query<{ id: string; read: boolean }>(
    "select id, read_at is not null as read from app_public.messages where conversation_id = $1 order by created_at",
    [first.conversationId],
  );
  t.same(rows, [
    { id: first.rowId, read: false },
    { id: second.rowId, read: true },
  ]);
});
