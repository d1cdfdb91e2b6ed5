/**
 * Money is the app_public.money domain: every mutation with a money input
 * (found in the GraphQL schema, so a new one is covered or fails here) is fed
 * NaN, ±Infinity, 1e20 and 5 decimals, by a caller who could otherwise make
 * the change, and answers INVAL with nothing changed. -0 is 0: refused where
 * an amount must be positive, and never stored negative.
 */
import t from "tap";
import { getNamedType, isInputObjectType, type GraphQLInputObjectType } from "graphql";
import { createTestDatabase } from "./helpers/db.ts";
import { createEligibleCreator, createPost, makeStaff } from "./helpers/economy.ts";
import { asUser, bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";
import { schema } from "./helpers/sweep.ts";
import { snapshot, changedTables } from "./helpers/world.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });

const admin = await createUser(db);
await makeStaff(db, admin, "admin");
const sponsor = await createUser(db);
const sponsorPost = await createPost(db, sponsor);
const campaignPost = await createPost(db, sponsor);
await db.root.query("select app_public.add_sponsor_credits($1, 100, 'money-test-setup')", [sponsor]);
const [campaign] = await asUser<{ id: string }>(db, sponsor, "select id from app_public.create_sponsored_post($1, 1, 1)", [campaignPost]);
const creator = await createEligibleCreator(db);
const video = await createPost(db, creator, { video: true });
await db.root.query(
  "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 1, 1, 500)",
  [video, creator],
);
await asUser(db, creator, "select app_public.save_withdrawal_info('paypal', '{\"email\": \"c@example.com\"}')");
const campaignNodeId = (
  (await graphql(sys.url, "query($id: UUID!) { sponsoredPost(rowId: $id) { id } }", { id: campaign!.id }, bearer(sponsor))).body.data as {
    sponsoredPost: { id: string };
  }
).sponsoredPost.id;

/** A valid input for each mutation with a money input, and who may make it. `money` names the money fields (a path into the input). */
const RECIPES: Record<string, { as: string; input: Record<string, unknown>; money: string[][] }> = {
  addSponsorCredits: { as: admin, input: { sponsorId: sponsor, amount: "1", idempotencyKey: "k-add" }, money: [["amount"]] },
  deductSponsorCredits: { as: admin, input: { sponsorId: sponsor, amount: "1", idempotencyKey: "k-deduct" }, money: [["amount"]] },
  createSponsoredPost: {
    as: sponsor,
    input: { postId: sponsorPost, costPerImpression: "1", costPerLike: "1", budget: "10" },
    money: [["costPerImpression"], ["costPerLike"], ["budget"]],
  },
  requestWithdrawal: { as: creator, input: { amount: "60", idempotencyKey: "k-w" }, money: [["amount"]] },
  updateSponsoredPost: {
    as: sponsor,
    input: { rowId: campaign!.id, patch: { budget: "10" } },
    money: [
      ["patch", "budget"],
      ["patch", "costPerImpression"],
      ["patch", "costPerLike"],
    ],
  },
  updateSponsoredPostById: { as: sponsor, input: { id: campaignNodeId, patch: { budget: "10" } }, money: [["patch", "budget"]] },
  updateSponsoredPostByPostId: { as: sponsor, input: { postId: campaignPost, patch: { budget: "10" } }, money: [["patch", "budget"]] },
};

function hasMoney(type: GraphQLInputObjectType, depth = 0): boolean {
  return Object.values(type.getFields()).some((f) => {
    const named = getNamedType(f.type);
    return named.name === "Money" || (depth < 2 && isInputObjectType(named) && hasMoney(named, depth + 1));
  });
}

const withMoney = Object.values(schema.getMutationType()!.getFields()).filter((f) => {
  const input = f.args.find((a) => a.name === "input");
  const named = input && getNamedType(input.type);
  return named && isInputObjectType(named) && hasMoney(named);
});

t.test("every mutation with a money input has a recipe here", async (t) => {
  t.same(
    withMoney.map((f) => f.name).filter((n) => !RECIPES[n]),
    [],
  );
  t.ok(withMoney.length >= 7, `${withMoney.length} mutations take money`);
});

function withValue(input: Record<string, unknown>, path: string[], value: string): Record<string, unknown> {
  const copy = structuredClone(input);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

t.test("NaN, ±Infinity, 1e20 and 5 decimals are INVAL, and change nothing", async (t) => {
  for (const field of withMoney) {
    const recipe = RECIPES[field.name];
    if (!recipe) continue;
    const input = field.args.find((a) => a.name === "input")!;
    const doc = `mutation($input: ${String(input.type)}) { ${field.name}(input: $input) { clientMutationId } }`;
    for (const path of recipe.money) {
      for (const bad of ["NaN", "Infinity", "-Infinity", "1e20", "1.00001"]) {
        const before = await snapshot(db, "nobody");
        const r = await graphql(sys.url, doc, { input: withValue(recipe.input, path, bad) }, bearer(recipe.as));
        const after = await snapshot(db, "nobody");
        t.equal(
          r.body.errors?.[0]?.extensions?.code,
          "INVAL",
          `${field.name}(${path.join(".")}: ${bad}): INVAL ${r.body.errors?.[0]?.message}`,
        );
        t.same(changedTables(before, after), [], `${field.name}(${path.join(".")}: ${bad}): nothing changed`);
      }
    }
  }
});

t.test("-0 is zero: refused where an amount must be positive, never stored negative", async (t) => {
  for (const name of ["addSponsorCredits", "deductSponsorCredits", "requestWithdrawal"]) {
    const recipe = RECIPES[name]!;
    const r = await graphql(
      sys.url,
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { clientMutationId } }`,
      { input: withValue(recipe.input, ["amount"], "-0") },
      bearer(recipe.as),
    );
    t.equal(r.body.errors?.[0]?.extensions?.code, "INVAL", `${name}(-0)`);
  }
  const { rows } = await db.root.query<{ n: number }>(
    `select (select count(*) from app_public.sponsored_posts where cost_per_impression < 0 or cost_per_like < 0 or budget < 0)
          + (select count(*) from app_public.sponsor_credits where balance < 0 or balance = 'NaN')::int as n`,
  );
  t.equal(Number(rows[0]!.n), 0, "no negative nor NaN amount stored");
});

t.test("valid amounts still work, with 4 decimals", async (t) => {
  const r = await graphql(
    sys.url,
    `mutation { addSponsorCredits(input: { sponsorId: "${sponsor}", amount: "0.0001", idempotencyKey: "k-valid" }) { result } }`,
    {},
    bearer(admin),
  );
  t.same(r.body.errors, undefined);
  t.match((r.body.data as { addSponsorCredits: { result: string } }).addSponsorCredits.result, /^\d+\.0001$/);
});
