/** Real-time home feed events over graphql-ws (LISTEN/NOTIFY, no Redis needed). */
import t from "tap";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser, tokenFor } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db, worker: true });
const wsUrl = sys.url.replace(/^http/, "ws") + "/graphql";

interface Received {
  events: { event: string; post: { body: string } | null }[];
  errors: unknown[];
  client: Client;
}

function subscribe(userId: string | null): Received {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: userId ? { authorization: `Bearer ${tokenFor(userId)}` } : {},
    retryAttempts: 0,
  });
  const r: Received = { events: [], errors: [], client };
  client.subscribe<{ homeFeedEvents: Received["events"][number] }>(
    { query: "subscription { homeFeedEvents { event post { body } } }" },
    {
      next: (v) => {
        if (v.errors) r.errors.push(...v.errors);
        if (v.data?.homeFeedEvents) r.events.push(v.data.homeFeedEvents);
      },
      error: (e) => r.errors.push(e),
      complete: () => undefined,
    },
  );
  t.teardown(() => client.dispose());
  return r;
}

const post = async (author: string, body: string, audience = "public") => {
  const r = await graphql(
    sys.url,
    `
      mutation ($b: String!, $a: PostAudience) {
        createPost(input: { post: { body: $b, audience: $a } }) {
          post {
            rowId
          }
        }
      }
    `,
    { b: body, a: audience },
    bearer(author),
  );
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
};
// Wait until a subscription is live (the server has LISTENed): a probe post by the user themself.
async function ready(r: Received, userId: string, label: string) {
  await post(userId, `probe ${label}`, "only_me");
  await eventually(async () => r.events.some((e) => e.post?.body === `probe ${label}`), 10_000, `${label} subscribed`);
}

const [author, follower, stranger] = [await createUser(db), await createUser(db), await createUser(db)];
await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [follower, author]);

t.test("followers get the events of posts they may see; others do not", async (t) => {
  const f = subscribe(follower);
  const s = subscribe(stranger);
  const a = subscribe(author);
  await ready(f, follower, "f");
  await ready(s, stranger, "s");
  await ready(a, author, "a");

  await post(author, "for everyone");
  await eventually(async () => f.events.some((e) => e.post?.body === "for everyone"), 10_000, "follower event");
  t.match(
    f.events.find((e) => e.post?.body === "for everyone"),
    { event: "post_created", post: { body: "for everyone" } },
  );
  await eventually(async () => a.events.some((e) => e.post?.body === "for everyone"), 10_000, "author event");

  await post(author, "only for me", "only_me");
  await post(author, "marker after the private one");
  await eventually(async () => f.events.some((e) => e.post?.body === "marker after the private one"), 10_000, "marker");
  t.notOk(
    f.events.some((e) => e.post?.body === "only for me"),
    "no event for a post the follower may not see",
  );
  t.notOk(
    s.events.some((e) => e.post?.body !== "probe s"),
    "the stranger gets nothing of the author's",
  );
  t.same([...f.errors, ...s.errors, ...a.errors], []);
});

t.test("anonymous subscribers are refused", async (t) => {
  const anon = subscribe(null);
  await eventually(async () => anon.errors.length > 0, 5000, "an error");
  t.match(JSON.stringify(anon.errors), /signed in/);
});

t.test("a reconnecting subscriber gets new events", async (t) => {
  const first = subscribe(follower);
  await ready(first, follower, "first");
  await first.client.dispose();
  const second = subscribe(follower);
  await ready(second, follower, "second");
  await post(author, "after reconnecting");
  await eventually(async () => second.events.some((e) => e.post?.body === "after reconnecting"), 10_000, "event after reconnect");
  t.pass("received");
});

t.test("muted authors send no events", async (t) => {
  const muter = await createUser(db);
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [muter, author]);
  await db.root.query("insert into app_public.mutes (muter_id, muted_id) values ($1, $2)", [muter, author]);
  const r = await db.root.query<{ id: string }>("insert into app_public.posts (author_id, body) values ($1, 'muted post') returning id", [
    author,
  ]);
  const recipients = await db.root.query<{ ids: string[] }>("select array_agg(r) as ids from app_private.feed_recipients($1) r", [
    r.rows[0]!.id,
  ]);
  t.ok(recipients.rows[0]!.ids.includes(follower));
  t.notOk(recipients.rows[0]!.ids.includes(muter), "not the muter");
});
