/**
 * Unbounded input never reaches indexes or storage: 1 MB sent to every text,
 * JSON and text-list argument of every mutation (from the GraphQL schema, so
 * a new one is covered) answers one of our codes, never a masked error, and
 * stores nothing that large; where the call is otherwise valid, the answer is
 * INVAL naming the field. The auth endpoints answer 400 validation_failed.
 */
import t from "tap";
import { getNamedType, getNullableType, isInputObjectType, isListType, type GraphQLInputObjectType } from "graphql";
import { createTestDatabase } from "./helpers/db.ts";
import { AUTH_TEST_ENV, ANON_KEY, uniqueEmail } from "./helpers/auth.ts";
import { makeStaff } from "./helpers/economy.ts";
import { asUser, bearer } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";
import { mutationOperation, schema } from "./helpers/sweep.ts";
import { buildWorld } from "./helpers/world.ts";

t.setTimeout(900_000);
const MB = "x".repeat(1 << 20);
const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db, env: AUTH_TEST_ENV });
const world = await buildWorld(db, sys.url);
const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));
const OUR_CODES = new Set(["LOGIN", "NTFND", "DNIED", "INVAL", "FUNDS", "CONFL", "TOO_COMPLEX"]);

/** Paths to the text-like fields of an input object (one level into nested inputs and patches). */
function textPaths(type: GraphQLInputObjectType, prefix: string[] = [], depth = 0): { path: string[]; kind: "text" | "json" | "list" }[] {
  const out: { path: string[]; kind: "text" | "json" | "list" }[] = [];
  for (const f of Object.values(type.getFields())) {
    const named = getNamedType(f.type);
    const list = isListType(getNullableType(f.type));
    if (f.name === "clientMutationId") continue;
    if (named.name === "String") out.push({ path: [...prefix, f.name], kind: list ? "list" : "text" });
    else if (named.name === "JSON") out.push({ path: [...prefix, f.name], kind: "json" });
    else if (isInputObjectType(named) && depth < 1) out.push(...textPaths(named, [...prefix, f.name], depth + 1));
  }
  return out;
}

function setAt(input: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

const huge = (kind: "text" | "json" | "list") => (kind === "text" ? MB : kind === "list" ? [MB] : { category: MB });

async function largestStored(): Promise<number> {
  const { rows } = await db.root.query<{ n: number }>(
    `select coalesce(max(n), 0)::int as n from (
       select (select max(length(x::text)) from app_public.posts x) n union all
       select (select max(length(x::text)) from app_public.profiles x) union all
       select (select max(length(x::text)) from app_public.profile_details x) union all
       select (select max(length(x::text)) from app_public.comments x) union all
       select (select max(length(x::text)) from app_public.post_reports x) union all
       select (select max(length(x::text)) from app_public.moderation_actions x) union all
       select (select max(length(x::text)) from app_public.user_settings x) union all
       select (select max(length(x::text)) from app_public.verification_requests x) union all
       select (select max(length(x::text)) from app_public.withdrawal_info x) union all
       select (select max(length(x::text)) from app_public.sponsored_posts x) union all
       select (select max(length(x::text)) from app_public.hashtags x)) s`,
  );
  return rows[0]!.n;
}

t.test("1 MB in every text argument of every mutation: our codes only, nothing stored", async (t) => {
  let sent = 0;
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    const input = getNamedType(field.args.find((a) => a.name === "input")!.type) as GraphQLInputObjectType;
    const base = mutationOperation({ world, nodeIds: {}, field: field.name, read: true }, field);
    for (const { path, kind } of textPaths(input)) {
      const variables = { input: setAt(base.variables.input as Record<string, unknown>, path, huge(kind)) };
      const r = await gql(world.stranger, base.document, variables);
      const codes = (r.body.errors ?? []).map((e) => String(e.extensions?.code));
      t.ok(
        codes.every((c) => OUR_CODES.has(c)),
        `${field.name}(${path.join(".")}): ${codes.join(",") || "ok"} ${r.body.errors?.[0]?.message.slice(0, 100) ?? ""}`,
      );
      sent++;
    }
  }
  t.ok(sent > 60, `${sent} text arguments sent 1 MB`);
  t.ok((await largestStored()) < 100_000, "no row holds anything that large");
});

t.test("where the call is otherwise valid: INVAL, naming the field", async (t) => {
  const owner = world.victim;
  const staff = world.staff;
  await makeStaff(db, staff, "admin");
  const cases: [string, string | null, string, Record<string, unknown>][] = [
    ["post body", owner, "mutation($v: String!) { createPost(input: { post: { body: $v } }) { clientMutationId } }", { v: MB }],
    [
      "post metadata",
      owner,
      'mutation($v: JSON!) { createPost(input: { post: { body: "hi", metadata: $v } }) { clientMutationId } }',
      { v: { category: MB } },
    ],
    [
      "avatar URL",
      owner,
      `mutation($v: String!) { updateProfile(input: { rowId: "${owner}", patch: { avatarUrl: $v } }) { clientMutationId } }`,
      { v: `https://${MB}` },
    ],
    [
      "display name",
      owner,
      `mutation($v: String!) { updateProfile(input: { rowId: "${owner}", patch: { displayName: $v } }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "bio",
      world.privateVictim,
      `mutation($v: String!) { updateProfileDetail(input: { profileId: "${world.privateVictim}", patch: { bio: $v } }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "settings",
      owner,
      `mutation($v: JSON!) { updateUserSetting(input: { userId: "${owner}", patch: { accessibility: $v } }) { clientMutationId } }`,
      { v: { k: MB } },
    ],
    [
      "comment",
      owner,
      `mutation($v: String!) { createComment(input: { comment: { postId: "${world.posts.public}", body: $v } }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "report details",
      world.stranger,
      `mutation($v: String!) { reportPost(input: { postId: "${world.posts.public}", reason: spam, details: $v }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "verification reason",
      world.stranger,
      "mutation($v: String!) { requestVerification(input: { reason: $v }) { clientMutationId } }",
      { v: MB },
    ],
    [
      "payout details",
      world.stranger,
      'mutation($v: JSON!) { saveWithdrawalInfo(input: { method: "paypal", details: $v }) { clientMutationId } }',
      { v: { email: MB } },
    ],
    [
      "a message",
      world.friend,
      `mutation($v: String!) { sendMessage(input: { recipientId: "${owner}", body: $v }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "a moderation note",
      staff,
      `mutation($v: String!) { resolvePostReport(input: { reportId: "${world.report}", upheld: false, note: $v }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "a suspension reason",
      staff,
      `mutation($v: String!) { suspendAccount(input: { userId: "${world.requester}", reason: $v }) { clientMutationId } }`,
      { v: MB },
    ],
    [
      "a credits reason",
      staff,
      `mutation($v: String!) { addSponsorCredits(input: { sponsorId: "${owner}", amount: "1", idempotencyKey: "k", reason: $v }) { clientMutationId } }`,
      { v: MB },
    ],
  ];
  for (const [what, as, query, variables] of cases) {
    const started = performance.now();
    const r = await gql(as, query, variables);
    t.equal(r.body.errors?.[0]?.extensions?.code, "INVAL", `${what}: INVAL (${r.body.errors?.[0]?.message.slice(0, 90)})`);
    t.match(r.body.errors?.[0]?.message, /at most|too long/, `${what}: the message says the limit`);
    t.ok(performance.now() - started < 5000, `${what}: answered promptly`);
  }
  t.same(await asUser(db, owner, "select count(*)::int as n from app_public.posts where length(body) > 10000"), [{ n: 0 }]);
});

t.test("auth endpoints: 1 MB anywhere is a 400 validation_failed", async (t) => {
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await fetch(`${sys.url}/auth/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", apikey: ANON_KEY },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { code?: string } };
  };
  const email = uniqueEmail("limits");
  // A million characters: under the auth body limit (1 MiB), so that it reaches the validation.
  const MB = "x".repeat(1_000_000);
  const cases: [string, string, Record<string, unknown>][] = [
    ["sign-up email", "/signup", { email: `${MB}@example.com`, password: "correct horse" }],
    ["sign-up metadata", "/signup", { email, password: "correct horse", data: { display_name: MB } }],
    ["sign-in password", "/token?grant_type=password", { email, password: MB }],
    ["refresh token", "/token?grant_type=refresh_token", { refresh_token: MB }],
    ["verification token", "/verify", { type: "signup", email, token: MB }],
    ["recovery email", "/recover", { email: `${MB}@example.com` }],
  ];
  for (const [what, path, body] of cases) {
    const r = await post(path, body);
    t.equal(r.status, 400, `${what}: 400`);
    t.equal(r.body.code, "validation_failed", `${what}: validation_failed`);
  }
});
