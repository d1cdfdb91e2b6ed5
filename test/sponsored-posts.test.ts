/** Sponsored posts: targeting, serving (at most 1 in 10), charges per impression and like, pause and resume, concurrency, RLS. */
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, asUser, bearer, claimsOf, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));

/** Run as the payment system (service_role), as the server does for a service key. */
const asService = <T extends Record<string, unknown>>(client: pg.ClientBase, sql: string, params: unknown[]) =>
  asRole<T>(client, { role: "service_role" }, sql, params);
let keys = 0;
const addCredits = (sponsor: string, amount: number) =>
  asService(db.root, "select app_public.add_sponsor_credits($1, $2, $3)", [sponsor, amount, `top-up-${++keys}`]);
const balance = async (sponsor: string) =>
  Number(
    (await db.root.query<{ balance: string }>("select balance from app_public.sponsor_credits where sponsor_id = $1", [sponsor])).rows[0]
      ?.balance,
  );

type Campaign = {
  id: string;
  status: string;
  paused_reason: string | null;
  spent: string;
  impressions_count: number;
  likes_count: number;
};
const campaign = async (id: string) =>
  (await db.root.query<Campaign>("select * from app_public.sponsored_posts where id = $1", [id])).rows[0]!;

async function post(author: string, metadata: Record<string, string> = {}, audience = "public"): Promise<string> {
  const { rows } = await db.root.query<{ id: string }>(
    "insert into app_public.posts (author_id, body, metadata, audience) values ($1, 'buy my thing', $2, $3) returning id",
    [author, metadata, audience],
  );
  return rows[0]!.id;
}
interface CampaignInput {
  cpi?: number;
  cpl?: number;
  budget?: number | null;
  placements?: string[];
  categories?: string[];
  markets?: string[];
  countries?: string[];
  ages?: string[];
}
async function createCampaign(sponsor: string, postId: string, c: CampaignInput = {}): Promise<Campaign> {
  const [row] = await asUser<Campaign>(
    db,
    sponsor,
    `select * from app_public.create_sponsored_post($1, $2, $3, $4, $5::app_public.sponsored_placement[], $6, $7, $8, $9::app_public.age_band[])`,
    [
      postId,
      c.cpi ?? 0.01,
      c.cpl ?? 0.1,
      c.budget ?? null,
      c.placements ?? ["home", "explore"],
      c.categories ?? [],
      c.markets ?? [],
      c.countries ?? [],
      c.ages ?? [],
    ],
  );
  return row!;
}
/** A sponsor with credits, and a campaign on a new post of theirs. */
async function sponsorWithCampaign(credits: number, c: CampaignInput = {}) {
  const sponsor = await createUser(db);
  if (credits > 0) await addCredits(sponsor, credits);
  const postId = await post(sponsor);
  return { sponsor, postId, campaign: await createCampaign(sponsor, postId, c) };
}
/** A viewer with targeting settings; `age` in whole years today (UTC). */
async function viewer(s: { country?: string; age?: number; categories?: string[]; markets?: string[] } = {}): Promise<string> {
  const id = await createUser(db);
  await db.root.query(
    `update app_public.user_settings set country = $2,
            birth_date = case when $3::int is null then null else ((now() at time zone 'utc')::date - make_interval(years => $3::int))::date end,
            interest_categories = $4, interest_markets = $5
      where user_id = $1`,
    [id, s.country ?? null, s.age ?? null, s.categories ?? [], s.markets ?? []],
  );
  return id;
}
const entries = async (user: string | null, placement = "home", pageSize = 100) =>
  asUser<{ sponsored_post_id: string; post_id: string; position: number }>(db, user, "select * from app_public.sponsored_entries($1, $2)", [
    placement,
    pageSize,
  ]);
const served = async (user: string | null, among: string[], placement = "home") =>
  (await entries(user, placement))
    .map((e) => e.sponsored_post_id)
    .filter((id) => among.includes(id))
    .sort();
const impression = (user: string, campaignId: string) =>
  asUser<{ id: string | null; amount: string | null }>(
    db,
    user,
    "select r.id, r.amount from app_public.record_sponsored_impression($1) r",
    [campaignId],
  );
const like = (user: string, postId: string) => asUser(db, user, "select app_public.increment_post_likes($1)", [postId]);
/** Each test leaves no campaign running for the next. */
const pauseAll = () =>
  db.root.query("update app_public.sponsored_posts set status = 'paused', paused_reason = 'sponsor' where status = 'active'");

t.test("targeting: category, market, country and age band, each and together", async (t) => {
  t.teardown(pauseAll);
  const sponsor = await createUser(db);
  await addCredits(sponsor, 100);
  const mk = async (c: CampaignInput) => (await createCampaign(sponsor, await post(sponsor), c)).id;
  const cat = await mk({ categories: ["crypto"] });
  const mkt = await mk({ markets: ["forex"] });
  const country = await mk({ countries: ["US"] });
  const age = await mk({ ages: ["age_18_24"] });
  const all = await mk({ categories: ["crypto", "stocks"], markets: ["forex"], countries: ["US", "CA"], ages: ["age_18_24", "age_25_34"] });
  const any = await mk({});
  const ids = [cat, mkt, country, age, all, any];
  const expect = (...xs: string[]) => [...xs].sort();

  t.same(await served(await viewer(), ids), expect(any), "no settings: only the untargeted campaign");
  t.same(
    await served(await viewer({ categories: ["crypto"], markets: ["forex"], country: "US", age: 20 }), ids),
    expect(...ids),
    "matches everything",
  );
  t.same(await served(await viewer({ categories: ["crypto"], country: "FR", age: 40 }), ids), expect(cat, any), "category only");
  t.same(await served(await viewer({ markets: ["forex", "bonds"] }), ids), expect(mkt, any), "market only");
  t.same(await served(await viewer({ country: "US", age: 30 }), ids), expect(country, any), "country only (30 is not 18-24)");
  t.same(await served(await viewer({ country: "DE", age: 18 }), ids), expect(age, any), "age band only, at its lower edge");
  t.same(await served(await viewer({ age: 25 }), ids), expect(any), "25 is past 18-24");
  t.same(
    await served(await viewer({ categories: ["stocks"], markets: ["forex"], country: "CA", age: 25 }), ids),
    expect(mkt, all, any),
    "all four lists, other members",
  );
  t.same(await served(null, ids), [], "nothing when signed out");
  t.same(await served(sponsor, ids), [], "never your own");

  // The birth date stays private; the band is derived in SQL.
  const v = await viewer({ age: 40 });
  const own = await gql(v, "query($id: UUID!) { userSetting(userId: $id) { ageBand birthDate } }", { id: v });
  t.match(own.body.data, { userSetting: { ageBand: "age_35_44", birthDate: /^\d{4}-\d\d-\d\d$/ } });
  t.same(await asUser(db, sponsor, "select birth_date from app_public.user_settings where user_id = $1", [v]), [], "others cannot read it");
  const set = await gql(
    v,
    `mutation($id: UUID!) { updateUserSetting(input: { userId: $id, patch: { country: "US", interestCategories: ["crypto"] } }) { userSetting { country } } }`,
    { id: v },
  );
  t.same(set.body.data, { updateUserSetting: { userSetting: { country: "US" } } }, "viewers set their own targeting attributes");
  t.same(await served(v, ids), expect(cat, country, any));
});

t.test("served only where allowed: placement, visibility, blocks, mutes, demonetized posts", async (t) => {
  t.teardown(pauseAll);
  const home = await sponsorWithCampaign(10, { placements: ["home"] });
  const v = await viewer();
  t.same(await served(v, [home.campaign.id], "home"), [home.campaign.id]);
  t.same(await served(v, [home.campaign.id], "explore"), [], "not in a placement it does not run in");

  const { sponsor, campaign: c } = await sponsorWithCampaign(10);
  const [blocker, blocked, muter] = [await viewer(), await viewer(), await viewer()];
  await asUser(db, blocker, "select app_public.block_user($1)", [sponsor]);
  await asUser(db, sponsor, "select app_public.block_user($1)", [blocked]);
  await asUser(db, muter, "select app_public.mute_user($1)", [sponsor]);
  t.same(await served(blocker, [c.id]), [], "not to who blocks the sponsor");
  t.same(await served(blocked, [c.id]), [], "nor to who the sponsor blocks");
  t.same(await served(muter, [c.id]), [], "nor to who mutes the sponsor");
  await t.rejects(impression(blocked, c.id), { code: "NTFND" }, "and they cannot be charged for it");

  // A private account's public post: only its followers may see it.
  await db.root.query("update app_public.profiles set is_private = true where id = $1", [sponsor]);
  const [stranger, follower] = [await viewer(), await viewer()];
  await db.root.query("insert into app_public.followers (follower_id, following_id, status) values ($1, $2, 'approved')", [
    follower,
    sponsor,
  ]);
  t.same(await served(stranger, [c.id]), [], "can_see_post decides");
  t.same(await served(follower, [c.id]), [c.id]);

  await db.root.query(
    "update app_public.posts set is_demonetized = true, demonetized_at = now() where id = (select post_id from app_public.sponsored_posts where id = $1)",
    [c.id],
  );
  t.same(await served(follower, [c.id]), [], "a demonetized post is not served");
});

t.test("at most one sponsored entry per 10 items of a page", async (t) => {
  t.teardown(pauseAll);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await sponsorWithCampaign(10, { cpi: 0.01 * (i + 1) })).campaign.id);
  const v = await viewer();
  const q = `query($n: Int) { sponsoredEntries(placement: home, pageSize: $n) { nodes { position sponsoredPostId post { body } } } }`;
  const page = async (n: number) =>
    (
      (await gql(v, q, { n })).body.data as {
        sponsoredEntries: { nodes: { position: number; sponsoredPostId: string; post: { body: string } }[] };
      }
    ).sponsoredEntries.nodes;
  const twenty = await page(20);
  t.same(
    twenty.map((e) => e.position),
    [10, 20],
    "2 in a page of 20, at the 10th and 20th items",
  );
  t.same(
    twenty.map((e) => e.sponsoredPostId),
    [ids[5], ids[4]],
    "highest cost per impression first",
  );
  t.equal(twenty[0]!.post.body, "buy my thing", "with the post");
  t.same(await page(9), [], "none in a page of 9");
  t.equal((await page(35)).length, 3);
  t.equal((await page(100)).length, 6, "never more than there are");

  await impression(v, ids[5]!);
  t.same(
    (await page(20)).map((e) => e.sponsoredPostId),
    [ids[4], ids[3]],
    "one already seen today goes after the others",
  );
});

t.test("an impression is charged once per viewer per campaign per UTC day", async (t) => {
  t.teardown(pauseAll);
  const { sponsor, campaign: c } = await sponsorWithCampaign(100, { cpi: 0.5, cpl: 2 });
  const [v1, v2] = [await viewer(), await viewer()];
  const r = await gql(
    v1,
    `mutation($id: UUID!) { recordSponsoredImpression(input: { sponsoredPostId: $id }) { result { kind amount day } } }`,
    { id: c.id },
  );
  t.match(r.body.data, { recordSponsoredImpression: { result: { kind: "impression", amount: "0.5000", day: /^\d{4}-/ } } });
  t.equal(await balance(sponsor), 99.5);
  t.same(await impression(v1, c.id), [{ id: null, amount: null }], "again the same day: nothing");
  t.equal(await balance(sponsor), 99.5, "no second charge");
  await impression(v2, c.id);
  t.equal(await balance(sponsor), 99, "another viewer is charged");
  await db.root.query("update app_public.sponsored_interactions set day = day - 1 where viewer_id = $1", [v1]);
  await impression(v1, c.id);
  t.equal(await balance(sponsor), 98.5, "the next day, again");

  const { rows } = await db.root.query(
    `select count(*)::int as n, bool_and(t.idempotency_key = 'sponsored_interaction:' || i.id) as keyed, sum(t.amount)::text as total
       from app_public.sponsored_interactions i join app_public.sponsor_credit_transactions t on t.idempotency_key = 'sponsored_interaction:' || i.id
      where i.sponsored_post_id = $1`,
    [c.id],
  );
  t.same(rows, [{ n: 3, keyed: true, total: "1.5000" }], "each charge is keyed by its interaction");
  t.match(await campaign(c.id), { spent: "1.5000", impressions_count: 3, status: "active" });
  const outsider = await viewer({ country: "FR" });
  const targeted = await sponsorWithCampaign(10, { countries: ["US"] });
  await t.rejects(impression(outsider, targeted.campaign.id), { code: "NTFND" }, "not charged for a viewer it does not target");
  await t.rejects(impression(targeted.sponsor, targeted.campaign.id), { code: "NTFND" }, "nor for the sponsor");
});

t.test("a like after an impression is charged once; the like never fails for money; pause and resume", async (t) => {
  t.teardown(pauseAll);
  const { sponsor, postId, campaign: c } = await sponsorWithCampaign(7, { cpi: 1, cpl: 5 });
  const [v1, v2, v3] = [await viewer(), await viewer(), await viewer()];
  await like(v3, postId);
  t.equal(await balance(sponsor), 7, "a like without an impression costs nothing");
  await impression(v1, c.id);
  await impression(v2, c.id);
  t.equal(await balance(sponsor), 5);
  await like(v1, postId);
  t.equal(await balance(sponsor), 0, "the like is charged");
  t.match(
    await campaign(c.id),
    { status: "paused", paused_reason: "funds", likes_count: 1, spent: "7.0000" },
    "credits cannot pay the next charge: paused",
  );
  await asUser(db, v1, "select app_public.unlike_post($1)", [postId]);
  await like(v1, postId);
  await like(v2, postId);
  t.equal(
    (await db.root.query<{ likes_count: number }>("select likes_count from app_public.posts where id = $1", [postId])).rows[0]!.likes_count,
    3,
    "the likes went through",
  );
  t.equal(await balance(sponsor), 0, "uncharged, never negative");
  t.same(await served(await viewer(), [c.id]), [], "a paused campaign is not served");
  t.same(await impression(await viewer(), c.id), [{ id: null, amount: null }], "nor charged");

  await addCredits(sponsor, 4);
  t.equal((await campaign(c.id)).status, "paused", "4 credits do not cover the next charge (5)");
  await addCredits(sponsor, 1);
  t.match(await campaign(c.id), { status: "active", paused_reason: null }, "5 do: resumed");
  t.same(await served(await viewer(), [c.id]), [c.id], "and served again");
  await like(v2, postId);
  t.equal(await balance(sponsor), 5, "v2's like was made while paused: not charged later");
});

t.test("a charge the shared balance cannot cover pauses the campaign instead of failing", async (t) => {
  t.teardown(pauseAll);
  const sponsor = await createUser(db);
  await addCredits(sponsor, 5);
  const a = await createCampaign(sponsor, await post(sponsor), { cpi: 1, cpl: 5 });
  const b = await createCampaign(sponsor, await post(sponsor), { cpi: 5, cpl: 0 });
  await impression(await viewer(), b.id);
  t.equal(await balance(sponsor), 0);
  t.match(await campaign(b.id), { status: "paused", paused_reason: "funds" });
  t.equal((await campaign(a.id)).status, "active", "the other campaign has not tried to charge yet");
  t.same(await served(await viewer(), [a.id, b.id]), [], "but it is not served");
  t.same(await impression(await viewer(), a.id), [{ id: null, amount: null }], "a charge it cannot pay: nothing charged, no error");
  t.match(await campaign(a.id), { status: "paused", paused_reason: "funds" }, "and it pauses");

  await asUser(db, sponsor, "select app_public.pause_sponsored_post($1)", [a.id]);
  await addCredits(sponsor, 100);
  t.match(await campaign(a.id), { status: "paused", paused_reason: "sponsor" }, "paused by its sponsor: credits do not resume it");
  t.equal((await campaign(b.id)).status, "active", "paused for funds: resumed");
  t.match(
    (await asUser<Campaign>(db, sponsor, "select * from app_public.resume_sponsored_post($1)", [a.id]))[0],
    { status: "active" },
    "the sponsor resumes it",
  );

  // A budget caps the campaign whatever the credits.
  const capped = await createCampaign(sponsor, await post(sponsor), { cpi: 1, cpl: 1, budget: 2 });
  await impression(await viewer(), capped.id);
  await impression(await viewer(), capped.id);
  t.match(await campaign(capped.id), { status: "paused", paused_reason: "budget", spent: "2.0000" });
  await addCredits(sponsor, 10);
  t.equal((await campaign(capped.id)).status, "paused", "credits do not resume a spent budget");
  await t.rejects(asUser(db, sponsor, "select app_public.resume_sponsored_post($1)", [capped.id]), { code: "INVAL" });
  await asUser(db, sponsor, "update app_public.sponsored_posts set budget = 5 where id = $1", [capped.id]);
  t.match(
    (await asUser<Campaign>(db, sponsor, "select * from app_public.resume_sponsored_post($1)", [capped.id]))[0],
    { status: "active" },
    "raised, then resumed",
  );
});

t.test("many concurrent impressions against a balance for only some: exact, never negative, paused", async (t) => {
  t.teardown(pauseAll);
  const { sponsor, campaign: c } = await sponsorWithCampaign(37, { cpi: 1, cpl: 1 });
  const viewers: string[] = [];
  for (let i = 0; i < 100; i++) viewers.push(await createUser(db));
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 30 });
  t.teardown(() => pool.end());
  // Each viewer records twice: the repeat must not be charged either.
  const calls = [...viewers, ...viewers.slice(0, 30)].map((v) => ({ v, r: Math.random() })).sort((a, b) => a.r - b.r);
  const results = await Promise.all(
    calls.map(async ({ v }) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role: "authenticated", sub: v })]);
        await client.query("set local role authenticated");
        const { rows } = await client.query<{ id: string | null }>("select (app_public.record_sponsored_impression($1)).id", [c.id]);
        await client.query("commit");
        return rows[0]!.id;
      } catch (err) {
        await client.query("rollback");
        throw err;
      } finally {
        client.release();
      }
    }),
  );
  const charged = results.filter((id) => id !== null).length;
  t.equal(charged, 37, "exactly the 37 the balance pays for");
  t.equal(await balance(sponsor), 0, "the balance is spent, not below zero");
  const { rows } = await db.root.query(
    "select count(*)::int as n, count(distinct viewer_id)::int as viewers from app_public.sponsor_credit_transactions t join app_public.sponsored_interactions i on t.idempotency_key = 'sponsored_interaction:' || i.id where i.sponsored_post_id = $1",
    [c.id],
  );
  t.same(rows, [{ n: 37, viewers: 37 }], "one charge per charged viewer");
  t.match(await campaign(c.id), { status: "paused", paused_reason: "funds", spent: "37.0000", impressions_count: 37 });
});

t.test("creating campaigns", async (t) => {
  t.teardown(pauseAll);
  const [sponsor, other] = [await createUser(db), await createUser(db)];
  const mine = await post(sponsor);
  await t.rejects(createCampaign(other, mine), { code: "NTFND" }, "only on your own post");
  await t.rejects(createCampaign(sponsor, await post(sponsor, {}, "followers")), { code: "INVAL" }, "only a public post");
  await t.rejects(createCampaign(sponsor, mine, { cpi: 0, cpl: 0 }), { code: "INVAL" }, "something must be charged");
  await t.rejects(createCampaign(sponsor, mine, { cpi: -1 }), { code: "INVAL" });
  await t.rejects(createCampaign(sponsor, mine, { countries: ["usa"] }), { code: "23514" }, "countries are ISO codes");
  const c = await createCampaign(sponsor, mine);
  t.match(c, { status: "paused", paused_reason: "funds" }, "without credits it starts paused");
  await t.rejects(createCampaign(sponsor, mine), { code: "CONFL" }, "one campaign per post");
  await addCredits(sponsor, 1);
  t.equal((await campaign(c.id)).status, "active", "credits start it");
  t.same(await served(await viewer(), [c.id]), [c.id]);
  const another = await post(sponsor);
  await db.root.query("update app_public.profiles set suspended_at = now() where id = $1", [sponsor]);
  await t.rejects(createCampaign(sponsor, another), { code: "DNIED" }, "a suspended account cannot sponsor");
  t.same(await served(await viewer(), [c.id]), [], "nor are its campaigns served");
});

t.test("sponsors see only their own campaigns and interactions; viewers stay anonymous to them", async (t) => {
  t.teardown(pauseAll);
  const { sponsor, campaign: c } = await sponsorWithCampaign(10);
  const other = await createUser(db);
  const staff = await createUser(db);
  await db.root.query(`update auth.users set raw_app_meta_data = '{"role": "moderator"}' where id = $1`, [staff]);
  await impression(await viewer(), c.id);
  const q = `query($id: UUID!) { sponsoredPosts(condition: { rowId: $id }) { nodes { rowId interactions { totalCount nodes { kind amount } } } } sponsoredInteractions(condition: { sponsoredPostId: $id }) { totalCount } }`;
  t.same((await gql(sponsor, q, { id: c.id })).body.data, {
    sponsoredPosts: { nodes: [{ rowId: c.id, interactions: { totalCount: 1, nodes: [{ kind: "impression", amount: "0.0100" }] } }] },
    sponsoredInteractions: { totalCount: 1 },
  });
  t.same(
    (await gql(other, q, { id: c.id })).body.data,
    { sponsoredPosts: { nodes: [] }, sponsoredInteractions: { totalCount: 0 } },
    "others see nothing",
  );
  t.same(
    (await gql(null, q, { id: c.id })).body.errors?.map((e) => e.extensions?.code),
    ["LOGIN", "LOGIN"],
    "anonymous: sign in first",
  );
  t.equal(
    ((await gql(staff, q, { id: c.id })).body.data as { sponsoredInteractions: { totalCount: number } }).sponsoredInteractions.totalCount,
    1,
    "staff see all",
  );
  await t.rejects(
    asUser(db, sponsor, "select viewer_id from app_public.sponsored_interactions"),
    { code: "42501" },
    "who saw it is not the sponsor's to read",
  );

  const upd = `mutation($id: UUID!, $b: Money) { updateSponsoredPost(input: { rowId: $id, patch: { budget: $b } }) { sponsoredPost { budget } } }`;
  t.same(
    (await gql(sponsor, upd, { id: c.id, b: "50" })).body.data,
    { updateSponsoredPost: { sponsoredPost: { budget: "50.0000" } } },
    "the sponsor edits it",
  );
  await gql(other, upd, { id: c.id, b: "1" });
  t.equal(
    (await db.root.query<{ budget: string | null }>("select budget from app_public.sponsored_posts where id = $1", [c.id])).rows[0]!.budget,
    "50.0000",
    "nobody else does (the row is invisible to them)",
  );
  const byStaff = await gql(staff, upd, { id: c.id, b: "1" });
  t.equal(byStaff.body.errors?.[0]?.extensions?.code, "NTFND", "not even staff: not theirs");
  const direct = await asUser(db, sponsor, "update app_public.sponsored_posts set spent = 0, status = 'active' where id = $1 returning 1", [
    c.id,
  ]).catch((e: { code?: string }) => e.code);
  t.equal(direct, "42501", "spent and status are not the sponsor's to write");
});

t.test("sponsors see the day of a charge, not its instant", async (t) => {
  const sponsor = await createUser(db);
  await t.rejects(asRole(db.root, claimsOf(sponsor), "select created_at from app_public.sponsored_interactions"), { code: "42501" });
  t.same(await asRole(db.root, claimsOf(sponsor), "select day, kind, amount from app_public.sponsored_interactions"), []);
});
