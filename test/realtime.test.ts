/**
 * Real-time notifications, messages and read receipts over graphql-ws with a
 * real client (LISTEN/NOTIFY, no Redis): each user gets their own events and
 * never another's; a reconnecting subscriber gets new events.
 */
import t from "tap";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser, tokenFor } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const wsUrl = sys.url.replace(/^http/, "ws") + "/graphql";

interface Subscription<T> {
  events: T[];
  errors: unknown[];
  client: Client;
}

function subscribe<T>(token: string | null, query: string, field: string): Subscription<T> {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const s: Subscription<T> = { events: [], errors: [], client };
  client.subscribe<Record<string, T>>(
    { query },
    {
      next: (v) => {
        if (v.errors) s.errors.push(...v.errors);
        const event = v.data?.[field];
        if (event) s.events.push(event);
      },
      error: (e) => s.errors.push(e),
      complete: () => undefined,
    },
  );
  t.teardown(() => client.dispose());
  return s;
}

interface NotificationEvent {
  event: string;
  notification: { rowId: string; type: string; recipientId: string; actor: { rowId: string } | null; data: Record<string, unknown> } | null;
}
interface MessageEvent {
  event: string;
  conversation: { rowId: string } | null;
  message: { rowId: string; body: string; senderId: string } | null;
  readerId: string | null;
  readAt: string | null;
}
const notificationEvents = (user: string | null) =>
  subscribe<NotificationEvent>(
    user && tokenFor(user),
    `subscription { notificationEvents { event notification { rowId type recipientId actor { rowId } data } } }`,
    "notificationEvents",
  );
const messageEvents = (user: string | null) =>
  subscribe<MessageEvent>(
    user && tokenFor(user),
    `subscription { messageEvents { event conversation { rowId } message { rowId body senderId } readerId readAt } }`,
    "messageEvents",
  );

async function gql<T>(user: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await graphql(sys.url, query, variables, bearer(user));
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data as T;
}
const send = async (from: string, to: string, body: string) =>
  (
    await gql<{ sendMessage: { result: { rowId: string; conversationId: string } } }>(
      from,
      `mutation($t: UUID!, $b: String!) { sendMessage(input: { recipientId: $t, body: $b }) { result { rowId conversationId } } }`,
      { t: to, b: body },
    )
  ).sendMessage.result;

/**
 * Wait until a subscription is live (the server has LISTENed): probes only
 * its user gets, repeated until one arrives (one sent before the LISTEN is lost).
 */
async function ready(probe: () => Promise<unknown>, arrived: () => boolean, label: string) {
  await eventually(
    async () => {
      await probe();
      const deadline = Date.now() + 1000;
      while (!arrived() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return arrived();
    },
    15_000,
    `${label} subscribed`,
  );
}
const notificationsReady = (s: Subscription<NotificationEvent>, user: string, label: string) =>
  ready(
    () => db.root.query(`select app_private.notify($1, 'money', data := jsonb_build_object('probe', $2::text))`, [user, label]),
    () => s.events.some((e) => e.notification?.data.probe === label),
    label,
  );
const probePartner = await createUser(db);
const messagesReady = (s: Subscription<MessageEvent>, user: string, label: string) =>
  ready(
    () => send(user, probePartner, `probe ${label}`),
    () => s.events.some((e) => e.message?.body === `probe ${label}`),
    label,
  );

t.test("notifications: delivered to their recipient only", async (t) => {
  const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
  const sa = notificationEvents(a);
  const sc = notificationEvents(c);
  await notificationsReady(sa, a, "a");
  await notificationsReady(sc, c, "c");

  await gql(b, `mutation($t: UUID!) { follow(input: { targetId: $t }) { clientMutationId } }`, { t: a });
  await eventually(async () => sa.events.some((e) => e.notification?.type === "follow"), 10_000, "follow event");
  t.match(
    sa.events.find((e) => e.notification?.type === "follow"),
    { event: "created", notification: { recipientId: a, actor: { rowId: b } } },
  );

  // A second follower joins the same notification: an `updated` event.
  const d = await createUser(db);
  await gql(d, `mutation($t: UUID!) { follow(input: { targetId: $t }) { clientMutationId } }`, { t: a });
  await eventually(async () => sa.events.some((e) => e.event === "updated" && e.notification?.actor?.rowId === d), 10_000, "updated event");

  // c's marker arrives after everything above was sent: c got nothing of a's.
  await notificationsReady(sc, c, "c again");
  t.ok(sc.events.length >= 2 && sc.events.every((e) => e.notification?.recipientId === c), "c only ever got its own events");
  t.same([...sa.errors, ...sc.errors], []);
});

t.test("messages and read receipts: to the two participants only, in plaintext", async (t) => {
  const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
  const sa = messageEvents(a);
  const sb = messageEvents(b);
  const sc = messageEvents(c);
  await messagesReady(sa, a, "a");
  await messagesReady(sb, b, "b");
  await messagesReady(sc, c, "c");

  const m = await send(a, b, "hello b, in real time");
  await eventually(async () => sb.events.some((e) => e.message?.rowId === m.rowId), 10_000, "b gets the message");
  t.match(
    sb.events.find((e) => e.message?.rowId === m.rowId),
    {
      event: "message_created",
      conversation: { rowId: m.conversationId },
      message: { body: "hello b, in real time", senderId: a },
    },
  );
  await eventually(async () => sa.events.some((e) => e.message?.rowId === m.rowId), 10_000, "the sender's other devices get it too");

  await gql(b, `mutation($c: UUID!) { markConversationRead(input: { conversationId: $c }) { result } }`, { c: m.conversationId });
  await eventually(async () => sa.events.some((e) => e.event === "messages_read"), 10_000, "a gets the read receipt");
  t.match(
    sa.events.find((e) => e.event === "messages_read"),
    { conversation: { rowId: m.conversationId }, readerId: b, message: null },
  );
  t.ok(sa.events.find((e) => e.event === "messages_read")?.readAt, "with the time");

  await messagesReady(sc, c, "c again");
  t.notOk(
    sc.events.some((e) => e.conversation?.rowId === m.conversationId || e.readerId === b),
    "c got nothing of a and b's",
  );
  t.same([...sa.errors, ...sb.errors, ...sc.errors], []);
});

t.test("a new message also arrives as a notification, on the recipient's notification stream only", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const sb = notificationEvents(b);
  const sa = notificationEvents(a);
  await notificationsReady(sb, b, "b");
  await notificationsReady(sa, a, "a");
  const m = await send(a, b, "ping");
  await eventually(async () => sb.events.some((e) => e.notification?.type === "message"), 10_000, "message notification");
  t.match(
    sb.events.find((e) => e.notification?.type === "message"),
    { notification: { data: { conversation_id: m.conversationId } } },
  );
  await notificationsReady(sa, a, "a again");
  t.notOk(
    sa.events.some((e) => e.notification?.type === "message"),
    "the sender is not notified",
  );
});

t.test("anonymous subscribers and bad tokens are refused", async (t) => {
  const anon = notificationEvents(null);
  await eventually(async () => anon.errors.length > 0, 5000, "an error");
  t.match(JSON.stringify(anon.errors), /signed in/);
  const anonMessages = messageEvents(null);
  await eventually(async () => anonMessages.errors.length > 0, 5000, "an error");
  t.match(JSON.stringify(anonMessages.errors), /signed in/);
  const forged = subscribe<NotificationEvent>("not-a-token", `subscription { notificationEvents { event } }`, "notificationEvents");
  await eventually(async () => forged.errors.length > 0, 5000, "an error");
  t.match(JSON.stringify(forged.errors), /UNAUTHORIZED/, "the token is verified as over HTTP");
  t.equal(forged.events.length, 0);
});

t.test("a reconnecting subscriber gets new events", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const first = messageEvents(b);
  await messagesReady(first, b, "first");
  await first.client.dispose();
  await send(a, b, "while away");
  const second = messageEvents(b);
  await messagesReady(second, b, "second");
  await send(a, b, "after reconnecting");
  await eventually(async () => second.events.some((e) => e.message?.body === "after reconnecting"), 10_000, "event after reconnect");
  t.notOk(
    first.events.some((e) => e.message?.body === "after reconnecting"),
    "nothing on the closed connection",
  );
  const history = await gql<{ conversation: { messages: { nodes: { body: string }[] } } }>(
    b,
    `query($c: UUID!) { conversation(rowId: $c) { messages(orderBy: [CREATED_AT_ASC]) { nodes { body } } } }`,
    {
      c: (
        await gql<{ generateConversationId: string }>(b, `query($a: UUID!, $b: UUID!) { generateConversationId(a: $a, b: $b) }`, { a, b })
      ).generateConversationId,
    },
  );
  t.same(
    history.conversation.messages.nodes.map((m) => m.body),
    ["while away", "after reconnecting"],
    "what was missed is read over HTTP",
  );
});
