/**
 * `npm run bench:seed [-- --scale 0.1]`: a realistic social graph in the bench
 * database, generated in SQL (generate_series, set-based), not row by row.
 *
 * At scale 1: 100k users, 1M posts, ~5M follows with power-law follower counts
 * (the top accounts have more than 50k followers), 200k reposts, 5% private
 * accounts, metadata spread over categories, markets and symbols. Counters
 * are computed at the end. Deterministic user ids: md5('user' || n)::uuid.
 */
import pg from "pg";
import { benchDatabase, logger } from "./lib.ts";

function scaleArg(argv: string[]): number {
  const i = argv.indexOf("--scale");
  const raw = i >= 0 ? argv[i + 1] : process.env.BENCH_SCALE;
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new Error(`--scale must be a number in (0, 10], got ${raw}`);
  return scale;
}

export async function seed(ownerUrl: string, scale: number): Promise<Record<string, number>> {
  const users = Math.max(100, Math.round(100_000 * scale));
  const posts = Math.max(1000, Math.round(1_000_000 * scale));
  const reposts = Math.round(posts / 5);
  const followsPerUser = 50;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const r = await client.query(sql, params);
    logger.info({ step: name, rows: r.rowCount, ms: Date.now() - started }, "seed");
    process.stdout.write(`  ${name}: ${r.rowCount ?? ""} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  };
  try {
    // Bulk load: triggers (counters, extraction, timestamps) and FK checks off; counters computed below.
    await client.query("set session_replication_role = replica");
    await client.query("set maintenance_work_mem = '512MB'");
    await client.query("set work_mem = '256MB'");
    await step("clear", "truncate auth.users, app_public.profiles, app_public.hashtags cascade");
    await step(
      "users",
      `insert into auth.users (id, email, email_confirmed_at, raw_app_meta_data, created_at)
       select md5('user' || n)::uuid, 'user' || n || '@bench.example', now(), '{"provider":"email","providers":["email"]}',
              now() - make_interval(days => 60)
         from generate_series(1, $1) n`,
      [users],
    );
    await step(
      "profiles",
      `insert into app_public.profiles (id, handle, display_name, is_private, created_at, updated_at)
       select md5('user' || n)::uuid, 'user' || n, 'User ' || n, n % 20 = 7, now() - make_interval(days => 60), now()
         from generate_series(1, $1) n`,
      [users],
    );
    await step("settings", "insert into app_public.user_settings (user_id) select id from app_public.profiles");
    await step("details", "insert into app_public.profile_details (profile_id) select id from app_public.profiles");
    // Power law: followee index = floor(users * r^3), so low-numbered users are followed by many.
    await step(
      "follows",
      `insert into app_public.followers (follower_id, following_id, status, created_at, approved_at)
       select distinct on (f, t) md5('user' || f)::uuid, md5('user' || t)::uuid, 'approved'::app_public.follow_status,
              now() - make_interval(days => 30), now() - make_interval(days => 30)
         from (select f, 1 + floor($1 * power(random(), 3))::int as t
                 from generate_series(1, $1) f, generate_series(1, $2) k) x
        where f <> t`,
      [users, followsPerUser],
    );
    // Authors: skewed too (some write thousands of posts); times over the last 30 days.
    await step(
      "posts",
      `insert into app_public.posts (id, author_id, body, audience, metadata, created_at, updated_at)
       select gen_random_uuid(), md5('user' || (1 + floor($1 * power(random(), 2))::int))::uuid,
              'Post number ' || n || ' about #topic' || (n % 100),
              case when r < 0.80 then 'public' when r < 0.92 then 'followers' when r < 0.97 then 'mutuals' else 'only_me' end::app_public.post_audience,
              jsonb_build_object('category', (array['crypto','stocks','forex','art','sports','tech'])[1 + n % 6],
                                 'market', (array['US','EU','ASIA'])[1 + n % 3],
                                 'symbol', (array['BTC','ETH','AAPL','TSLA','EURUSD','SOL','NVDA','GOLD'])[1 + n % 8]),
              ts, ts
         from (select n, random() as r, now() - make_interval(secs => random() * 30 * 86400) as ts
                 from generate_series(1, $2) n) x`,
      [users, posts],
    );
    await step(
      "reposts",
      `insert into app_public.reposts (post_id, user_id, created_at)
       select distinct on (p.id, x.u) p.id, md5('user' || x.u)::uuid, p.created_at + make_interval(secs => random() * 86400)
         from (select id, created_at, row_number() over () as rn
                 from (select id, created_at from app_public.posts where audience = 'public' order by random() limit $2) s) p
         join (select n as rn, 1 + floor($1 * random())::int as u from generate_series(1, $2) n) x using (rn)`,
      [users, reposts],
    );
    await step(
      "counters: follows",
      `update app_public.profiles p set followers_count = coalesce(f.n, 0), following_count = coalesce(g.n, 0)
         from app_public.profiles q
         left join (select following_id as id, count(*) as n from app_public.followers group by 1) f on f.id = q.id
         left join (select follower_id as id, count(*) as n from app_public.followers group by 1) g on g.id = q.id
        where p.id = q.id`,
    );
    await step(
      "counters: posts",
      `update app_public.profiles p set posts_count = c.n
         from (select author_id as id, count(*) as n from app_public.posts group by 1) c where p.id = c.id`,
    );
    await step(
      "counters: reposts",
      `update app_public.posts p set reposts_count = c.n
         from (select post_id as id, count(*) as n from app_public.reposts group by 1) c where p.id = c.id`,
    );
    await client.query("set session_replication_role = origin");
    // Accounts above the push threshold are pulled at read time (the trigger that marks them was off).
    await step("pulled authors", "select app_private.refresh_feed_pull_authors()");
    // Half the users were active in the last week (their cached feeds receive new posts).
    await step(
      "activity",
      `insert into app_private.user_activity (user_id, last_active_at)
       select id, now() - make_interval(secs => random() * 14 * 86400) from app_public.profiles
       on conflict (user_id) do update set last_active_at = excluded.last_active_at`,
    );
    await step("vacuum analyze", "vacuum analyze");
    const { rows } = await client.query<{ users: number; posts: number; follows: number; reposts: number; top_followers: number }>(
      `select (select count(*) from app_public.profiles)::int as users, (select count(*) from app_public.posts)::int as posts,
              (select count(*) from app_public.followers)::int as follows, (select count(*) from app_public.reposts)::int as reposts,
              (select max(followers_count) from app_public.profiles) as top_followers`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

if (import.meta.main) {
  const scale = scaleArg(process.argv.slice(2));
  const db = await benchDatabase();
  try {
    const started = Date.now();
    process.stdout.write(`seeding ${db.ownerUrl.replace(/:[^:@/]*@/, ":***@")} at scale ${scale}\n`);
    const counts = await seed(db.ownerUrl, scale);
    process.stdout.write(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}\n`);
  } finally {
    await db.stop();
  }
}
