/**
 * Creator-economy scenarios, on the seeded graph (`npm run bench:seed` first):
 *   E1  view ingestion over POST /analytics/v1/events, batches of 100 views by
 *       random signed-in viewers of random public posts: straight into
 *       PostgreSQL (no Redis), then buffered in Redis plus the counter sync
 *       draining the buffer into PostgreSQL (events/s for each part)
 *   E2  calculate_monthly_revenue for last month, on 1% of posts made videos,
 *       with views and likes for that month generated in SQL
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import type { Database } from "../../db/prepare.ts";
import { syncViews } from "../../lib/domain/view-buffer.ts";
import { load, startServer, writeResult, type LoadResult } from "../lib.ts";
import { seededUsers, tokenFor } from "./feed.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const BATCH = 100;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

async function withClient<T>(db: Database, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.ownerUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** What the server answered, summed over the run. */
interface Tally {
  received: number;
  counted: number;
  buffered: number;
}

function eventRequests(tokens: string[], posts: string[], tally: Tally) {
  const pick = <T>(a: T[]) => a[Math.floor(Math.random() * a.length)]!;
  return [
    {
      method: "POST" as const,
      path: "/analytics/v1/events",
      setupRequest(req: Record<string, unknown>) {
        const events = Array.from({ length: BATCH }, () => ({ type: "view", post_id: pick(posts) }));
        return {
          ...req,
          headers: { "content-type": "application/json", authorization: `Bearer ${pick(tokens)}` },
          body: JSON.stringify({ events }),
        };
      },
      onResponse(status: number, body: string) {
        if (status !== 200) return;
        const v = (JSON.parse(body) as { views: { received: number; counted: number | null; buffered: number | null } }).views;
        tally.received += v.received;
        tally.counted += v.counted ?? 0;
        tally.buffered += v.buffered ?? 0;
      },
    },
  ];
}
const newTally = (): Tally => ({ received: 0, counted: 0, buffered: 0 });

const eventsPerSecond = (r: LoadResult) => Math.round(r.rps * BATCH);
const viewsIn = (c: pg.Client) =>
  c.query<{ n: number }>("select count(*)::int as n from app_private.post_view_logs").then((r) => r.rows[0]!.n);

async function ingestion(db: Database, users: number): Promise<void> {
  const tokens = Array.from({ length: Math.min(2000, users - 200) }, (_, i) => tokenFor(200 + i));
  const posts = await withClient(db, async (c) =>
    (
      await c.query<{ id: string }>(
        `select p.id from app_public.posts p join app_public.profiles a on a.id = p.author_id
        where p.audience = 'public' and not p.is_paid and p.deleted_at is null and not a.is_private
        order by random() limit 5000`,
      )
    ).rows.map((r) => r.id),
  );
  const directTally = newTally();
  const redisTally = newTally();

  // Without Redis: each request counts its views in PostgreSQL.
  let server = await startServer(db);
  const before = await withClient(db, viewsIn);
  let direct: LoadResult;
  try {
    direct = await load({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: eventRequests(tokens, posts, directTally) as never,
    });
  } finally {
    await server.stop();
  }
  const countedDirect = (await withClient(db, viewsIn)) - before;

  // With Redis: requests only buffer; the sync then drains the buffer into PostgreSQL.
  const prefix = `pgsocial-bench:${randomBytes(4).toString("hex")}:`;
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 1 });
  let buffered: LoadResult | undefined;
  let drain: { events: number; counted: number; seconds: number } | undefined;
  try {
    await redis.connect();
    server = await startServer(db, { REDIS_URL, REDIS_KEY_PREFIX: prefix });
    try {
      buffered = await load({
        url: server.url,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: eventRequests(tokens, posts, redisTally) as never,
      });
    } finally {
      await server.stop();
    }
    const started = performance.now();
    const synced = await withClient(db, (c) => syncViews(redis, c, { maxBatches: 1000 }));
    drain = { events: synced.events, counted: synced.counted, seconds: Math.round(performance.now() - started) / 1000 };
  } catch (err) {
    process.stdout.write(`E1 with Redis skipped: ${err instanceof Error ? err.message : String(err)}\n`);
  } finally {
    if (redis.status === "ready") {
      const keys = await redis.keys(`${prefix}*`);
      for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000).map((k) => k.slice(prefix.length)));
    }
    redis.disconnect();
  }

  const drainRate = drain ? Math.round(drain.events / drain.seconds) : undefined;
  writeResult("E1-view-ingestion", {
    batch: BATCH,
    without_redis: { load: direct, events_per_s: eventsPerSecond(direct), answered: directTally, views_logged: countedDirect },
    with_redis: buffered
      ? { load: buffered, events_per_s: eventsPerSecond(buffered), answered: redisTally, drain, drain_events_per_s: drainRate }
      : null,
    summary:
      `View events in batches of ${BATCH} over \`POST /analytics/v1/events\`, ${CONNECTIONS} connections: ` +
      `without Redis **${eventsPerSecond(direct)} events/s** (${direct.rps} req/s, p95 ${direct.p95_ms} ms; ${countedDirect} views counted)` +
      (buffered && drain
        ? `; with Redis **${eventsPerSecond(buffered)} events/s** accepted (${buffered.rps} req/s, p95 ${buffered.p95_ms} ms), ` +
          `then the counter sync moved ${drain.events} buffered events into PostgreSQL in ${drain.seconds} s (**${drainRate} events/s**, ${drain.counted} counted).`
        : "; with Redis: not measured (no Redis)."),
  });
  process.stdout.write(
    `E1: direct ${eventsPerSecond(direct)} events/s; redis ${buffered ? eventsPerSecond(buffered) : "-"} events/s; drain ${drainRate ?? "-"} events/s\n`,
  );
}

async function monthlyRevenue(db: Database): Promise<void> {
  await withClient(db, async (c) => {
    const month = (
      await c.query<{ m: string }>("select (date_trunc('month', now() at time zone 'UTC') - interval '1 month')::date::text as m")
    ).rows[0]!.m;
    const step = async (name: string, sql: string, params: unknown[] = []) => {
      const started = performance.now();
      const r = await c.query(sql, params);
      process.stdout.write(`  E2 ${name}: ${r.rowCount ?? ""} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      return r;
    };
    const videos = (await c.query<{ n: number }>("select count(*)::int as n from app_public.user_videos")).rows[0]!.n;
    if (videos === 0) {
      // 1% of posts become videos (the trigger fills user_videos); their authors meet the thresholds.
      await step(
        "videos",
        `insert into app_public.post_media (post_id, media_type, url)
        select id, 'video', 'https://cdn.example/' || id || '.mp4' from app_public.posts where deleted_at is null order by random()
         limit (select count(*) / 100 from app_public.posts)`,
      );
      await c.query("set session_replication_role = replica");
      await step(
        "eligible creators",
        `update app_public.profiles set profile_likes_count = 6000, posts_count = greatest(posts_count, 20)
        where id in (select user_id from app_public.user_videos)`,
      );
      await step(
        "post likes",
        `update app_public.posts set likes_count = 12000 where id in (select distinct on (user_id) post_id from app_public.user_videos)`,
      );
      // The month's activity: ~1,000 views and ~20 likes per video.
      await step(
        "views",
        `insert into app_private.post_view_logs (post_id, author_id, viewer_id, ip, viewed_at)
        select v.post_id, v.user_id, gen_random_uuid(), ('10.' || (random() * 255)::int || '.' || (random() * 255)::int || '.1')::inet,
               $1::date + make_interval(secs => random() * 28 * 86400)
          from app_public.user_videos v, generate_series(1, 1000)`,
        [month],
      );
      await step(
        "likes",
        `insert into app_public.likes (post_id, user_id, created_at)
        select v.post_id, md5('user' || (1 + floor(random() * $2))::int)::uuid, $1::date + make_interval(secs => random() * 28 * 86400)
          from app_public.user_videos v, generate_series(1, 20)
        on conflict do nothing`,
        [month, await seededUsers(db)],
      );
      await c.query("set session_replication_role = origin");
      await step(
        "vacuum analyze",
        "vacuum analyze app_private.post_view_logs, app_public.likes, app_public.user_videos, app_public.posts, app_public.profiles",
      );
    }
    await c.query("delete from app_public.video_revenue where month = $1", [month]);
    await c.query("delete from app_private.revenue_months where month = $1", [month]);
    const started = performance.now();
    const rows = (await c.query<{ n: number }>("select app_public.calculate_monthly_revenue($1) as n", [month])).rows[0]!.n;
    const ms = Math.round(performance.now() - started);
    const facts = (
      await c.query<{ videos: number; views: number; likes: number; total: string }>(
        `select (select count(*)::int from app_public.user_videos) as videos,
              (select count(*)::int from app_private.post_view_logs where viewed_at >= $1::date and viewed_at < $1::date + interval '1 month') as views,
              (select count(*)::int from app_public.likes where created_at >= $1::date and created_at < $1::date + interval '1 month') as likes,
              (select total::text from app_private.revenue_months where month = $1) as total`,
        [month],
      )
    ).rows[0]!;
    writeResult("E2-monthly-revenue", {
      month,
      ...facts,
      rows_written: rows,
      ms,
      summary:
        `\`calculate_monthly_revenue\` for ${month}: **${ms} ms** for ${facts.videos} videos (${rows} revenue rows, total ${facts.total}) ` +
        `over ${facts.views} views and ${facts.likes} likes of the month.`,
    });
    process.stdout.write(`E2: ${ms} ms, ${rows} rows\n`);
  });
}

export async function economyScenarios(db: Database): Promise<void> {
  const users = await seededUsers(db);
  if (users < 1000) throw new Error("The bench database is not seeded: run `npm run bench:seed` first.");
  await ingestion(db, users);
  await monthlyRevenue(db);
}
