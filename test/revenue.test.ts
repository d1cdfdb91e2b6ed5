/**
 * Monthly video revenue on hand-computed fixtures: exact decimals, UTC month
 * boundaries, ineligible, flagged and demonetized excluded, once per month,
 * run by the worker's job; and the eligibility status a creator sees.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createEligibleCreator, createPost, likeAt, logViews, makeStaff, withoutTriggers } from "./helpers/economy.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);

/** First day of the month `back` months before the current one (UTC), as YYYY-MM-DD. */
function monthStart(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}
const lastMonth = monthStart(1);
const nextMonthStart = monthStart(0);
const lastMonthEnd = new Date(Date.parse(`${nextMonthStart}T00:00:00Z`) - 1).toISOString(); // 23:59:59.999 of its last day
const inMonth = `${lastMonth.slice(0, 8)}15T12:00:00Z`;

const revenueRows = async () =>
  (
    await db.root.query<{ post_id: string; user_id: string; likes: number; views: number; amount: string }>(
      "select post_id, user_id, likes, views, amount::text from app_public.video_revenue where month = $1 order by amount desc",
      [lastMonth],
    )
  ).rows;

t.test("last month's revenue, calculated by the worker's monthly job", async (t) => {
  // Creator A, eligible: two videos and a text post.
  const a = await createEligibleCreator(db);
  const v1 = await createPost(db, a, { video: true });
  await likeAt(db, v1, 7, inMonth);
  await logViews(db, v1, 11, inMonth);
  await logViews(db, v1, 1, `${lastMonth}T00:00:00Z`); // the first instant of the month: in
  await logViews(db, v1, 1, lastMonthEnd); // the last millisecond: in
  await likeAt(db, v1, 1, new Date(Date.parse(`${lastMonth}T00:00:00Z`) - 1).toISOString()); // the month before: out
  await logViews(db, v1, 1, `${nextMonthStart}T00:00:00Z`); // this month: out
  const v2 = await createPost(db, a, { video: true });
  await logViews(db, v2, 12345, inMonth); // 1.2345 exactly
  const text = await createPost(db, a);
  await likeAt(db, text, 3, inMonth); // not a video: earns nothing
  await logViews(db, text, 50, inMonth);
  const demonetized = await createPost(db, a, { video: true });
  await likeAt(db, demonetized, 2, inMonth);
  await db.root.query("update app_public.posts set is_demonetized = true where id = $1", [demonetized]);
  const quiet = await createPost(db, a, { video: true }); // no likes, no views: no row
  void quiet;

  // B: everything but the account age.
  const b = await createEligibleCreator(db);
  await withoutTriggers(db.root, async () => {
    await db.root.query("update app_public.profiles set created_at = now() - interval '29 days' where id = $1", [b]);
  });
  const vb = await createPost(db, b, { video: true });
  await likeAt(db, vb, 2, inMonth);
  // C: eligible but flagged for cheating. D: eligible but demonetized.
  const c = await createEligibleCreator(db);
  await db.root.query("insert into app_public.user_cheat_status (user_id, is_flagged, flagged_at) values ($1, true, now())", [c]);
  const vc = await createPost(db, c, { video: true });
  await logViews(db, vc, 100, inMonth);
  const d = await createEligibleCreator(db);
  await db.root.query("update app_public.profiles set is_demonetized = true where id = $1", [d]);
  const vd = await createPost(db, d, { video: true });
  await logViews(db, vd, 100, inMonth);

  const sys = await startTestSystem(t, { db, server: false, worker: true });
  await db.root.query("select app_private.add_job('revenue__monthly', json_build_object('month', $1::text))", [lastMonth]);
  await eventually(
    async () => (await db.root.query("select 1 from app_private.revenue_months where month = $1", [lastMonth])).rowCount,
    15_000,
    "the job",
  );

  t.same(
    await revenueRows(),
    [
      { post_id: v2, user_id: a, likes: 0, views: 12345, amount: "1.2345" },
      { post_id: v1, user_id: a, likes: 7, views: 13, amount: "0.0083" }, // 7 × 0.001 + 13 × 0.0001
    ],
    "A's two videos, hand-computed; B (too young), C (flagged), D (demonetized) and the demonetized video earn nothing",
  );

  t.equal(
    (await db.root.query<{ n: number }>("select app_public.calculate_monthly_revenue($1) as n", [lastMonth])).rows[0]!.n,
    0,
    "a second run writes nothing",
  );
  await likeAt(db, v1, 5, inMonth);
  t.equal(
    (await db.root.query<{ n: number }>("select app_public.calculate_monthly_revenue($1) as n", [`${lastMonth.slice(0, 8)}20`])).rows[0]!.n,
    0,
    "any day of the month names it",
  );
  t.equal((await revenueRows()).length, 2, "still the same rows");
  t.equal(
    (await db.root.query<{ total: string }>("select total::text from app_private.revenue_months where month = $1", [lastMonth])).rows[0]!
      .total,
    "1.2428",
  );
  await sys.stop();

  t.test("who sees it", async (t) => {
    const [stranger, mod] = [await createUser(db), await createUser(db)];
    await makeStaff(db, mod, "moderator");
    const q = "select post_id from app_public.video_revenue";
    t.equal((await asRole(db.root, { role: "authenticated", sub: a }, q)).length, 2, "the creator sees theirs");
    t.equal((await asRole(db.root, { role: "authenticated", sub: stranger }, q)).length, 0, "others nothing");
    t.equal((await asRole(db.root, { role: "anon" }, "select 1")).length, 1);
    t.equal((await asRole(db.root, { role: "anon" }, q)).length, 0, "anonymous: nothing");
    t.equal((await asRole(db.root, { role: "authenticated", sub: mod }, q)).length, 2, "staff see all");
  });
});

t.test("only jobs and admins calculate, only for months that have ended", async (t) => {
  const [user, admin] = [await createUser(db), await createUser(db)];
  await makeStaff(db, admin, "admin");
  const month = monthStart(2);
  await t.rejects(asRole(db.root, { role: "authenticated", sub: user }, "select app_public.calculate_monthly_revenue($1)", [month]), {
    code: "DNIED",
  });
  await t.rejects(
    db.root.query("select app_public.calculate_monthly_revenue($1)", [monthStart(0)]),
    { code: "INVAL" },
    "the current month",
  );
  const [row] = await asRole<{ n: number }>(
    db.root,
    { role: "authenticated", sub: admin },
    "select app_public.calculate_monthly_revenue($1) as n",
    [month],
  );
  t.equal(row!.n, 1, "an admin may");
  const [early] = (
    await db.root.query<{ likes: number; views: number; amount: string }>(
      "select likes, views, amount::text from app_public.video_revenue where month = $1",
      [month],
    )
  ).rows;
  t.same(early, { likes: 1, views: 0, amount: "0.0010" }, "two months ago: the like given in its last millisecond");
});

t.test("monetization status: which conditions are met, with the numbers", async (t) => {
  const sys = await startTestSystem(t, { db });
  const [newbie, mod, other] = [await createUser(db), await createUser(db), await createUser(db)];
  await makeStaff(db, mod, "moderator");
  const q = `query($u: UUID) { monetizationStatus(userId: $u) { nodes { condition required actual met } } }`;
  const mine = await graphql(sys.url, q, {}, bearer(newbie));
  t.same(mine.body.data, {
    monetizationStatus: {
      nodes: [
        { condition: "account_age_days", required: "30", actual: "0", met: false },
        { condition: "profile_likes", required: "5000", actual: "0", met: false },
        { condition: "post_likes", required: "10000", actual: "0", met: false },
        { condition: "posts", required: "20", actual: "0", met: false },
        { condition: "not_demonetized", required: "1", actual: "1", met: true },
        { condition: "not_flagged", required: "1", actual: "1", met: true },
      ],
    },
  });
  const creator = await createEligibleCreator(db);
  const ok = await graphql(sys.url, q, { u: creator }, bearer(mod));
  t.ok(
    (ok.body.data?.monetizationStatus as { nodes: { met: boolean }[] }).nodes.every((n) => n.met),
    "staff see anyone's: all met",
  );
  const refused = await graphql(sys.url, q, { u: creator }, bearer(other));
  t.equal(refused.body.errors?.[0]?.extensions?.code, "DNIED", "others may not look");

  // Thresholds come from the settings table.
  await db.root.query("update app_private.settings set value = '7000' where key = 'monetization_min_profile_likes'");
  t.teardown(() => db.root.query("update app_private.settings set value = '5000' where key = 'monetization_min_profile_likes'"));
  const raised = await graphql(sys.url, q, {}, bearer(creator));
  t.same((raised.body.data?.monetizationStatus as { nodes: unknown[] }).nodes[1], {
    condition: "profile_likes",
    required: "7000",
    actual: "6000",
    met: false,
  });
});

t.test("the creator dashboard: views, likes, followers, estimated revenue per day", async (t) => {
  const creator = await createUser(db);
  const v = await createPost(db, creator, { video: true });
  const today = new Date().toISOString().slice(0, 10);
  await logViews(db, v, 30, new Date().toISOString());
  await likeAt(db, v, 4, new Date().toISOString());
  await db.root.query("select app_private.refresh_user_analytics($1::date)", [today]);
  await db.root.query("select app_private.refresh_user_analytics($1::date)", [today]); // idempotent
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const rows = await asRole(db.root, { role: "authenticated", sub: creator }, "select * from app_public.creator_dashboard($1, $2)", [
    yesterday,
    today,
  ]);
  t.same(
    rows.map((r) => ({ ...r, estimated_revenue: String(r.estimated_revenue) })),
    [
      { day: rows[0]!.day, views: 0, likes: 0, followers: null, estimated_revenue: "0" },
      { day: rows[1]!.day, views: 30, likes: 4, followers: 0, estimated_revenue: "0.0070" }, // 4 × 0.001 + 30 × 0.0001
    ],
  );
  const stranger = await createUser(db);
  t.same(
    await asRole(db.root, { role: "authenticated", sub: stranger }, "select * from app_public.user_analytics"),
    [],
    "nobody else's rows",
  );
  await t.rejects(
    asRole(db.root, { role: "authenticated", sub: creator }, "select * from app_public.creator_dashboard($1, $2)", [today, yesterday]),
    { code: "INVAL" },
  );
});
