/** Moderation: reports, automatic demonetization, the staff queue and actions, suspension, the audit log. */
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { asUser, bearer, claimsOf, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";
import { asRole, createPost, makeStaff } from "./helpers/economy.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));

async function createStaff(role: "moderator" | "admin" = "moderator"): Promise<string> {
  const id = await createUser(db);
  await db.root.query("update auth.users set raw_app_meta_data = jsonb_build_object('role', $2::text) where id = $1", [id, role]);
  return id;
}
async function post(author: string, body = "a post"): Promise<string> {
  const { rows } = await db.root.query<{ id: string }>("insert into app_public.posts (author_id, body) values ($1, $2) returning id", [
    author,
    body,
  ]);
  return rows[0]!.id;
}
const report = (reporter: string, postId: string, reason = "spam") =>
  asUser(db, reporter, "select * from app_public.report_post($1, $2)", [postId, reason]);
const postRow = async (id: string) =>
  (await db.root.query<{ is_demonetized: boolean; demonetized_at: Date | null }>("select * from app_public.posts where id = $1", [id]))
    .rows[0]!;
const profileRow = async (id: string) =>
  (await db.root.query<{ is_demonetized: boolean; suspended_until: Date | null }>("select * from app_public.profiles where id = $1", [id]))
    .rows[0]!;
const actions = async (filter: string, params: unknown[]) =>
  (
    await db.root.query<{ action: string; actor_id: string | null; note: string | null }>(
      `select action, actor_id, note from app_public.moderation_actions where ${filter} order by id`,
      params,
    )
  ).rows;

const reporters: string[] = [];
for (let i = 0; i < 12; i++) reporters.push(await createUser(db));
/** Ten distinct reporters report the post: it is demonetized. */
async function demonetize(postId: string): Promise<void> {
  for (const r of reporters.slice(0, 10)) await report(r, postId);
}

t.test("a post is demonetized exactly when its 10th distinct reporter reports it", async (t) => {
  const author = await createUser(db);
  const p = await post(author);
  for (const r of reporters.slice(0, 9)) await report(r, p);
  t.equal((await postRow(p)).is_demonetized, false, "9 reporters: not demonetized");
  await t.rejects(report(reporters[0]!, p, "hate"), { code: "CONFL" }, "a second report by the same reporter is refused");
  t.same(await asUser(db, author, "select app_public.get_post_report_count($1) as n", [p]), [{ n: 9 }], "and not counted");
  t.equal((await postRow(p)).is_demonetized, false, "still not demonetized");
  await t.rejects(report(author, p), { code: "INVAL" }, "nobody reports their own post");

  await report(reporters[9]!, p);
  const row = await postRow(p);
  t.equal(row.is_demonetized, true, "the 10th reporter demonetizes it");
  t.ok(row.demonetized_at, "with the time");
  t.same(
    await actions("post_id = $1", [p]),
    [{ action: "demonetize_post", actor_id: null, note: "10 distinct reporters" }],
    "audited, automatic",
  );
  t.equal((await profileRow(author)).is_demonetized, false, "one demonetized post does not demonetize the account");

  await t.rejects(
    asUser(db, reporters[10]!, "select app_public.get_post_report_count($1)", [p]),
    { code: "DNIED" },
    "others may not see the count",
  );
  await t.rejects(asUser(db, reporters[10]!, "select app_public.check_and_demonetize_video($1)", [p]), { code: "DNIED" });
});

t.test("ten reports landing at once still demonetize the post", async (t) => {
  const p = await post(await createUser(db));
  const pool = new pg.Pool({ connectionString: db.ownerUrl, max: 10 });
  t.teardown(() => pool.end());
  await Promise.all(
    reporters.slice(0, 10).map(async (r) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ role: "authenticated", sub: r })]);
        await client.query("set local role authenticated");
        await client.query("select app_public.report_post($1, 'spam')", [p]);
        await client.query("commit");
      } finally {
        client.release();
      }
    }),
  );
  t.equal((await postRow(p)).is_demonetized, true);
  t.equal((await actions("post_id = $1", [p])).length, 1, "demonetized once");
});

t.test("an account is demonetized at its 3rd demonetized post within 90 days", async (t) => {
  const author = await createUser(db);
  const [old, first, second, third] = [await post(author), await post(author), await post(author), await post(author)];
  await demonetize(old);
  await db.root.query("update app_public.posts set demonetized_at = now() - interval '91 days' where id = $1", [old]);
  await demonetize(first);
  await demonetize(second);
  t.equal((await profileRow(author)).is_demonetized, false, "two in 90 days, and an older one that does not count");
  t.same(
    await asUser(db, await createStaff(), "select app_public.check_and_demonetize_account($1) as d", [author]),
    [{ d: false }],
    "staff check agrees",
  );
  await demonetize(third);
  t.equal((await profileRow(author)).is_demonetized, true, "the third one in 90 days demonetizes the account");
  t.same(
    (await actions("target_user_id = $1 and action = 'demonetize_account'", [author])).map((a) => [a.actor_id, a.note]),
    [[null, "3 posts demonetized in 90 days"]],
    "audited",
  );
});

t.test("the staff queue: staff see every report, reporters their own, others none", async (t) => {
  const [author, staff, outsider] = [await createUser(db), await createStaff(), await createUser(db)];
  const p = await post(author);
  await report(reporters[0]!, p, "spam");
  const viaApi = await gql(
    reporters[1]!,
    `mutation($p: UUID!) { reportPost(input: { postId: $p, reason: harassment, details: "  threats  " }) { result { status reason details } } }`,
    { p },
  );
  t.same(
    viaApi.body.data,
    { reportPost: { result: { status: "open", reason: "harassment", details: "threats" } } },
    "reported through GraphQL",
  );
  const q = `query($p: UUID!) { postReports(condition: { postId: $p, status: open }, orderBy: CREATED_AT_ASC) { nodes { rowId reason reporterId post { rowId } } } }`;
  const asStaff = await gql(staff, q, { p });
  t.same(
    (asStaff.body.data as { postReports: { nodes: { reason: string }[] } }).postReports.nodes.map((n) => n.reason),
    ["spam", "harassment"],
  );
  const asReporter = await gql(reporters[0]!, q, { p });
  t.same(
    (asReporter.body.data as { postReports: { nodes: { reporterId: string }[] } }).postReports.nodes.map((n) => n.reporterId),
    [reporters[0]],
  );
  t.same(await gql(outsider, q, { p }).then((r) => r.body.data), { postReports: { nodes: [] } }, "others see none");
  t.same(await gql(author, q, { p }).then((r) => r.body.data), { postReports: { nodes: [] } }, "not even the author");
  t.ok(await gql(null, "{ moderationActions { totalCount } }").then((r) => r.body.errors?.length), "anonymous: no access");
  t.same(
    await gql(outsider, "{ moderationActions { totalCount } }").then((r) => r.body.data),
    { moderationActions: { totalCount: 0 } },
    "the audit log is staff-only",
  );
  const staffLog = await gql(staff, "{ moderationActions { totalCount } }");
  t.ok((staffLog.body.data as { moderationActions: { totalCount: number } }).moderationActions.totalCount > 0, "staff read the audit log");

  // Non-staff cannot act.
  const reportId = (asStaff.body.data as { postReports: { nodes: { rowId: string }[] } }).postReports.nodes[0]!.rowId;
  const refused: [string, Record<string, unknown>][] = [
    [`mutation($id: UUID!) { resolvePostReport(input: { reportId: $id, upheld: false }) { clientMutationId } }`, { id: reportId }],
    [`mutation($id: UUID!) { restorePostMonetization(input: { postId: $id }) { clientMutationId } }`, { id: p }],
    [`mutation($id: UUID!) { suspendAccount(input: { userId: $id, reason: "spite" }) { clientMutationId } }`, { id: author }],
    [`mutation($id: UUID!) { unsuspendAccount(input: { userId: $id }) { clientMutationId } }`, { id: author }],
    [`mutation($id: UUID!) { restoreAccountMonetization(input: { userId: $id }) { clientMutationId } }`, { id: author }],
    [`mutation($id: UUID!) { checkAndDemonetizeVideo(input: { postId: $id }) { clientMutationId } }`, { id: p }],
  ];
  for (const [query, vars] of refused) {
    const r = await gql(outsider, query, vars);
    t.equal(r.body.errors?.[0]?.extensions?.code, "DNIED", query.slice(9, 40));
  }

  // Staff resolve: dismissed reports stop counting; every resolution is audited.
  const resolved = await gql(
    staff,
    `mutation($id: UUID!) { resolvePostReport(input: { reportId: $id, upheld: false, note: "not spam" }) { result { status resolvedBy resolutionNote } } }`,
    { id: reportId },
  );
  t.same(resolved.body.data, { resolvePostReport: { result: { status: "dismissed", resolvedBy: staff, resolutionNote: "not spam" } } });
  t.same(
    await asUser(db, staff, "select app_public.get_post_report_count($1) as n", [p]),
    [{ n: 1 }],
    "a dismissed report no longer counts",
  );
  t.same(await actions("report_id = $1", [reportId]), [{ action: "resolve_report", actor_id: staff, note: "dismissed: not spam" }]);
  const again = await gql(
    staff,
    `mutation($id: UUID!) { resolvePostReport(input: { reportId: $id, upheld: true }) { clientMutationId } }`,
    { id: reportId },
  );
  t.equal(again.body.errors?.[0]?.extensions?.code, "NTFND", "a resolved report cannot be resolved again");
});

t.test("staff restore a demonetized post and account", async (t) => {
  const [author, staff] = [await createUser(db), await createStaff()];
  const p = await post(author);
  await demonetize(p);
  const r = await gql(
    staff,
    `mutation($id: UUID!) { restorePostMonetization(input: { postId: $id, note: "brigading" }) { result { isDemonetized demonetizedAt } } }`,
    { id: p },
  );
  t.same(r.body.data, { restorePostMonetization: { result: { isDemonetized: false, demonetizedAt: null } } });
  t.same(
    await actions("post_id = $1 and action = 'restore_post'", [p]),
    [{ action: "restore_post", actor_id: staff, note: "brigading" }],
    "audited",
  );
  const statuses = await db.root.query("select distinct status::text from app_public.post_reports where post_id = $1", [p]);
  t.same(statuses.rows, [{ status: "dismissed" }], "its open reports are dismissed");
  await report(reporters[10]!, p);
  t.equal((await postRow(p)).is_demonetized, false, "a new report starts a new count");
  const twice = await gql(staff, `mutation($id: UUID!) { restorePostMonetization(input: { postId: $id }) { clientMutationId } }`, {
    id: p,
  });
  t.equal(twice.body.errors?.[0]?.extensions?.code, "CONFL", "not demonetized: nothing to restore");

  await db.root.query("update app_public.profiles set is_demonetized = true, demonetized_at = now() where id = $1", [author]);
  const acc = await gql(
    staff,
    `mutation($id: UUID!) { restoreAccountMonetization(input: { userId: $id, note: "appeal" }) { result { isDemonetized } } }`,
    { id: author },
  );
  t.same(acc.body.data, { restoreAccountMonetization: { result: { isDemonetized: false } } });
  t.same(await actions("target_user_id = $1 and action = 'restore_account'", [author]), [
    { action: "restore_account", actor_id: staff, note: "appeal" },
  ]);
});

t.test("a suspended account cannot post, comment, like, repost, follow or report, and leaves explore", async (t) => {
  const [user, other, staff, admin] = [await createUser(db), await createUser(db), await createStaff(), await createStaff("admin")];
  const mine = await post(user, "before suspension #suspendtest");
  const theirs = await post(other, "someone else's post");
  const explore = async () =>
    (
      (await gql(other, `{ explorePosts(hashtag: "suspendtest") { nodes { postId } } }`)).body.data as {
        explorePosts: { nodes: unknown[] };
      }
    ).explorePosts.nodes.length;
  const top = async () =>
    (
      (await gql(other, `{ exploreTopPosts { nodes { rowId } } }`)).body.data as { exploreTopPosts: { nodes: { rowId: string }[] } }
    ).exploreTopPosts.nodes.some((n) => n.rowId === mine);
  t.equal(await explore(), 1, "in explore before");
  t.equal(await top(), true, "and in top posts");

  const bad = await gql(staff, `mutation($id: UUID!) { suspendAccount(input: { userId: $id, reason: "" }) { clientMutationId } }`, {
    id: user,
  });
  t.equal(bad.body.errors?.[0]?.extensions?.code, "INVAL", "a reason is required");
  const past = await gql(
    staff,
    `mutation($id: UUID!) { suspendAccount(input: { userId: $id, reason: "x", until: "2000-01-01T00:00:00Z" }) { clientMutationId } }`,
    { id: user },
  );
  t.equal(past.body.errors?.[0]?.extensions?.code, "INVAL", "the end must be in the future");
  const onStaff = await gql(staff, `mutation($id: UUID!) { suspendAccount(input: { userId: $id, reason: "x" }) { clientMutationId } }`, {
    id: admin,
  });
  t.equal(onStaff.body.errors?.[0]?.extensions?.code, "DNIED", "staff accounts cannot be suspended");

  const s = await gql(
    staff,
    `mutation($id: UUID!) { suspendAccount(input: { userId: $id, reason: "spam wave" }) { result { isSuspended suspendedUntil } } }`,
    { id: user },
  );
  t.same(s.body.data, { suspendAccount: { result: { isSuspended: true, suspendedUntil: null } } });

  const attempts: [string, string, Record<string, unknown>][] = [
    ["post", `mutation { createPost(input: { post: { body: "still here" } }) { clientMutationId } }`, {}],
    [
      "comment",
      `mutation($p: UUID!) { createComment(input: { comment: { postId: $p, body: "hi" } }) { clientMutationId } }`,
      { p: theirs },
    ],
    ["like", `mutation($p: UUID!) { likePost(input: { postId: $p }) { clientMutationId } }`, { p: theirs }],
    ["repost", `mutation($p: UUID!) { repostPost(input: { postId: $p }) { clientMutationId } }`, { p: theirs }],
    ["follow", `mutation($u: UUID!) { follow(input: { targetId: $u }) { clientMutationId } }`, { u: other }],
    ["profile like", `mutation($u: UUID!) { likeProfile(input: { profileId: $u }) { clientMutationId } }`, { u: other }],
    ["report", `mutation($p: UUID!) { reportPost(input: { postId: $p, reason: spam }) { clientMutationId } }`, { p: theirs }],
    ["edit", `mutation($p: UUID!) { updatePost(input: { rowId: $p, patch: { body: "edited" } }) { clientMutationId } }`, { p: mine }],
  ];
  for (const [what, query, vars] of attempts) {
    const r = await gql(user, query, vars);
    t.equal(r.body.errors?.[0]?.extensions?.code, "DNIED", `cannot ${what}`);
    t.match(r.body.errors?.[0]?.message, /suspended/);
  }
  t.equal(await explore(), 0, "left out of explore");
  t.equal(await top(), false, "and of top posts");
  const read = await gql(user, `query($p: UUID!) { post(rowId: $p) { body } }`, { p: theirs });
  t.same(read.body.data, { post: { body: "someone else's post" } }, "can still read");
  t.same(
    (await actions("target_user_id = $1", [user])).map((a) => [a.action, a.actor_id, a.note]),
    [["suspend_account", staff, "spam wave (until lifted)"]],
    "audited",
  );

  const lift = await gql(
    staff,
    `mutation($id: UUID!) { unsuspendAccount(input: { userId: $id, note: "appeal granted" }) { result { isSuspended } } }`,
    { id: user },
  );
  t.same(lift.body.data, { unsuspendAccount: { result: { isSuspended: false } } });
  t.same((await gql(user, attempts[0]![1])).body.errors, undefined, "can post again");
  t.equal(await explore(), 1, "back in explore");
  t.same(
    (await actions("target_user_id = $1", [user])).map((a) => a.action),
    ["suspend_account", "unsuspend_account"],
  );

  // A suspension with an end is over by itself.
  const until = new Date(Date.now() + 3600_000).toISOString();
  await gql(
    staff,
    `mutation($id: UUID!, $until: Datetime) { suspendAccount(input: { userId: $id, reason: "cool down", until: $until }) { clientMutationId } }`,
    { id: user, until },
  );
  t.equal((await gql(user, attempts[0]![1])).body.errors?.[0]?.extensions?.code, "DNIED", "suspended for an hour");
  await db.root.query("update app_public.profiles set suspended_until = now() - interval '1 second' where id = $1", [user]);
  t.same((await gql(user, attempts[0]![1])).body.errors, undefined, "and free once it has passed");
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
  await asRole(db.root, claimsOf(mod), "select app_public.resolve_post_report($1, true)", [reports[0]]);
  await asRole(db.root, claimsOf(mod), "select app_public.restore_post_monetization($1)", [post]);
  t.equal(await demonetized(), false, "restored");
  for (let i = 0; i < 9; i++) await report();
  t.equal(await demonetized(), false, "nine new reporters (and an upheld old report) are not enough");
  await report();
  t.equal(await demonetized(), true, "the 10th new reporter");
});
