/**
 * Guards found in review of the creator economy: the cheat evidence (viewers'
 * IPs) is staff-only; one anonymous visitor cannot get a creator flagged;
 * staff never act on their own account or money; a suspended account cannot
 * change its posts' audience or record sponsored impressions; sponsors see
 * the day of a charge, not its instant (which would name their likers).
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createPost, makeStaff } from "./helpers/economy.ts";
import { asUser, createUser } from "./helpers/social.ts";

const db = await createTestDatabase(t);
const as = (id: string) => ({ role: "authenticated", sub: id });

t.test("cheat evidence: the account sees its flag, not the IPs", async (t) => {
  const creator = await createUser(db);
  await db.root.query(
    'insert into app_public.user_cheat_status (user_id, is_flagged, flagged_at, signals) values ($1, true, now(), \'[{"kind": "ip_burst", "ip": "203.0.113.9"}]\')',
    [creator],
  );
  t.same(await asRole(db.root, as(creator), "select is_flagged from app_public.user_cheat_status"), [{ is_flagged: true }]);
  await t.rejects(asRole(db.root, as(creator), "select signals from app_public.user_cheat_status"), { code: "42501" });
});

t.test("one anonymous visitor viewing 30 posts within the hour is not a burst", async (t) => {
  const creator = await createUser(db);
  for (let i = 0; i < 30; i++) {
    const post = await createPost(db, creator);
    await db.root.query("select app_public.increment_post_views($1, null, '198.51.100.7')", [post]);
  }
  const { rows } = await db.root.query<{ v: { signals: { kind: string }[] } }>("select app_public.check_user_cheat_status($1) as v", [
    creator,
  ]);
  t.same(
    rows[0]!.v.signals.map((s) => s.kind),
    [],
  );
});

t.test("staff never act on their own account or money", async (t) => {
  const admin = await createUser(db);
  await makeStaff(db, admin, "admin");
  const own = await createPost(db, admin);
  await db.root.query("update app_public.posts set is_demonetized = true, demonetized_at = now() where id = $1", [own]);
  await t.rejects(
    asRole(db.root, as(admin), "select app_public.restore_post_monetization($1)", [own]),
    { code: "DNIED" },
    "restore one's own post",
  );
  await db.root.query("insert into app_public.user_cheat_status (user_id, is_flagged, flagged_at) values ($1, true, now())", [admin]);
  await t.rejects(
    asRole(db.root, as(admin), "select app_public.clear_user_cheat_flag($1, 'trust me')", [admin]),
    { code: "DNIED" },
    "clear one's own flag",
  );
  await db.root.query("update app_public.user_cheat_status set is_flagged = false where user_id = $1", [admin]);
  const post = await createPost(db, admin, { video: true });
  await db.root.query(
    "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 0, 0, 50)",
    [post, admin],
  );
  await asRole(db.root, as(admin), "select app_public.save_withdrawal_info('paypal', '{\"email\": \"a@example.com\"}')");
  const [w] = await asRole<{ id: string }>(db.root, as(admin), "select id from app_public.request_withdrawal(20)");
  await t.rejects(
    asRole(db.root, as(admin), "select app_public.approve_withdrawal($1)", [w!.id]),
    { code: "DNIED" },
    "approve one's own withdrawal",
  );
  const other = await createUser(db);
  await makeStaff(db, other, "admin");
  t.match(
    await asRole(db.root, as(other), "select status from app_public.approve_withdrawal($1)", [w!.id]),
    [{ status: "approved" }],
    "another admin may",
  );
});

t.test("a suspended account cannot change its post's audience, and can still delete it", async (t) => {
  const user = await createUser(db);
  const post = await createPost(db, user);
  await db.root.query("update app_public.profiles set suspended_at = now() where id = $1", [user]);
  await t.rejects(asUser(db, user, "update app_public.posts set audience = 'followers' where id = $1", [post]), { code: "DNIED" });
  await t.rejects(asUser(db, user, 'update app_public.posts set metadata = \'{"category": "x"}\' where id = $1', [post]), {
    code: "DNIED",
  });
  t.same(
    (await asUser<{ id: string }>(db, user, "select id from app_public.delete_post($1)", [post])).map((r) => r.id),
    [post],
  );
});

t.test("sponsors see the day of a charge, not its instant", async (t) => {
  const sponsor = await createUser(db);
  await t.rejects(asRole(db.root, as(sponsor), "select created_at from app_public.sponsored_interactions"), { code: "42501" });
  t.same(await asRole(db.root, as(sponsor), "select day, kind, amount from app_public.sponsored_interactions"), []);
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

t.test("after a restore, ten new reporters are needed to demonetize again", async (t) => {
  const [author, mod] = [await createUser(db), await createUser(db)];
  await makeStaff(db, mod, "moderator");
  const post = await createPost(db, author);
  const report = async () => {
    const u = await createUser(db);
    return (await asUser<{ id: string }>(db, u, "select id from app_public.report_post($1, 'spam')", [post]))[0]!.id;
  };
  const demonetized = async () =>
    (await db.root.query<{ is_demonetized: boolean }>("select is_demonetized from app_public.posts where id = $1", [post])).rows[0]!
      .is_demonetized;
  const reports: string[] = [];
  for (let i = 0; i < 10; i++) reports.push(await report());
  t.equal(await demonetized(), true, "the 10th report");
  await asRole(db.root, as(mod), "select app_public.resolve_post_report($1, true)", [reports[0]]);
  await asRole(db.root, as(mod), "select app_public.restore_post_monetization($1)", [post]);
  t.equal(await demonetized(), false, "restored");
  for (let i = 0; i < 9; i++) await report();
  t.equal(await demonetized(), false, "nine new reporters (and an upheld old report) are not enough");
  await report();
  t.equal(await demonetized(), true, "the 10th new reporter");
});

t.test("a retried withdrawal request (same idempotency key) returns the first", async (t) => {
  const creator = await createUser(db);
  const post = await createPost(db, creator, { video: true });
  await db.root.query(
    "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 0, 0, 50)",
    [post, creator],
  );
  await asRole(db.root, as(creator), "select app_public.save_withdrawal_info('paypal', '{\"email\": \"c@example.com\"}')");
  const req = (amount: number, key: string) =>
    asRole<{ id: string }>(db.root, as(creator), "select id from app_public.request_withdrawal($1, $2)", [amount, key]);
  const [first] = await req(20, "payout-1");
  const [again] = await req(20, "payout-1");
  t.equal(again!.id, first!.id, "the same request");
  await t.rejects(req(30, "payout-1"), { code: "CONFL" }, "the key with another amount");
  t.equal(
    (await db.root.query<{ n: number }>("select count(*)::int as n from app_public.withdrawal_requests where user_id = $1", [creator]))
      .rows[0]!.n,
    1,
  );
  const [other] = await req(20, "payout-2");
  t.not(other!.id, first!.id, "another key: another request");
});
