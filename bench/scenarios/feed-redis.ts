/**
 * Feed scenarios with Redis (run after S0–S2 by the `feed` scenario):
 *   S3  home feed page 1 over GraphQL, Redis path (warm caches), against S2
 *   S4  create post over GraphQL, and the time until its fan-out is complete,
 *       for a median author and for the most followed author (pulled, not pushed)
 */
import { Redis } from "ioredis";
import pg from "pg";
import type { Database } from "../../db/prepare.ts";
import { load, startServer, writeResult, type LoadResult } from "../lib.ts";
import { CONNECTIONS, DURATION, FEED_QUERY, graphqlRequests, ratio, tokenFor, tokenForId, userId } from "./feed.ts";

const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = "pgsocial-bench:";
const metaKey = (u: string) => `feed:home:{${u}}:meta`;
const feedKey = (u: string) => `feed:home:{${u}}`;

async function clearPrefix(redis: Redis): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys.map((k) => k.slice(PREFIX.length)));
  } while (cursor !== "0");
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** Read each user's feed once (which queues the rebuild of their cache) and wait until every cache is built. */
async function warmCaches(url: string, redis: Redis, users: { id: string; token: string }[]): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < users.length; i += 20) {
    await Promise.all(users.slice(i, i + 20).map((u) => gql(url, u.token, FEED_QUERY, { c: null })));
  }
  for (;;) {
    const pipeline = redis.pipeline();
    for (const u of users) pipeline.exists(metaKey(u.id));
    const missing = ((await pipeline.exec()) ?? []).filter(([, n]) => n !== 1).length;
    if (missing === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > 600_000) throw new Error(`${missing} caches still missing after 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const round = (n: number) => Math.round(n * 10) / 10;

export async function redisFeedScenarios(db: Database, ctx: { viewers: number[]; pgbenchTps: number; s2Page1: LoadResult }): Promise<void> {
  const redis = new Redis(REDIS_URL, { keyPrefix: PREFIX, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
  } catch {
    process.stdout.write(`S3/S4 SKIPPED: no Redis at ${REDIS_URL}\n`);
    return;
  }
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  await clearPrefix(redis);
  const server = await startServer(db, { REDIS_URL, REDIS_KEY_PREFIX: PREFIX }, true);
  try {
    // S3: home feed through Redis.
    const viewers = ctx.viewers.map((n) => ({ id: userId(n), token: tokenFor(n) }));
    const warmS = await warmCaches(server.url, redis, viewers);
    const pulled = (
      await owner.query<{ avg: number }>(
        `select avg((select count(*) from app_public.followers f join app_private.feed_pull_authors a on a.author_id = f.following_id
                      where f.follower_id = v and f.status = 'approved'))::float as avg from unnest($1::uuid[]) v`,
        [viewers.map((v) => v.id)],
      )
    ).rows[0]!.avg;
    const s3 = await load({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: 3,
      requests: graphqlRequests(() => ({
        token: viewers[Math.floor(Math.random() * viewers.length)]!.token,
        body: { query: FEED_QUERY, variables: { c: null } },
      })) as never,
    });
    const s3Result = {
      load: s3,
      caches_warmed: viewers.length,
      warm_up_s: round(warmS),
      pulled_followees_per_viewer: round(pulled),
      ratio_to_s2_page1: ratio(s3.rps, ctx.s2Page1.rps),
      ratio_to_pgbench_feed: ratio(s3.rps, ctx.pgbenchTps),
      targets: "≥ 2× S2's throughput, p99 ≤ 40 ms",
    };
    writeResult("S3-home-feed-redis", {
      ...s3Result,
      summary:
        `Home feed page 1 over GraphQL, Redis path (${viewers.length} warm caches, ${s3Result.pulled_followees_per_viewer} pulled followees per viewer): ` +
        `**${s3.rps} req/s** = **${s3Result.ratio_to_s2_page1}×** S2 page 1 (${ctx.s2Page1.rps} req/s) and ${s3Result.ratio_to_pgbench_feed} of the pgbench feed ceiling; ` +
        `p50 ${s3.p50_ms} ms, p95 ${s3.p95_ms} ms, p99 ${s3.p99_ms} ms. Targets: ${s3Result.targets}.`,
    });
    process.stdout.write(`S3: ${JSON.stringify(s3Result)}\n`);

    // S4: create post, and fan-out.
    const authors = (
      await owner.query<{ id: string; followers: number; kind: string }>(
        `(select id, followers_count as followers, 'median' as kind from app_public.profiles
           where followers_count >= (select percentile_disc(0.5) within group (order by followers_count) from app_public.profiles where followers_count > 0)
           order by followers_count, id limit 1)
         union all
         (select id, followers_count, 'most followed' from app_public.profiles order by followers_count desc limit 1)`,
      )
    ).rows;
    const CREATE = `mutation($body: String!) { createPost(input: { post: { body: $body } }) { post { rowId } } }`;
    const fanOut: Record<string, unknown> = {};
    for (const author of authors) {
      const { rows: followers } = await owner.query<{ id: string }>(
        `select follower_id as id from app_public.followers where following_id = $1 and status = 'approved' order by follower_id limit 1000`,
        [author.id],
      );
      // Followers active now, with warm caches (the ones a fan-out writes to).
      await owner.query(
        `insert into app_private.user_activity (user_id) select unnest($1::uuid[]) on conflict (user_id) do update set last_active_at = now()`,
        [followers.map((f) => f.id)],
      );
      const sample = followers.slice(0, 200).map((f) => ({ id: f.id, token: tokenForId(f.id) }));
      await warmCaches(server.url, redis, sample);
      const completions: number[] = [];
      const visible: number[] = [];
      let pushedIntoCaches = 0;
      for (let i = 0; i < 10; i++) {
        const data = await gql(server.url, tokenForId(author.id), CREATE, { body: `bench post ${i}` });
        const postId = (data.createPost as { post: { rowId: string } }).post.rowId;
        const created = performance.now();
        const member = (
          await owner.query<{ m: string }>(
            "select app_private.feed_cursor(created_at, id, null) as m from app_public.posts where id = $1",
            [postId],
          )
        ).rows[0]!.m;
        // Visible in a follower's home feed (page 1 over GraphQL).
        const reader = sample[0]!;
        for (;;) {
          const feed = await gql(server.url, reader.token, "{ homeFeed(maxResults: 20) { nodes { postId } } }");
          if ((feed.homeFeed as { nodes: { postId: string }[] }).nodes.some((n) => n.postId === postId)) break;
          if (performance.now() - created > 30_000) throw new Error("post never became visible");
        }
        visible.push(performance.now() - created);
        if (author.kind === "median") {
          // Every active follower's cache has it.
          for (;;) {
            const pipeline = redis.pipeline();
            for (const f of sample) pipeline.zscore(feedKey(f.id), member);
            const missing = ((await pipeline.exec()) ?? []).filter(([, s]) => s === null).length;
            if (missing === 0) break;
            if (performance.now() - created > 30_000) throw new Error(`fan-out incomplete: ${missing} caches`);
            await new Promise((r) => setTimeout(r, 5));
          }
          completions.push(performance.now() - created);
        } else {
          await new Promise((r) => setTimeout(r, 500));
          const pipeline = redis.pipeline();
          for (const f of sample) pipeline.zscore(feedKey(f.id), member);
          pushedIntoCaches += ((await pipeline.exec()) ?? []).filter(([, s]) => s !== null).length;
        }
      }
      fanOut[author.kind] = {
        followers: author.followers,
        active_followers_with_cache: sample.length,
        visible_in_follower_feed_ms: { p50: round(pct(visible, 50)), max: round(Math.max(...visible)) },
        ...(author.kind === "median"
          ? { fan_out_complete_ms: { p50: round(pct(completions, 50)), max: round(Math.max(...completions)) } }
          : { cache_writes_for_10_posts: pushedIntoCaches }),
      };
    }
    const posters = ctx.viewers.slice(0, 200).map((n) => tokenFor(n));
    const create = await load({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: 2,
      requests: graphqlRequests(() => ({
        token: posters[Math.floor(Math.random() * posters.length)]!,
        body: { query: CREATE, variables: { body: "load test" } },
      })) as never,
    });
    const median = fanOut.median as { followers: number; fan_out_complete_ms: { p50: number; max: number } };
    const top = fanOut["most followed"] as {
      followers: number;
      visible_in_follower_feed_ms: { p50: number };
      cache_writes_for_10_posts: number;
    };
    writeResult("S4-create-post-fan-out", {
      create_post: create,
      fan_out: fanOut,
      targets:
        "median author's post in every active follower's cache within 1 s; a 50k-follower author causes no fan-out writes and appears at once",
      summary:
        `\`createPost\` over GraphQL: **${create.rps} req/s**, p50 ${create.p50_ms} ms, p99 ${create.p99_ms} ms. ` +
        `Median author (${median.followers} followers): fan-out complete in every active follower's cache after **${median.fan_out_complete_ms.p50} ms** p50 (max ${median.fan_out_complete_ms.max} ms). ` +
        `Most followed author (${top.followers} followers, pulled): **${top.cache_writes_for_10_posts}** cache writes for 10 posts, visible in a follower's feed after ${top.visible_in_follower_feed_ms.p50} ms p50.`,
    });
    process.stdout.write(`S4: ${JSON.stringify({ create, fanOut })}\n`);
  } finally {
    await server.stop();
    await clearPrefix(redis).catch(() => undefined);
    redis.disconnect();
    await owner.end();
  }
}
