/**
 * Money events notify, whatever path moves the money: revenue calculated for
 * a month, a withdrawal moved by an admin, a campaign paused because its
 * credits or budget ran out. And a suspended account cannot send messages.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createEligibleCreator, createPost, logViews, makeStaff } from "./helpers/economy.ts";
import { asUser, bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const moneyNotes = async (user: string) =>
  (
    await db.root.query<{ data: Record<string, unknown> }>(
      "select data from app_public.notifications where recipient_id = $1 and type = 'money' order by created_at",
      [user],
    )
  ).rows.map((r) => r.data);
const as = (id: string) => ({ role: "authenticated", sub: id });
const service = { role: "service_role" };

t.test("revenue calculated: one notification per creator and month, with the total", async (t) => {
  const creator = await createEligibleCreator(db);
  const [v1, v2] = [await createPost(db, creator, { video: true }), await createPost(db, creator, { video: true })];
  const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  await logViews(db, v1, 1000, `${month.slice(0, 8)}10T12:00:00Z`);
  await logViews(db, v2, 500, `${month.slice(0, 8)}11T12:00:00Z`);
  await db.root.query("select app_public.calculate_monthly_revenue($1)", [month]);
  t.match(await moneyNotes(creator), [{ event: "revenue_calculated", month, amount: 0.15, videos: 2 }]);
  await db.root.query("select app_public.calculate_monthly_revenue($1)", [month]);
  t.equal((await moneyNotes(creator)).length, 1, "a second run (which changes nothing) notifies nobody");
});

t.test("a withdrawal moved: its creator is told each step", async (t) => {
  const creator = await createUser(db);
  const admin = await createUser(db);
  await makeStaff(db, admin, "admin");
  const post = await createPost(db, creator, { video: true });
  await db.root.query(
    "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 0, 0, 50)",
    [post, creator],
  );
  await asRole(db.root, as(creator), "select app_public.save_withdrawal_info('paypal', '{\"email\": \"me@example.com\"}')");
  const [w] = await asRole<{ id: string }>(db.root, as(creator), "select id from app_public.request_withdrawal(20)");
  const withdrawalNotes = async () => (await moneyNotes(creator)).filter((d) => String(d.event).startsWith("withdrawal"));
  t.same(await withdrawalNotes(), [], "requesting is not news to the creator");
  await asRole(db.root, as(admin), "select app_public.approve_withdrawal($1)", [w!.id]);
  await asRole(db.root, as(admin), "select app_public.mark_withdrawal_paid($1, 'tx-9')", [w!.id]);
  t.match(await withdrawalNotes(), [
    { event: "withdrawal_approved", withdrawal_id: w!.id, amount: 20 },
    { event: "withdrawal_paid", withdrawal_id: w!.id, note: "tx-9" },
  ]);
});

t.test("a campaign paused for funds or budget: its sponsor is told; paused by the sponsor: not", async (t) => {
  const sponsor = await createUser(db);
  await asRole(db.root, service, "select app_public.add_sponsor_credits($1, 10, 'top-up')", [sponsor]);
  const post = await createPost(db, sponsor);
  const [c] = await asUser<{ id: string }>(db, sponsor, "select id from app_public.create_sponsored_post($1, 0.01, 0.1)", [post]);
  await db.root.query("select app_private.pause_sponsored_post($1, 'sponsor')", [c!.id]);
  t.same(await moneyNotes(sponsor), [], "the sponsor's own pause");
  await db.root.query("update app_public.sponsored_posts set status = 'active', paused_reason = null where id = $1", [c!.id]);
  await db.root.query("select app_private.pause_sponsored_post($1, 'funds')", [c!.id]);
  t.match(await moneyNotes(sponsor), [{ event: "campaign_paused", reason: "funds", sponsored_post_id: c!.id, post_id: post }]);
});

t.test("a suspended account cannot send direct messages", async (t) => {
  const sys = await startTestSystem(t, { db });
  const [sender, recipient] = [await createUser(db), await createUser(db)];
  await db.root.query("update app_public.profiles set suspended_at = now() where id = $1", [sender]);
  const r = await graphql(
    sys.url,
    `
      mutation ($to: UUID!) {
        sendMessage(input: { recipientId: $to, body: "hi" }) {
          result {
            rowId
          }
        }
      }
    `,
    { to: recipient },
    bearer(sender),
  );
  t.equal(r.body.errors?.[0]?.extensions?.code, "DNIED");
  t.match(r.body.errors?.[0]?.message, /suspended/);
});
