/**
 * Feeds on a generated graph: the home feed, paged to the end, equals a
 * reference query built on can_see_post; cursors are stable under inserts;
 * explore, trending, timelines; the plan uses the intended indexes.
 */
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { type Entry, entryKey, generateFeedGraph } from "./helpers/feed-graph.ts";
import { asUser, bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const { users, at, reference } = await generateFeedGraph(db);
const key = entryKey;

async function walkFeed(viewer: string, pageSize: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (;;) {
    const rows: Entry[] = await asUser<Entry & Record<string, unknown>>(db, viewer, "select * from app_public.home_feed($1, $2)", [
      cursor,
      pageSize,
    ]);
    if (rows.length === 0) return pages;
    pages.push(rows.map(key));
    cursor = rows[rows.length - 1]!.cursor;
    if (pages.length > 500) throw new Error("runaway paging");
  }
}

t.test("the home feed, paged to the end, equals its definition for every viewer", async (t) => {
  let compared = 0;
  for (const viewer of users.slice(0, 12)) {
    const expected = await reference(viewer);
    for (const size of [7, 20]) {
      const pages = await walkFeed(viewer, size);
      const all = pages.flat();
      t.same(all, expected, `viewer ${users.indexOf(viewer)}, pages of ${size}`);
      t.ok(
        pages.slice(0, -1).every((p) => p.length === size),
        "every page but the last is full",
      );
      compared += all.length;
    }
  }
  t.ok(compared > 500, `compared ${compared} entries`);
});

t.test("cursors are stable when new posts arrive between pages", async (t) => {
  const viewer = users[7]!;
  const before = await walkFeed(viewer, 10);
  const page1 = await asUser<Entry & Record<string, unknown>>(db, viewer, "select * from app_public.home_feed(null, 10)");
  // New posts by the viewer (always visible to them), newer than everything.
  for (let i = 0; i < 5; i++) {
    await db.root.query("insert into app_public.posts (author_id, body, created_at) values ($1, 'fresh', $2)", [viewer, at(10_000 + i)]);
  }
  const page2 = await asUser<Entry & Record<string, unknown>>(db, viewer, "select * from app_public.home_feed($1, 10)", [page1[9]!.cursor]);
  t.same(page2.map(key), before[1], "page 2 is unchanged: no duplicates, no gaps");
  const fresh = await asUser<Entry & Record<string, unknown>>(db, viewer, "select * from app_public.home_feed(null, 5)");
  t.equal(fresh.length, 5);
});

t.test("bad cursors and the signed-out", async (t) => {
  await t.rejects(asUser(db, users[0]!, "select * from app_public.home_feed('nonsense', 10)"), { code: "INVAL" });
  await t.rejects(asUser(db, users[0]!, "select * from app_public.home_feed('1.2.3.4', 10)"), { code: "INVAL" });
  await t.rejects(asUser(db, null, "select * from app_public.home_feed(null, 10)"), { code: "LOGIN" });
});

t.test("explore: filters, public posts of public accounts, no muted or blocked authors", async (t) => {
  const viewer = users[8]!;
  const rows = await asUser<{
    post_id: string;
    author_id: string;
    audience: string;
    is_private: boolean;
    category: string;
    market: string;
  }>(
    db,
    viewer,
    `select e.post_id, p.author_id, p.audience, a.is_private, p.metadata ->> 'category' as category, p.metadata ->> 'market' as market
       from app_public.explore_posts(category => 'crypto', market => 'US', max_results => 100) e
       join app_public.posts p on p.id = e.post_id join app_public.profiles a on a.id = p.author_id`,
  );
  t.ok(rows.length > 0, `found ${rows.length}`);
  t.ok(rows.every((r) => r.audience === "public" && !r.is_private && r.category === "crypto" && r.market === "US"));
  const hidden = (
    await db.root.query<{ id: string }>(
      "select muted_id as id from app_public.mutes where muter_id = $1 union select blocked_id from app_public.blocked_users where blocker_id = $1 union select blocker_id from app_public.blocked_users where blocked_id = $1",
      [viewer],
    )
  ).rows.map((r) => r.id);
  t.notOk(
    rows.some((r) => hidden.includes(r.author_id)),
    "muted and blocked authors left out",
  );
  const expected = await db.root.query<{ n: number }>(
    `select count(*)::int as n from app_public.posts p join app_public.profiles a on a.id = p.author_id
      where p.deleted_at is null and p.audience = 'public' and not p.is_paid and not a.is_private
        and p.metadata ->> 'category' = 'crypto' and p.metadata ->> 'market' = 'US' and p.author_id <> all ($1::uuid[])`,
    [hidden],
  );
  t.equal(rows.length, Math.min(100, expected.rows[0]!.n), "and nothing else missing");
  const tagged = await asUser<{ body: string }>(
    db,
    viewer,
    "select p.body from app_public.explore_posts(hashtag => '#TAG1', max_results => 100) e join app_public.posts p on p.id = e.post_id",
  );
  t.ok(tagged.length > 0 && tagged.every((r) => / #tag1$/.test(r.body)), "by hashtag, with or without #, any case");
  t.same(await asUser(db, viewer, "select * from app_public.explore_posts(hashtag => 'nosuchtag')"), [], "unknown hashtag: nothing");
});

t.test("trending hashtags of the last 24 hours", async (t) => {
  const author = await createUser(db);
  for (let i = 0; i < 3; i++)
    await db.root.query("insert into app_public.posts (author_id, body, created_at) values ($1, 'hot #now', now())", [author]);
  await db.root.query("insert into app_public.posts (author_id, body, created_at) values ($1, 'hidden #now', now())", [author]);
  await db.root.query("update app_public.posts set audience = 'only_me' where body = 'hidden #now'");
  const rows = await asUser<{ tag: string; posts: string }>(db, null, "select tag::text, posts from app_public.trending_hashtags(5)");
  t.same(rows[0], { tag: "now", posts: "3" }, "only public posts count, old ones do not");
});

t.test("a user's timeline: their posts and reposts the viewer may see", async (t) => {
  const author = users[10]!;
  const viewer = users[11]!;
  const got = await asUser<{ post_id: string; reposted_by_id: string | null }>(
    db,
    viewer,
    "select e.post_id, e.reposted_by_id from app_public.profiles p, app_public.profiles_timeline(p, null, 100) e where p.id = $1",
    [author],
  );
  const expected = await db.root.query<{ post_id: string; reposted_by_id: string | null; feed_at: Date }>(
    `select * from (
       select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at from app_public.posts p where p.author_id = $1
       union all select r.post_id, r.user_id, r.created_at from app_public.reposts r where r.user_id = $1) e
      where app_hidden.can_see_post($2, e.post_id)
      order by feed_at desc, post_id desc, coalesce(reposted_by_id, '00000000-0000-0000-0000-000000000000') desc limit 100`,
    [author, viewer],
  );
  t.same(
    got,
    expected.rows.map((r) => ({ post_id: r.post_id, reposted_by_id: r.reposted_by_id })),
  );
  await t.rejects(
    asUser(db, viewer, "select * from app_hidden.get_visible_posts_for_user($1, $2)", [author, viewer]),
    { code: "DNIED" },
    "not someone else's view",
  );
  const own = await asUser(db, viewer, "select id from app_hidden.get_visible_posts_for_user($1, $2, max_results => 100)", [
    viewer,
    author,
  ]);
  t.equal(own.length, got.filter((g) => g.reposted_by_id === null).length, "get_visible_posts_for_user agrees");
});

t.test("over GraphQL", async (t) => {
  const sys = await startTestSystem(t, { db });
  const viewer = users[3]!;
  const q = `query($cursor: String) { homeFeed(cursor: $cursor, maxResults: 5) { nodes { cursor feedAt post { rowId body author { handle } } repostedBy { handle } } } }`;
  const r = await graphql(sys.url, q, {}, bearer(viewer));
  const nodes = (r.body.data as { homeFeed: { nodes: { cursor: string; post: { rowId: string } }[] } }).homeFeed.nodes;
  t.equal(nodes.length, 5);
  t.ok(
    nodes.every((n) => n.post?.rowId),
    "entries carry their post",
  );
  const next = await graphql(sys.url, q, { cursor: nodes[4]!.cursor }, bearer(viewer));
  const expected = (await reference(viewer)).slice(5, 10).map((k) => k.split("|")[1]);
  t.same(
    (next.body.data as { homeFeed: { nodes: { post: { rowId: string } }[] } }).homeFeed.nodes.map((n) => n.post.rowId),
    expected,
    "page 2",
  );
  // Entries are hydrated by SECURITY DEFINER functions; they must not be callable on an arbitrary entry.
  const hidden = (
    await db.root.query<{ id: string }>(
      "select id from app_public.posts where audience = 'only_me' and deleted_at is null and author_id <> $1 limit 1",
      [viewer],
    )
  ).rows[0]!.id;
  const probe = await graphql(sys.url, `{ feedEntryPost(e: { postId: "${hidden}" }) { body } }`, {}, bearer(viewer));
  t.match(probe.body.errors?.[0]?.message, /Cannot query field "feedEntryPost"/, "no root field reads a post past the rule");
  const anon = await graphql(sys.url, "{ homeFeed { nodes { cursor } } }");
  t.equal(anon.body.errors?.[0]?.extensions?.code, "LOGIN");
  const explore = await graphql(
    sys.url,
    `
      {
        explorePosts(category: "art", maxResults: 3) {
          nodes {
            post {
              metadata
            }
          }
        }
        trendingHashtags(maxResults: 3) {
          nodes {
            tag
            posts
          }
        }
      }
    `,
  );
  t.equal(explore.body.errors, undefined);
});

// Tiny test data makes sequential scans cheapest; with them off, the planner
// must still find the intended index paths, which a change of the query's shape
// (a condition the index cannot serve) would lose.
t.test("the feed's plan: index scans per followee, no sequential scan of posts or reposts", async (t) => {
  const viewer = users[1]!;
  const notices: string[] = [];
  // A fresh connection: plpgsql caches its plans per session.
  const client = new pg.Client({ connectionString: db.ownerUrl });
  await client.connect();
  client.on("notice", (n: { message?: string }) => notices.push(n.message ?? ""));
  try {
    await client.query("load 'auto_explain'");
    await client.query(
      "set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on; set auto_explain.log_level = notice",
    );
    await client.query("set enable_seqscan = off; set enable_bitmapscan = off");
    await client.query("begin");
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: viewer, role: "authenticated" })]);
    await client.query("set local role authenticated");
    await client.query("select * from app_public.home_feed(null, 20)");
    await client.query("rollback");
  } finally {
    await client.end();
  }
  const plan = notices.find((n) => n.includes("reposts_user_idx") || n.includes("posts_author_created_idx")) ?? notices.join("\n");
  t.match(plan, /Index (Only )?Scan using posts_author_created_idx/, "posts: top-N per followee from the index");
  t.match(plan, /Index (Only )?Scan using reposts_user_idx/, "reposts: likewise");
  t.notMatch(plan, /Seq Scan on posts|Seq Scan on reposts/, "never a sequential scan");
});
