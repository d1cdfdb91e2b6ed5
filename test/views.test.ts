/** View counting: once per viewer (or anonymous IP) per post per 24 h, decided in SQL, on every path. */
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createPost } from "./helpers/economy.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);

const views = async (post: string) =>
  Number(
    (
      await db.root.query<{ n: string }>("select coalesce((select views_count from app_private.post_views where post_id = $1), 0) as n", [
        post,
      ])
    ).rows[0]!.n,
  );
const logged = async (post: string) =>
  (await db.root.query<{ n: number }>("select count(*)::int as n from app_private.post_view_logs where post_id = $1", [post])).rows[0]!.n;
const count = async (post: string, viewer: string | null, ip: string | null) =>
  (await db.root.query<{ ok: boolean }>("select app_public.increment_post_views($1, $2, $3) as ok", [post, viewer, ip])).rows[0]!.ok;
/** Move every dedupe window of the post back, as time passing would. */
const age = (post: string, interval: string) =>
  db.root.query("update app_private.post_view_windows set counted_at = counted_at - $2::interval where post_id = $1", [post, interval]);

t.test("a viewer counts once per 24 hours", async (t) => {
  const [author, viewer] = [await createUser(db), await createUser(db)];
  const post = await createPost(db, author);
  t.equal(await count(post, viewer, "198.51.100.1"), true, "first view counts");
  t.equal(await count(post, viewer, "198.51.100.2"), false, "again, even from another IP: not counted");
  await age(post, "23 hours 59 minutes");
  t.equal(await count(post, viewer, "198.51.100.1"), false, "23 h 59 min later: still within the window");
  await age(post, "1 minute");
  t.equal(await count(post, viewer, "198.51.100.1"), true, "24 h after the counted view: counts again");
  t.equal(await count(post, viewer, "198.51.100.1"), false, "and the window starts again");
  t.equal(await views(post), 2);
  t.equal(await logged(post), 2, "each counted view is logged");
});

t.test("anonymous viewers count once per IP per 24 hours", async (t) => {
  const [author, viewer] = [await createUser(db), await createUser(db)];
  const post = await createPost(db, author);
  t.equal(await count(post, null, "203.0.113.5"), true);
  t.equal(await count(post, null, "203.0.113.5"), false, "same IP: not counted");
  t.equal(await count(post, null, "203.0.113.6"), true, "another IP counts");
  t.equal(await count(post, viewer, "203.0.113.5"), true, "a signed-in viewer behind the same IP is a viewer of their own");
  t.equal(await count(post, null, null), false, "anonymous without an IP: nothing to count once");
  await age(post, "24 hours");
  t.equal(await count(post, null, "203.0.113.5"), true, "the IP counts again after 24 hours");
  t.equal(await views(post), 4);
});

t.test("own posts, invisible and deleted posts do not count", async (t) => {
  const [author, viewer] = [await createUser(db), await createUser(db)];
  const own = await createPost(db, author);
  t.equal(await count(own, author, "192.0.2.9"), false, "own view");
  const hidden = await createPost(db, author, { audience: "followers" });
  t.equal(await count(hidden, viewer, "192.0.2.9"), false, "followers-only post, not a follower");
  t.equal(await count(hidden, null, "192.0.2.9"), false, "nor anonymously");
  const deleted = await createPost(db, author);
  await db.root.query("update app_public.posts set deleted_at = now() where id = $1", [deleted]);
  t.equal(await count(deleted, viewer, "192.0.2.9"), false, "deleted post");
  t.equal(await count("00000000-0000-0000-0000-000000000000", viewer, "192.0.2.9"), false, "no such post");
});

t.test("concurrent views by one viewer count once", async (t) => {
  const [author, viewer] = [await createUser(db), await createUser(db)];
  const post = await createPost(db, author);
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 20 });
  t.teardown(() => pool.end());
  const results = await Promise.all(
    Array.from({ length: 40 }, () =>
      pool.query<{ ok: boolean }>("select app_public.increment_post_views($1, $2, '192.0.2.7') as ok", [post, viewer]),
    ),
  );
  t.equal(results.filter((r) => r.rows[0]!.ok).length, 1, "exactly one call counted");
  t.equal(await views(post), 1);
});

t.test("clients record only their own views, from their own IP", async (t) => {
  const [author, viewer, other] = [await createUser(db), await createUser(db), await createUser(db)];
  const post = await createPost(db, author);
  const me = { role: "authenticated", sub: viewer };
  await t.rejects(
    asRole(db.root, me, "select app_public.increment_post_views($1, $2, null)", [post, other]),
    { code: "DNIED" },
    "someone else's view",
  );
  await t.rejects(
    asRole(db.root, me, "select app_public.increment_post_views($1, $2, '192.0.2.50')", [post, viewer], "192.0.2.1"),
    { code: "DNIED" },
    "another IP",
  );
  await t.rejects(
    asRole(db.root, { role: "anon" }, "select app_public.increment_post_views($1, $2, '192.0.2.1')", [post, viewer], "192.0.2.1"),
    { code: "DNIED" },
    "anonymous claiming a viewer",
  );
  const [ok] = await asRole<{ ok: boolean }>(
    db.root,
    me,
    "select app_public.increment_post_views($1, $2, '192.0.2.1') as ok",
    [post, viewer],
    "192.0.2.1",
  );
  t.equal(ok!.ok, true, "own view from the request's IP");
  const [svc] = await asRole<{ ok: boolean }>(
    db.root,
    { role: "service_role" },
    "select app_public.increment_post_views($1, $2, '192.0.2.99') as ok",
    [post, other],
  );
  t.equal(svc!.ok, true, "the service role records any view");
  await t.rejects(asRole(db.root, me, "update app_private.post_views set views_count = 1000000"), { code: "42501" }, "no direct writes");
});

t.test("batches: GraphQL trackPostEvents and POST /analytics/v1/events (no Redis), IP from the request", async (t) => {
  const sys = await startTestSystem(t, { db });
  const [author, viewer] = [await createUser(db), await createUser(db)];
  const [p1, p2, hidden] = [
    await createPost(db, author),
    await createPost(db, author),
    await createPost(db, author, { audience: "only_me" }),
  ];
  const track = `mutation($v: [UUID], $l: [UUID]) { trackPostEvents(input: { viewPostIds: $v, likePostIds: $l }) { result { viewsCounted likesAdded } } }`;

  const anon1 = await graphql(sys.url, track, { v: [p1, p2, p1, hidden] });
  t.same(
    anon1.body.data,
    { trackPostEvents: { result: { viewsCounted: 2, likesAdded: 0 } } },
    "anonymous: once per post for this IP; the hidden post not at all",
  );
  const anon2 = await graphql(sys.url, track, { v: [p1] });
  t.same(anon2.body.data, { trackPostEvents: { result: { viewsCounted: 0, likesAdded: 0 } } }, "same IP again: not counted");
  const liked = await graphql(sys.url, track, { v: [p1], l: [p1, p2, hidden] }, bearer(viewer));
  t.same(
    liked.body.data,
    { trackPostEvents: { result: { viewsCounted: 1, likesAdded: 2 } } },
    "a signed-in viewer counts on their own; invisible posts are not liked",
  );
  const anonLike = await graphql(sys.url, track, { l: [p1] });
  t.equal(anonLike.body.errors?.[0]?.extensions?.code, "LOGIN", "likes need a signed-in user");

  const q = `query($id: UUID!) { post(rowId: $id) { viewsCount likesCount } }`;
  t.same((await graphql(sys.url, q, { id: p1 })).body.data, { post: { viewsCount: "2", likesCount: 1 } });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sys.url}/analytics/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const p3 = await createPost(db, author);
  const res = await post(
    {
      events: [
        { type: "view", post_id: p3 },
        { type: "view", post_id: p3 },
        { type: "like", post_id: p3 },
      ],
    },
    bearer(viewer),
  );
  t.equal(res.status, 200);
  t.same(await res.json(), { views: { received: 2, counted: 1, buffered: null }, likes: { received: 1, added: 1 } });
  t.equal(await views(p3), 1);

  t.equal((await post({ events: [{ type: "like", post_id: p3 }] })).status, 401, "anonymous likes refused");
  t.equal((await post({ events: [{ type: "view", post_id: "nope" }] })).status, 400, "bad post id");
  t.equal((await post({ events: Array.from({ length: 501 }, () => ({ type: "view", post_id: p3 })) })).status, 400, "more than 500 events");
  t.equal((await post({ events: [] })).status, 400, "no events");
  t.equal((await post({ events: [{ type: "view", post_id: p3 }] }, { authorization: "Bearer junk" })).status, 401, "bad token");
});

t.test("with Redis configured but unreachable, events go straight to PostgreSQL", async (t) => {
  const sys = await startTestSystem(t, { db, env: { REDIS_URL: "redis://127.0.0.1:1" } });
  const author = await createUser(db);
  const p = await createPost(db, author);
  const res = await fetch(`${sys.url}/analytics/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ events: [{ type: "view", post_id: p }] }),
  });
  t.same(await res.json(), { views: { received: 1, counted: 1, buffered: null }, likes: { received: 0, added: 0 } });
  t.equal(await views(p), 1);
});

t.test("a synced batch decides repeats in time order, by the same rule", async (t) => {
  const [author, viewer] = [await createUser(db), await createUser(db)];
  const post = await createPost(db, author);
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const events = [
    { post_id: post, viewer_id: null, ip: "192.0.2.44", at: at(10) }, // within 24 h of the first: no
    { post_id: post, viewer_id: null, ip: "192.0.2.44", at: at(30) }, // the first: counts
    { post_id: post, viewer_id: null, ip: "192.0.2.44", at: at(0) }, // 30 h after it: counts
    { post_id: post, viewer_id: viewer, ip: "192.0.2.44", at: at(0) }, // a viewer of their own: counts
    { post_id: post, viewer_id: author, ip: "192.0.2.44", at: at(0) }, // the author: no
  ];
  const run = async () =>
    (await db.root.query<{ n: number }>("select app_private.ingest_view_batch('repeats-1', $1) as n", [JSON.stringify(events)])).rows[0]!.n;
  t.equal(await run(), 3);
  t.equal(await run(), 0, "the same batch id again: nothing");
  t.equal(await views(post), 3);
});

t.test("anonymous views: one per IPv4 address, one per IPv6 /64", async (t) => {
  const creator = await createUser(db);
  const post = await createPost(db, creator);
  const view = async (ip: string) =>
    (await db.root.query<{ c: boolean }>("select app_public.increment_post_views($1, null, $2) as c", [post, ip])).rows[0]!.c;
  t.equal(await view("2001:db8:1:2::1"), true, "first address of a /64");
  t.equal(await view("2001:db8:1:2:ffff::9"), false, "another address of the same /64: the same viewer");
  t.equal(await view("2001:db8:1:3::1"), true, "another /64");
  t.equal(await view("198.51.100.1"), true);
  t.equal(await view("198.51.100.2"), true, "IPv4: per address");
});
