/** Sponsor credits: atomic, never negative, each idempotency key applied once. */
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, asUser, bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);

/** Run as the payment system (service_role), as the server does for a service key. */
const asService = <T extends Record<string, unknown>>(client: pg.ClientBase, sql: string, params: unknown[]) =>
  asRole<T>(client, { role: "service_role" }, sql, params);
const balance = async (sponsor: string) =>
  Number(
    (await db.root.query<{ balance: string }>("select balance from app_public.sponsor_credits where sponsor_id = $1", [sponsor])).rows[0]
      ?.balance,
  );

t.test("200 concurrent deductions, a third repeating an earlier key, against a balance covering half", async (t) => {
  const sponsor = await createUser(db);
  const calls: { key: string; amount: number }[] = [];
  for (let i = 0; i < 134; i++) calls.push({ key: `charge-${i}`, amount: 1 + (i % 5) });
  for (let i = 0; i < 66; i++) calls.push({ ...calls[(i * 7) % 134]! }); // repeats of earlier keys, same amounts
  const distinct = new Map(calls.map((c) => [c.key, c.amount]));
  const totalDistinct = [...distinct.values()].reduce((a, b) => a + b, 0);
  const initial = Math.floor(totalDistinct / 2);
  await asService(db.root, "select app_public.add_sponsor_credits($1, $2, 'top-up')", [sponsor, initial]);

  // Separate connections, all at once.
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 40 });
  t.teardown(() => pool.end());
  const shuffled = calls
    .map((c) => ({ c, r: Math.random() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.c);
  const results = await Promise.all(
    shuffled.map(async (c) => {
      const client = await pool.connect();
      try {
        const [row] = await asService<{ balance: string }>(client, "select app_public.deduct_sponsor_credits($1, $2, $3) as balance", [
          sponsor,
          c.amount,
          c.key,
        ]);
        return { ...c, ok: true as const, balance: Number(row!.balance) };
      } catch (err) {
        return { ...c, ok: false as const, code: (err as { code?: string }).code };
      } finally {
        client.release();
      }
    }),
  );
  t.same([...new Set(results.filter((r) => !r.ok).map((r) => (r as { code?: string }).code))], ["FUNDS"], "the only refusal is FUNDS");

  const { rows: txns } = await db.root.query<{ idempotency_key: string; amount: string; balance_after: string }>(
    "select idempotency_key, amount, balance_after from app_public.sponsor_credit_transactions where sponsor_id = $1 and kind = 'deduct'",
    [sponsor],
  );
  const charged = txns.reduce((sum, r) => sum + Number(r.amount), 0);
  t.equal(new Set(txns.map((r) => r.idempotency_key)).size, txns.length, "each key charged at most once");
  t.equal(await balance(sponsor), initial - charged, "final balance = initial − the distinct successful charges");
  t.ok((await balance(sponsor)) >= 0, "never negative");
  t.ok(charged > 0 && charged <= initial, `charged ${charged} of ${initial}`);

  // Every success under a key reports what that key's single charge left.
  const afterByKey = new Map(txns.map((r) => [r.idempotency_key, Number(r.balance_after)]));
  for (const r of results.filter((x) => x.ok)) t.equal(r.balance, afterByKey.get(r.key), `key ${r.key}: the first result`);
  // Whatever did not fit was refused, not lost: every distinct key either charged once or refused.
  const refusedKeys = new Set(results.filter((r) => !r.ok).map((r) => r.key));
  for (const key of distinct.keys()) t.ok(afterByKey.has(key) || refusedKeys.has(key), `key ${key} accounted for`);
});

t.test("idempotency, validation and the floor", async (t) => {
  const sponsor = await createUser(db);
  const run = (sql: string, params: unknown[]) => asService<{ v: string }>(db.root, sql, params);
  t.equal(Number((await run("select app_public.add_sponsor_credits($1, 10.5, 'pay-1') as v", [sponsor]))[0]!.v), 10.5);
  t.equal(
    Number((await run("select app_public.add_sponsor_credits($1, 10.5, 'pay-1') as v", [sponsor]))[0]!.v),
    10.5,
    "a repeated key adds nothing",
  );
  await t.rejects(
    run("select app_public.add_sponsor_credits($1, 99, 'pay-1') as v", [sponsor]),
    { code: "CONFL" },
    "same key, another amount",
  );
  t.equal(Number((await run("select app_public.deduct_sponsor_credits($1, 0.25, 'c-1') as v", [sponsor]))[0]!.v), 10.25);
  await t.rejects(run("select app_public.deduct_sponsor_credits($1, 100, 'c-2') as v", [sponsor]), { code: "FUNDS" });
  t.equal(await balance(sponsor), 10.25, "a refused charge changes nothing");
  const rows = await db.root.query<{ n: number }>(
    "select count(*)::int as n from app_public.sponsor_credit_transactions where sponsor_id = $1",
    [sponsor],
  );
  t.equal(rows.rows[0]!.n, 2, "one audit row per applied change");
  for (const amount of [0, -1, 0.00001]) {
    await t.rejects(
      run("select app_public.deduct_sponsor_credits($1, $2, 'bad') as v", [sponsor, amount]),
      { code: "INVAL" },
      `amount ${amount}`,
    );
  }
  await t.rejects(run("select app_public.deduct_sponsor_credits($1, 1, '') as v", [sponsor]), { code: "INVAL" }, "empty key");
  await t.rejects(
    run("select app_public.deduct_sponsor_credits($1, 1, 'k') as v", [await createUser(db)]),
    { code: "NTFND" },
    "no account",
  );
});

t.test("who may change and see credits", async (t) => {
  const [sponsor, other, admin] = [await createUser(db), await createUser(db), await createUser(db)];
  await db.root.query(`update auth.users set raw_app_meta_data = '{"role": "admin"}' where id = $1`, [admin]);
  await asService(db.root, "select app_public.add_sponsor_credits($1, 5, 'seed')", [sponsor]);
  await t.rejects(
    asUser(db, sponsor, "select app_public.add_sponsor_credits($1, 1000, 'free money')", [sponsor]),
    { code: "DNIED" },
    "a sponsor cannot add",
  );
  await t.rejects(asUser(db, sponsor, "select app_public.deduct_sponsor_credits($1, 1, 'x')", [other]), { code: "DNIED" }, "nor charge");
  t.same(
    await asUser(db, admin, "select app_public.add_sponsor_credits($1, 1, 'bonus') as b", [sponsor]),
    [{ b: "6.0000" }],
    "an admin can",
  );
  await t.rejects(asUser(db, sponsor, "update app_public.sponsor_credits set balance = 1e6"), { code: "42501" }, "no direct writes");

  const sys = await startTestSystem(t, { db });
  const q = "{ sponsorCredits { nodes { sponsorId balance } } sponsorCreditTransactions { totalCount } }";
  t.same((await graphql(sys.url, q, {}, bearer(sponsor))).body.data, {
    sponsorCredits: { nodes: [{ sponsorId: sponsor, balance: "6.0000" }] },
    sponsorCreditTransactions: { totalCount: 2 },
  });
  t.same(
    (await graphql(sys.url, q, {}, bearer(other))).body.data,
    { sponsorCredits: { nodes: [] }, sponsorCreditTransactions: { totalCount: 0 } },
    "others see nothing",
  );
  const open = await graphql(
    sys.url,
    `
      mutation ($id: UUID!) {
        getOrCreateSponsorCredits(input: { sponsorId: $id }) {
          result {
            balance
          }
        }
      }
    `,
    { id: other },
    bearer(other),
  );
  t.same(open.body.data, { getOrCreateSponsorCredits: { result: { balance: "0.0000" } } }, "a user opens their own account");
});
