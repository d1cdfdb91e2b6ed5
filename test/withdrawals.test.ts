/**
 * Withdrawals: never more than the available balance, even under concurrent
 * requests; only admins move them; payout details only for their owner and
 * admins.
 */
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createPost, makeStaff } from "./helpers/economy.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);

/** A creator with `amount` of revenue (a fixture row, as the monthly job writes them) and payout details. */
async function creatorWith(amount: string): Promise<string> {
  const id = await createUser(db);
  const post = await createPost(db, id, { video: true });
  await db.root.query(
    "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 0, 0, $3)",
    [post, id, amount],
  );
  await asRole(
    db.root,
    { role: "authenticated", sub: id },
    "select app_public.save_withdrawal_info('paypal', '{\"email\": \"me@example.com\"}')",
  );
  return id;
}
const as = (id: string) => ({ role: "authenticated", sub: id });
const balance = async (id: string) =>
  (
    await asRole<{ earned: string; pending: string; approved: string; paid: string; available: string }>(
      db.root,
      as(id),
      "select * from app_public.creator_balance()",
    )
  )[0]!;

t.test("50 concurrent requests against a balance covering 7 of them", async (t) => {
  const creator = await creatorWith("75.5000");
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 25 });
  t.teardown(() => pool.end());
  const results = await Promise.all(
    Array.from({ length: 50 }, async () => {
      const client = await pool.connect();
      try {
        await asRole(client, as(creator), "select app_public.request_withdrawal(10)");
        return "ok";
      } catch (err) {
        return (err as { code?: string }).code;
      } finally {
        client.release();
      }
    }),
  );
  t.equal(results.filter((r) => r === "ok").length, 7, "exactly seven accepted");
  t.same([...new Set(results.filter((r) => r !== "ok"))], ["FUNDS"], "the rest refused for funds");
  t.same(await balance(creator), { earned: "75.5000", pending: "70.0000", approved: "0", paid: "0", available: "5.5000" });
});

t.test("requests: validation, payout details first, not while flagged", async (t) => {
  const creator = await creatorWith("100");
  const req = (amount: unknown) => asRole(db.root, as(creator), "select * from app_public.request_withdrawal($1)", [amount]);
  for (const bad of [0, -5, 10.00001]) await t.rejects(req(bad), { code: "INVAL" }, `amount ${bad}`);
  await t.rejects(req(9.99), { code: "INVAL" }, "under the minimum (10)");
  await t.rejects(req(100.0001), { code: "FUNDS" }, "over the balance");
  const noInfo = await createUser(db);
  await t.rejects(asRole(db.root, as(noInfo), "select app_public.request_withdrawal(10)"), { code: "INVAL" }, "no payout details");
  await t.rejects(asRole(db.root, { role: "anon" }, "select app_public.request_withdrawal(10)"), { code: "LOGIN" });
  await db.root.query("insert into app_public.user_cheat_status (user_id, is_flagged, flagged_at) values ($1, true, now())", [creator]);
  await t.rejects(req(10), { code: "DNIED" }, "flagged for cheating");
  await db.root.query("update app_public.user_cheat_status set is_flagged = false where user_id = $1", [creator]);
  const [row] = await req(100);
  t.match(
    row,
    { amount: "100.0000", status: "pending", method: "paypal", details: { email: "me@example.com" } },
    "the whole balance, to the saved details",
  );
});

t.test("admins move withdrawals: pending → approved → paid, or rejected", async (t) => {
  const creator = await creatorWith("50");
  const [admin, mod] = [await createUser(db), await createUser(db)];
  await makeStaff(db, admin, "admin");
  await makeStaff(db, mod, "moderator");
  const [w1] = await asRole<{ id: string }>(db.root, as(creator), "select id from app_public.request_withdrawal(20)");
  const [w2] = await asRole<{ id: string }>(db.root, as(creator), "select id from app_public.request_withdrawal(30)");
  const move = (who: string, sql: string, params: unknown[]) => asRole<{ status: string }>(db.root, as(who), sql, params);

  await t.rejects(move(creator, "select * from app_public.approve_withdrawal($1)", [w1!.id]), { code: "DNIED" }, "not the creator");
  await t.rejects(move(mod, "select * from app_public.approve_withdrawal($1)", [w1!.id]), { code: "DNIED" }, "not a moderator");
  await t.rejects(
    move(admin, "select * from app_public.mark_withdrawal_paid($1, 'tx-1')", [w1!.id]),
    { code: "CONFL" },
    "not paid before approved",
  );
  t.match(await move(admin, "select * from app_public.approve_withdrawal($1)", [w1!.id]), [{ status: "approved" }]);
  await t.rejects(move(admin, "select * from app_public.mark_withdrawal_paid($1, '')", [w1!.id]), { code: "INVAL" }, "a payment reference");
  t.match(await move(admin, "select * from app_public.mark_withdrawal_paid($1, 'tx-1')", [w1!.id]), [{ status: "paid", note: "tx-1" }]);
  await t.rejects(move(admin, "select * from app_public.reject_withdrawal($1, 'oops')", [w1!.id]), { code: "CONFL" }, "paid is final");
  await t.rejects(move(admin, "select * from app_public.approve_withdrawal($1)", ["00000000-0000-0000-0000-000000000000"]), {
    code: "NTFND",
  });

  t.same(await balance(creator), { earned: "50.0000", pending: "30.0000", approved: "0", paid: "20.0000", available: "0.0000" });
  t.match(await move(admin, "select * from app_public.reject_withdrawal($1, 'details do not match')", [w2!.id]), [{ status: "rejected" }]);
  t.equal((await balance(creator)).available, "30.0000", "a rejected withdrawal is available again");
  await t.rejects(
    asRole(db.root, as(creator), "update app_public.withdrawal_requests set status = 'paid'"),
    { code: "42501" },
    "no direct writes",
  );
});

t.test("who sees payout details, withdrawals and balances", async (t) => {
  const creator = await creatorWith("40");
  const [other, mod, admin] = [await createUser(db), await createUser(db), await createUser(db)];
  await makeStaff(db, mod, "moderator");
  await makeStaff(db, admin, "admin");
  await asRole(db.root, as(creator), "select app_public.request_withdrawal(15)");

  const sys = await startTestSystem(t, { db });
  const q = `{ withdrawalInfos { nodes { userId method details } } withdrawalRequests { nodes { userId amount status } } }`;
  const mine = await graphql(sys.url, q, {}, bearer(creator));
  t.same(
    mine.body.data,
    {
      withdrawalInfos: { nodes: [{ userId: creator, method: "paypal", details: { email: "me@example.com" } }] },
      withdrawalRequests: { nodes: [{ userId: creator, amount: "15.0000", status: "pending" }] },
    },
    "the creator sees their own",
  );
  t.same(
    (await graphql(sys.url, q, {}, bearer(other))).body.data,
    { withdrawalInfos: { nodes: [] }, withdrawalRequests: { nodes: [] } },
    "others nothing",
  );
  t.same(
    (await graphql(sys.url, q, {}, bearer(mod))).body.data,
    { withdrawalInfos: { nodes: [] }, withdrawalRequests: { nodes: [] } },
    "moderators nothing",
  );
  const adminView = (await graphql(sys.url, q, {}, bearer(admin))).body.data as { withdrawalInfos: { nodes: { userId: string }[] } };
  t.ok(
    adminView.withdrawalInfos.nodes.some((n) => n.userId === creator),
    "admins see payout details",
  );

  const bal = `query($u: UUID) { creatorBalance(userId: $u) { earned available pending } }`;
  t.same((await graphql(sys.url, bal, {}, bearer(creator))).body.data, {
    creatorBalance: { earned: "40.0000", available: "25.0000", pending: "15.0000" },
  });
  t.equal(
    (await graphql(sys.url, bal, { u: creator }, bearer(other))).body.errors?.[0]?.extensions?.code,
    "DNIED",
    "not someone else's balance",
  );
  t.same((await graphql(sys.url, bal, { u: creator }, bearer(admin))).body.data, {
    creatorBalance: { earned: "40.0000", available: "25.0000", pending: "15.0000" },
  });

  const save = `mutation { saveWithdrawalInfo(input: { method: "bank_transfer", details: { iban: "DE00 1234" } }) { result { method } } }`;
  t.same((await graphql(sys.url, save, {}, bearer(other))).body.data, { saveWithdrawalInfo: { result: { method: "bank_transfer" } } });
  const bad = `mutation { saveWithdrawalInfo(input: { method: "cash", details: { x: 1 } }) { result { method } } }`;
  t.equal((await graphql(sys.url, bad, {}, bearer(other))).body.errors?.[0]?.extensions?.code, "INVAL");
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
