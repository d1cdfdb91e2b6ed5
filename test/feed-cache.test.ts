/**
 * The home feed through Redis (hybrid fan-out) returns the same pages as the
 * PostgreSQL path, on a generated graph: cold and warm caches, trimmed caches
 * (pages below the floor), pulled authors, and after follow, unfollow, block,
 * mute, delete, new posts and reposts; with Redis down; for a returning user.
 */
import t, { type Test } from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { type Entry, entryKey, generateFeedGraph } from "./helpers/feed-graph.ts";
import { testRedis } from "./helpers/redis.ts";
import { asUser, bearer } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const redis = await testRedis(t, "the Redis path of the home feed");
if (redis) {
  const db = await createTestDatabase(t);
  const { users, reference } = await generateFeedGraph(db);
  // Small numbers, so that a few authors are pulled and caches get trimmed.
  await db.root.query("update app_private.settings set value = '8' where key = 'feed_push_max_followers'");
  await db.root.query("update app_private.settings set value = '25' where key = 'feed_cache_size'");
  const pulled = (await db.root.query<{ n: number }>("select app_private.refresh_feed_pull_authors() as n")).rows[0]!.n;
  await db.root.query("insert into app_private.user_activity (user_id) select id from app_public.profiles on conflict do nothing");
  await db.root.query("alter table app_public.posts enable trigger _100_timestamps");

  const sys = await startTestSystem(t, { db, worker: true, env: redis.env });
  const metaKey = (u: string) => `feed:home:{${u}}:meta`;

  const FEED = `query($cursor: String, $n: Int) { homeFeed(cursor: $cursor, maxResults: $n) { nodes { postId repostedById feedAt cursor } } }`;
  interface Node {
    postId: string;
    repostedById: string | null;
    feedAt: string;
    cursor: string;
  }

  /** Page through the whole feed over GraphQL (the Redis path when a cache exists). */
  async function walkGraphql(viewer: string, size: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const r = await graphql(sys.url, FEED, { cursor, n: size }, bearer(viewer));
      if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
      const nodes = (r.body.data as { homeFeed: { nodes: Node[] } }).homeFeed.nodes;
      if (nodes.length === 0) return pages;
      pages.push(nodes.map((n) => entryKey({ post_id: n.postId, reposted_by_id: n.repostedById, feed_at: new Date(n.feedAt) })));
      cursor = nodes[nodes.length - 1]!.cursor;
      if (pages.length > 500) throw new Error("runaway paging");
    }
  }

  /** The same through SQL's home_feed: the PostgreSQL path. */
  async function walkSql(viewer: string, size: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const rows: Entry[] = await asUser<Entry & Record<string, unknown>>(db, viewer, "select * from app_public.home_feed($1, $2)", [
        cursor,
        size,
      ]);
      if (rows.length === 0) return pages;
      pages.push(rows.map(entryKey));
      cursor = rows[rows.length - 1]!.cursor;
    }
  }

  const feedJobs = async () =>
    (await db.root.query<{ n: number }>("select count(*)::int as n from graphile_worker.jobs where task_identifier like 'feed\\_\\_%'"))
      .rows[0]!.n;
  const settled = () => eventually(async () => (await feedJobs()) === 0, 20_000, "feed jobs done");

  const viewers = users.slice(0, 12);

  async function comparePaths(t: Test, label: string) {
    for (const viewer of viewers) {
      for (const size of [7, 20]) {
        const [viaGraphql, viaSql] = [await walkGraphql(viewer, size), await walkSql(viewer, size)];
        t.same(viaGraphql, viaSql, `${label}: viewer ${users.indexOf(viewer)}, pages of ${size}`);
      }
    }
  }

  t.test("a first read is served from PostgreSQL and builds the cache", async (t) => {
    t.ok(pulled > 0, `${pulled} authors are pulled at read time`);
    const viewer = viewers[0]!;
    t.equal(await redis.client.exists(metaKey(viewer)), 0, "no cache yet");
    const first = await walkGraphql(viewer, 20);
    t.same(first.flat(), await reference(viewer), "the feed, complete, from PostgreSQL");
    await eventually(async () => (await redis.client.exists(metaKey(viewer))) === 1, 10_000, "cache built");
    for (const v of viewers) await graphql(sys.url, FEED, {}, bearer(v));
    await eventually(
      async () => (await Promise.all(viewers.map((v) => redis.client.exists(metaKey(v))))).every((x) => x === 1),
      20_000,
      "all caches built",
    );
    const size = await redis.client.zcard(`feed:home:{${viewer}}`);
    t.ok(size > 0 && size <= 25, `the cache holds ${size} entries (capped at 25)`);
  });

  t.test("warm caches give the same pages as PostgreSQL, also beyond the cache", async (t) => {
    await comparePaths(t, "warm");
  });

  t.test("the cache is really what serves: a member removed behind its back is missing from that path only", async (t) => {
    const viewer = viewers[1]!;
    const feedKey = `feed:home:{${viewer}}`;
    const sqlFirst = (await walkSql(viewer, 5))[0]!;
    const members = await redis.client.zrange(feedKey, "+inf", "-inf", "BYSCORE", "REV");
    const memberKey = (m: string) => {
      const [µs, postId, reposter] = m.split(".");
      const nil = "00000000-0000-0000-0000-000000000000";
      return entryKey({ post_id: postId!, reposted_by_id: reposter === nil ? null : reposter!, feed_at: new Date(Number(µs) / 1000) });
    };
    const victim = members.find((m) => sqlFirst.includes(memberKey(m)));
    if (!victim) throw new Error("no entry of the first page is in the cache");
    await redis.client.zrem(feedKey, victim);
    const graphFirst = (await walkGraphql(viewer, 5))[0]!;
    t.notOk(graphFirst.includes(memberKey(victim)), "the removed entry is not on the Redis path's page");
    t.ok(sqlFirst.includes(memberKey(victim)), "but it is on PostgreSQL's");
    await redis.client.zadd(feedKey, victim.split(".")[0]!, victim);
    t.same(await walkGraphql(viewer, 5), await walkSql(viewer, 5), "restored: the same again");
  });

  t.test("a forged cache member cannot show anything the viewer may not see", async (t) => {
    const viewer = viewers[2]!;
    // Every post of someone the viewer does not follow, newest first, as cache members.
    const { rows } = await db.root.query<{ m: string }>(
      `select app_private.feed_cursor(p.created_at, p.id, null) as m from app_public.posts p
        where p.author_id <> $1 and p.author_id not in (select following_id from app_public.followers where follower_id = $1)
        order by p.created_at desc limit 50`,
      [viewer],
    );
    for (const { m } of rows) await redis.client.zadd(`feed:home:{${viewer}}`, m.split(".")[0]!, m);
    t.same(await walkGraphql(viewer, 20), await walkSql(viewer, 20), "the forged members are ignored");
    await redis.client.del(`feed:home:{${viewer}}`, metaKey(viewer));
  });

  t.test("a follow changes the Redis path's pages at once (no waiting for the cache)", async (t) => {
    const viewer = viewers[3]!;
    const { rows } = await db.root.query<{ id: string }>(
      `select p.id from app_public.profiles p where p.id <> $1 and not p.is_private
          and not exists (select 1 from app_public.followers f where f.follower_id = $1 and f.following_id = p.id)
          and not exists (select 1 from app_public.blocked_users b where (b.blocker_id, b.blocked_id) in (($1, p.id), (p.id, $1)))
          and exists (select 1 from app_public.posts x where x.author_id = p.id and x.audience = 'public' and x.deleted_at is null)
        limit 1`,
      [viewer],
    );
    const target = rows[0]!.id;
    const before = await walkGraphql(viewer, 20);
    await asUser(db, viewer, "select app_public.follow($1)", [target]);
    const after = await walkGraphql(viewer, 20);
    t.not(after.flat().length, before.flat().length, "the new followee's posts appear");
    t.same(after, await walkSql(viewer, 20), "identical to PostgreSQL immediately");
  });

  t.test("after follows, unfollows, blocks, mutes, deletes, posts and reposts, both paths agree", async (t) => {
    const [a, b, c, d, e, f] = viewers;
    await asUser(db, a!, "select app_public.unfollow(following_id) from app_public.followers where follower_id = $1 limit 2", [a]);
    await asUser(db, b!, "select app_public.block_user($1)", [users[20]]);
    await asUser(db, c!, "select app_public.mute_user($1)", [users[21]]);
    await asUser(db, d!, "select app_public.follow($1)", [users[22]]);
    // New posts by authors both pushed and pulled, a repost and an undone repost, a deletion.
    const fresh: string[] = [];
    for (const author of users.slice(12, 30)) {
      const r = await asUser<{ id: string }>(db, author, "insert into app_public.posts (body) values ('fresh news') returning id");
      fresh.push(r[0]!.id);
    }
    await asUser(db, e!, "select app_public.repost_post($1)", [fresh[0]]);
    await asUser(db, f!, "select app_public.repost_post($1)", [fresh[1]]);
    await asUser(db, f!, "select app_public.undo_repost($1)", [fresh[1]]);
    const victim = (await db.root.query<{ author_id: string }>("select author_id from app_public.posts where id = $1", [fresh[2]])).rows[0]!
      .author_id;
    await asUser(db, victim, "select app_public.delete_post($1)", [fresh[2]]);
    await settled();
    await comparePaths(t, "after changes");
    // The fresh posts did reach caches (pushed, not only pulled).
    const pushed = await redis.client.zscore(
      `feed:home:{${e}}`,
      (
        await db.root.query<{ m: string }>(
          "select app_private.feed_cursor(r.created_at, r.post_id, r.user_id) as m from app_public.reposts r where r.user_id = $1 and r.post_id = $2",
          [e, fresh[0]],
        )
      ).rows[0]?.m ?? "none",
    );
    t.ok(
      pushed !== null || (await db.root.query("select 1 from app_private.feed_pull_authors where author_id = $1", [e])).rowCount === 1,
      "the repost was pushed into its reposter's cache (unless the reposter is pulled)",
    );
  });

  t.test("a returning user whose cache expired reads from PostgreSQL, then the cache is rebuilt", async (t) => {
    // Someone who has not read their feed through this server yet.
    const viewer = users[25]!;
    await db.root.query("update app_private.user_activity set last_active_at = now() - interval '8 days' where user_id = $1", [viewer]);
    await redis.client.del(`feed:home:{${viewer}}`, metaKey(viewer), `feed:home:{${viewer}}:requested`);
    // An inactive user is not pushed to (no cache is created for them by the fan-out).
    const author = (
      await db.root.query<{ id: string }>(
        "select following_id as id from app_public.followers where follower_id = $1 and status = 'approved' limit 1",
        [viewer],
      )
    ).rows[0]!.id;
    await asUser(db, author, "insert into app_public.posts (body) values ('while you were away')");
    await settled();
    t.equal(await redis.client.exists(`feed:home:{${viewer}}`), 0, "nothing was pushed for the inactive user");
    t.same(await walkGraphql(viewer, 7), await walkSql(viewer, 7), "served from PostgreSQL meanwhile");
    await eventually(async () => (await redis.client.exists(metaKey(viewer))) === 1, 10_000, "rebuilt");
    t.same(await walkGraphql(viewer, 7), await walkSql(viewer, 7), "then from the cache, the same");
    const active = await db.root.query(
      "select 1 from app_private.user_activity where user_id = $1 and last_active_at > now() - interval '1 minute'",
      [viewer],
    );
    t.equal(active.rowCount, 1, "reading made the user active again");
  });

  t.test("with Redis down, the feed is served from PostgreSQL", async (t) => {
    const down = await startTestSystem(t, { db, env: { REDIS_URL: "redis://127.0.0.1:1", REDIS_KEY_PREFIX: redis.prefix } });
    const viewer = viewers[7]!;
    const r = await graphql(down.url, FEED, { n: 20 }, bearer(viewer));
    t.equal(r.body.errors, undefined);
    const nodes = (r.body.data as { homeFeed: { nodes: Node[] } }).homeFeed.nodes;
    t.same(
      nodes.map((n) => entryKey({ post_id: n.postId, reposted_by_id: n.repostedById, feed_at: new Date(n.feedAt) })),
      (await walkSql(viewer, 20))[0],
    );
  });

  t.test("bad cursors are refused the same way on the Redis path", async (t) => {
    const r = await graphql(sys.url, FEED, { cursor: "nonsense" }, bearer(viewers[0]!));
    t.equal(r.body.errors?.[0]?.extensions?.code, "INVAL");
    const anon = await graphql(sys.url, FEED, {});
    t.equal(anon.body.errors?.[0]?.extensions?.code, "LOGIN");
  });
}
