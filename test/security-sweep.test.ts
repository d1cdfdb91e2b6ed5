/**
 * The catalog-driven sweep: every mutation and every root query field of the
 * GraphQL schema, and every SECURITY DEFINER function the request roles may
 * execute, called as an anonymous visitor and as a signed-in stranger against
 * another user's things (test/helpers/world.ts). Nothing anyone else owns may
 * change, nothing private may come back, and a refusal is one of our codes
 * (LOGIN when signed out): never a raw SQLSTATE nor a masked error.
 *
 * A mutation or field added later is swept automatically; one the generator
 * cannot call (a new id argument) fails here until test/helpers/sweep.ts has a
 * recipe for it.
 */
import t from "tap";
import { getNamedType } from "graphql";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, bearer } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";
import { MissingRecipe, mutationOperation, queryOperation, schema, type ArgContext, type Operation } from "./helpers/sweep.ts";
import { buildWorld, changedTables, SECRET_MARKERS, snapshot } from "./helpers/world.ts";

t.setTimeout(900_000);
const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const world = await buildWorld(db, sys.url);

/** Node ids of the world's things, read by their owners. */
async function nodeIds(): Promise<Record<string, string>> {
  const lookups: Record<string, [owner: string, query: string, id: string]> = {
    Post: [world.victim, "post(rowId: $v) { id }", world.posts.onlyMe],
    Profile: [world.privateVictim, "profile(rowId: $v) { id }", world.privateVictim],
    ProfileDetail: [world.privateVictim, "profile(rowId: $v) { profileDetail { id } }", world.privateVictim],
    UserSetting: [world.victim, "userSetting(userId: $v) { id }", world.victim],
    Comment: [world.victim, "comment(rowId: $v) { id }", world.comments.onOnlyMe],
    Conversation: [world.victim, "conversation(rowId: $v) { id }", world.conversation],
    Message: [world.victim, "message(rowId: $v) { id }", world.message],
    Notification: [world.victim, "n: notifications(condition: { rowId: $v }) { nodes { id } }", world.notification],
    SponsoredPost: [world.victim, "sponsoredPost(rowId: $v) { id }", world.campaign],
    SponsorCredit: [world.victim, "sponsorCredit(sponsorId: $v) { id }", world.victim],
    WithdrawalRequest: [world.victim, "withdrawalRequest(rowId: $v) { id }", world.withdrawal],
    WithdrawalInfo: [world.victim, "withdrawalInfo(userId: $v) { id }", world.victim],
    VerificationRequest: [world.victim, "verificationRequest(rowId: $v) { id }", world.verification],
    PostReport: [world.friend, "postReport(rowId: $v) { id }", world.report],
    UserCheatStatus: [world.victim, "userCheatStatus(userId: $v) { id }", world.victim],
    UserVideo: [world.victim, "userVideo(postId: $v) { id }", world.posts.onlyMe],
  };
  const out: Record<string, string> = {};
  for (const [type, [owner, query, v]] of Object.entries(lookups)) {
    const r = await graphql(sys.url, `query($v: UUID!) { ${query} }`, { v }, bearer(owner));
    const id = /"id":"([^"]+)"/.exec(JSON.stringify(r.body.data))?.[1];
    if (!id) throw new Error(`world: no node id for ${type}: ${JSON.stringify(r.body)}`);
    out[type] = id;
  }
  return out;
}
const ctxFor = async (field: string, read = false): Promise<ArgContext> => ({ world, nodeIds: await ids, field, read });
const ids = nodeIds();

/** Mutations a stranger may legitimately call here (they write only the stranger's own rows). */
const STRANGER_MAY: Record<string, true> = {
  createPost: true,
  blockUser: true,
  muteUser: true,
  requestVerification: true,
  saveWithdrawalInfo: true,
  markAllNotificationsRead: true,
};
/** Mutations an anonymous visitor may call (they count views from the request's address). */
const ANONYMOUS_MAY: Record<string, true> = { trackPostEvents: true };
/** Inputs the generator cannot guess. */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  trackPostEvents: { viewPostIds: [world.posts.onlyMe, world.posts.privateAccount], likePostIds: [] },
  incrementPostViews: { ip: "127.0.0.1" },
  createSponsoredPost: { costPerImpression: "1", costPerLike: "1" },
};
/** An anonymous visitor may call these, as themselves only (the generated input names the stranger). */
const ANONYMOUS_REFUSED_WITH: Record<string, string> = { incrementPostViews: "DNIED" };
/** Codes a refusal may carry. */
const REFUSALS = new Set(["LOGIN", "NTFND", "DNIED", "INVAL", "FUNDS", "CONFL"]);

interface Outcome {
  errors: { message: string; code: unknown }[];
  leaked: string[];
  changed: string[];
}

/** The snapshot after the last call: the one before the next (nothing else writes meanwhile). */
let last: Map<string, string> | undefined;
async function run(op: Operation, as: string | null): Promise<Outcome> {
  const before = last ?? (await snapshot(db, world.stranger));
  const r = await graphql(sys.url, op.document, op.variables, bearer(as));
  const after = await snapshot(db, world.stranger);
  last = after;
  const text = JSON.stringify(r.body);
  return {
    errors: (r.body.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code })),
    leaked: SECRET_MARKERS.filter((m) => text.includes(m)),
    changed: changedTables(before, after),
  };
}

const mutations = Object.values(schema.getMutationType()!.getFields());
const queries = Object.values(schema.getQueryType()!.getFields()).filter((f) => f.name !== "query" && f.name !== "id");

t.test("every mutation, as an anonymous visitor and as a signed-in stranger", async (t) => {
  const missing: string[] = [];
  for (const field of mutations) {
    let op: Operation;
    try {
      op = mutationOperation(await ctxFor(field.name), field, OVERRIDES[field.name]);
    } catch (err) {
      if (err instanceof MissingRecipe) {
        missing.push(err.message);
        continue;
      }
      throw err;
    }
    const anon = await run(op, null);
    t.same(anon.changed, [], `${field.name} (anonymous): nobody's rows change`);
    t.same(anon.leaked, [], `${field.name} (anonymous): nothing private comes back`);
    if (ANONYMOUS_MAY[field.name]) t.same(anon.errors, [], `${field.name} (anonymous): allowed`);
    else {
      const expected = ANONYMOUS_REFUSED_WITH[field.name] ?? "LOGIN";
      t.same(
        [...new Set(anon.errors.map((e) => e.code))],
        [expected],
        `${field.name} (anonymous): ${expected} ${JSON.stringify(anon.errors)}`,
      );
    }

    const stranger = await run(op, world.stranger);
    t.same(stranger.changed, [], `${field.name} (stranger): nobody else's rows change`);
    t.same(stranger.leaked, [], `${field.name} (stranger): nothing private comes back`);
    const bad = stranger.errors.filter((e) => !REFUSALS.has(String(e.code)));
    t.same(bad, [], `${field.name} (stranger): refusals carry one of our codes`);
    if (STRANGER_MAY[field.name]) t.same(stranger.errors, [], `${field.name} (stranger): allowed on their own things`);
  }
  t.same(missing, [], "every mutation can be called with generated arguments (add a recipe in test/helpers/sweep.ts)");
  t.ok(mutations.length > 60, `${mutations.length} mutations swept`);
});

t.test("every root query field, as an anonymous visitor and as a signed-in stranger", async (t) => {
  const missing: string[] = [];
  for (const field of queries) {
    let op: Operation;
    try {
      op = queryOperation(await ctxFor(field.name, true), field);
    } catch (err) {
      if (err instanceof MissingRecipe) {
        missing.push(err.message);
        continue;
      }
      throw err;
    }
    for (const [who, as] of [
      ["anonymous", null],
      ["stranger", world.stranger],
    ] as const) {
      const r = await run(op, as);
      t.same(r.changed, [], `${field.name} (${who}): a read changes nothing`);
      t.same(r.leaked, [], `${field.name} (${who}): nothing private comes back`);
      const bad = r.errors.filter((e) => !REFUSALS.has(String(e.code)));
      t.same(bad, [], `${field.name} (${who}): only our refusal codes ${JSON.stringify(r.errors)}`);
    }
  }
  t.same(missing, [], "every root field can be called with generated arguments (add a recipe in test/helpers/sweep.ts)");
  t.ok(queries.length > 80, `${queries.length} root fields swept`);
});

t.test("root fields over signed-in-only tables answer LOGIN when signed out; nested, they are empty", async (t) => {
  const r = await graphql(sys.url, "{ notifications { totalCount } sponsoredPosts { totalCount } }");
  t.same(
    r.body.errors?.map((e) => e.extensions?.code),
    ["LOGIN", "LOGIN"],
  );
  const nested = await graphql(
    sys.url,
    `
      query ($id: UUID!) {
        post(rowId: $id) {
          rowId
          sponsoredPost {
            rowId
          }
          author {
            userSettingByUserId {
              country
            }
            withdrawalRequests {
              totalCount
            }
            sponsorCreditBySponsorId {
              balance
            }
          }
        }
      }
    `,
    { id: world.posts.public },
  );
  t.same(nested.body.errors, undefined, "no error");
  t.same(
    nested.body.data,
    {
      post: {
        rowId: world.posts.public,
        sponsoredPost: null,
        author: { userSettingByUserId: null, withdrawalRequests: { totalCount: 0 }, sponsorCreditBySponsorId: null },
      },
    },
    "the post is whole; what the visitor may not read is null or empty",
  );
});

t.test("every SECURITY DEFINER function the request roles may execute, called in SQL as anon and as a stranger", async (t) => {
  const { rows } = await db.root.query<{ fn: string; args: string; types: string[] }>(
    `select p.oid::regprocedure::text as fn, pg_get_function_identity_arguments(p.oid) as args,
            array(select format_type(x, null) from unnest(p.proargtypes) x) as types
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname in ('app_public', 'app_hidden', 'app_private', 'auth')
        and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
      order by 1`,
  );
  t.ok(rows.length > 40, `${rows.length} SECURITY DEFINER functions`);
  /** Arguments by type: someone else's things. A row-type argument is a row the caller can read (as GraphQL passes them). */
  const argument = (type: string, i: number, fn: string): string => {
    switch (type) {
      case "uuid":
        return `'${i === 0 && /user|profile|follow|block|mute|sponsor|balance|monetization|message_user|view/.test(fn) ? world.victim : world.posts.onlyMe}'::uuid`;
      case "text":
        return "'x'";
      case "integer":
      case "bigint":
        return "1";
      case "numeric":
        return "1";
      case "boolean":
        return "true";
      case "jsonb":
      case "json":
        return `'{"k": "v"}'`;
      case "inet":
        return "'127.0.0.1'";
      case "date":
        return "'2020-01-01'";
      case "timestamp with time zone":
        return "now() + interval '1 day'";
      case "uuid[]":
        return `array['${world.posts.onlyMe}']::uuid[]`;
      case "text[]":
        return "'{}'::text[]";
      default: {
        const row = /^app_public\.(\w+)$/.exec(type)?.[1];
        if (row === "posts") return "(select p from app_public.posts p limit 1)";
        if (row === "profiles") return `(select p from app_public.profiles p where p.id = '${world.victim}')`;
        if (row) return `(select x from app_public.${row} x limit 1)`;
        return `null::${type}`;
      }
    }
  };
  for (const r of rows) {
    const name = r.fn.slice(0, r.fn.indexOf("("));
    const call = `select ${name}(${r.types.map((ty, i) => argument(ty, i, r.fn)).join(", ")})::text as result`;
    for (const [who, claims] of [
      ["anonymous", { role: "anon" }],
      ["stranger", { role: "authenticated", sub: world.stranger }],
    ] as const) {
      const before = await snapshot(db, world.stranger);
      const out = await asRole<{ result: string | null }>(db.root, claims, call).then(
        (rs) => JSON.stringify(rs),
        (err: { code?: string }) => `error ${err.code}`,
      );
      const after = await snapshot(db, world.stranger);
      t.same(changedTables(before, after), [], `${r.fn} (${who}): nobody else's rows change`);
      t.same(
        SECRET_MARKERS.filter((m) => out.includes(m)),
        [],
        `${r.fn} (${who}): nothing private comes back (${out.slice(0, 120)})`,
      );
    }
  }
});

t.test("the generated operations are what they say", async (t) => {
  // A guard on the generator: the selection of a mutation reaches its result's fields.
  const like = mutationOperation(await ctxFor("likePost"), schema.getMutationType()!.getFields().likePost!);
  t.match(like.document, /likePost\(input: \$input\) \{ .*result \{ .*body/);
  t.equal(getNamedType(schema.getQueryType()!.getFields().posts!.type).name, "PostConnection");
});
