/** Follow, requests, block, mute and the relationship functions, through GraphQL and SQL. */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asUser, bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });

const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));
const counts = async (id: string) =>
  (await db.root.query("select followers_count, following_count from app_public.profiles where id = $1", [id])).rows[0] as {
    followers_count: number;
    following_count: number;
  };
const edge = async (a: string, b: string) =>
  (await db.root.query<{ status: string }>("select status from app_public.followers where follower_id = $1 and following_id = $2", [a, b]))
    .rows[0]?.status;

t.test("follow and unfollow a public account", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const r = await gql(a, "mutation($id: UUID!) { follow(input: { targetId: $id }) { result { status followingId } } }", { id: b });
  t.same(r.body.data, { follow: { result: { status: "approved", followingId: b } } });
  t.same(await counts(b), { followers_count: 1, following_count: 0 });
  t.same(await counts(a), { followers_count: 0, following_count: 1 });
  const again = await gql(a, "mutation($id: UUID!) { follow(input: { targetId: $id }) { result { status } } }", { id: b });
  t.equal(again.body.errors, undefined, "following again is harmless");
  t.same(await counts(b), { followers_count: 1, following_count: 0 }, "and counts once");
  const sql = await db.root.query("select app_public.get_follower_count($1) as n, app_hidden.are_mutual_followers($1, $2) as mutual", [
    b,
    a,
  ]);
  t.same(sql.rows[0], { n: "1", mutual: false });
  await gql(a, "mutation($id: UUID!) { unfollow(input: { targetId: $id }) { result } }", { id: b });
  t.same(await counts(b), { followers_count: 0, following_count: 0 });
});

t.test("no self-follow, no follow of an unknown account, must be signed in", async (t) => {
  const a = await createUser(db);
  const self = await gql(a, "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }", { id: a });
  t.equal(self.body.errors?.[0]?.extensions?.code, "INVAL");
  const unknown = await gql(a, "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }", {
    id: "00000000-0000-0000-0000-000000000000",
  });
  t.equal(unknown.body.errors?.[0]?.extensions?.code, "NTFND");
  const anon = await gql(null, "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }", { id: a });
  t.ok(anon.body.errors?.length, "anonymous cannot follow");
  const bad = await gql(a, 'mutation { follow(input: { targetId: "not-a-uuid" }) { clientMutationId } }');
  t.ok(bad.body.errors?.length, "malformed id refused");
  t.equal(bad.status < 500, true, "never a 500");
});

t.test("a follow of a private account is a request until approved", async (t) => {
  const [fan, star] = [await createUser(db), await createUser(db)];
  await db.root.query("update app_public.profiles set is_private = true where id = $1", [star]);
  const r = await gql(fan, "mutation($id: UUID!) { follow(input: { targetId: $id }) { result { status } } }", { id: star });
  t.same(r.body.data, { follow: { result: { status: "pending" } } });
  t.same(await counts(star), { followers_count: 0, following_count: 0 }, "a request is not a follower");
  const vs = await gql(fan, "query($id: UUID!) { profile(rowId: $id) { viewerFollowStatus } }", { id: star });
  t.same(vs.body.data, { profile: { viewerFollowStatus: "pending" } });

  const other = await createUser(db);
  const wrong = await gql(other, "mutation($id: UUID!) { approveFollowRequest(input: { followerId: $id }) { clientMutationId } }", {
    id: fan,
  });
  t.equal(wrong.body.errors?.[0]?.extensions?.code, "NTFND", "only the account followed approves");

  const ok = await gql(star, "mutation($id: UUID!) { approveFollowRequest(input: { followerId: $id }) { result { status approvedAt } } }", {
    id: fan,
  });
  t.match(ok.body.data, { approveFollowRequest: { result: { status: "approved", approvedAt: /\d{4}-/ } } });
  t.same(await counts(star), { followers_count: 1, following_count: 0 });

  const fan2 = await createUser(db);
  await gql(fan2, "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }", { id: star });
  const rej = await gql(star, "mutation($id: UUID!) { rejectFollowRequest(input: { followerId: $id }) { result } }", { id: fan2 });
  t.same(rej.body.data, { rejectFollowRequest: { result: true } });
  t.equal(await edge(fan2, star), undefined);

  const fan3 = await createUser(db);
  await gql(fan3, "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }", { id: star });
  await gql(star, 'mutation { updateProfile(input: { rowId: "' + star + '", patch: { isPrivate: false } }) { clientMutationId } }');
  t.equal(await edge(fan3, star), "approved", "going public approves waiting requests");
  t.same(await counts(star), { followers_count: 2, following_count: 0 });
});

t.test("blocking ends follows and requests both ways, and hides each from the other", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2), ($2, $1)", [a, b]);
  t.same(await counts(a), { followers_count: 1, following_count: 1 });
  const r = await gql(a, "mutation($id: UUID!) { blockUser(input: { targetId: $id }) { result { blockedId } } }", { id: b });
  t.same(r.body.data, { blockUser: { result: { blockedId: b } } });
  t.equal(await edge(a, b), undefined);
  t.equal(await edge(b, a), undefined);
  t.same(await counts(a), { followers_count: 0, following_count: 0 }, "counters follow");
  t.same(await counts(b), { followers_count: 0, following_count: 0 });

  const seen = await gql(b, "query($id: UUID!) { profile(rowId: $id) { rowId } }", { id: a });
  t.same(seen.body.data, { profile: null }, "the blocked one no longer sees the blocker");
  const seen2 = await gql(a, "query($id: UUID!) { profile(rowId: $id) { rowId } }", { id: b });
  t.same(seen2.body.data, { profile: null }, "nor the other way");
  const fb = await gql(b, "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }", { id: a });
  t.equal(fb.body.errors?.[0]?.extensions?.code, "NTFND", "cannot follow across a block");

  const mine = await gql(a, "{ blockedUsers { nodes { blockedId } } }");
  t.same(mine.body.data, { blockedUsers: { nodes: [{ blockedId: b }] } }, "the blocker sees their block");
  const theirs = await gql(b, "{ blockedUsers { nodes { blockedId } } }");
  t.same(theirs.body.data, { blockedUsers: { nodes: [] } }, "the blocked one does not see it");
  const sql = await db.root.query("select app_hidden.is_user_blocked($1, $2) as ab, app_hidden.is_user_blocked($2, $1) as ba", [a, b]);
  t.same(sql.rows[0], { ab: true, ba: true }, "either direction");

  const self = await gql(a, "mutation($id: UUID!) { blockUser(input: { targetId: $id }) { clientMutationId } }", { id: a });
  t.equal(self.body.errors?.[0]?.extensions?.code, "INVAL", "no self-block");

  await gql(a, "mutation($id: UUID!) { unblockUser(input: { targetId: $id }) { result } }", { id: b });
  t.equal(await edge(a, b), undefined, "unblocking does not bring follows back");
  const again = await gql(b, "query($id: UUID!) { profile(rowId: $id) { rowId } }", { id: a });
  t.same(again.body.data, { profile: { rowId: a } });
});

t.test("mutes: own, with optional expiry", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const past = await gql(
    a,
    'mutation($id: UUID!) { muteUser(input: { targetId: $id, expiresAt: "2000-01-01T00:00:00Z" }) { clientMutationId } }',
    { id: b },
  );
  t.equal(past.body.errors?.[0]?.extensions?.code, "INVAL");
  const r = await gql(a, "mutation($id: UUID!) { muteUser(input: { targetId: $id }) { result { mutedId expiresAt } } }", { id: b });
  t.same(r.body.data, { muteUser: { result: { mutedId: b, expiresAt: null } } });
  t.same((await gql(b, "{ mutes { nodes { mutedId } } }")).body.data, { mutes: { nodes: [] } }, "the muted one cannot see it");
  const ids = await asUser(db, a, "select app_private.viewer_mute_ids() as ids");
  t.same(ids[0]!.ids, [b]);
  await db.root.query("update app_public.mutes set expires_at = now() - interval '1 second' where muter_id = $1", [a]);
  t.same((await asUser(db, a, "select app_private.viewer_mute_ids() as ids"))[0]!.ids, [], "an expired mute no longer counts");
});

t.test("handles: availability, case-insensitive, reserved words", async (t) => {
  const a = await createUser(db, "TakenHandle");
  const check = async (h: string) =>
    (await gql(null, "query($h: String!) { isHandleAvailable(handle: $h) }", { h })).body.data!.isHandleAvailable;
  t.equal(await check("takenhandle"), false, "taken, whatever the case");
  t.equal(await check("free_handle_1"), true);
  t.equal(await check("admin"), false, "reserved");
  t.equal(await check("ab"), false, "too short");
  t.equal(await check("has space"), false);
  const reserved = await gql(a, `mutation { updateProfile(input: { rowId: "${a}", patch: { handle: "Admin" } }) { clientMutationId } }`);
  t.equal(reserved.body.errors?.[0]?.extensions?.code, "INVAL", "a reserved handle cannot be set");
  const taken = await createUser(db, "someone_else");
  const dup = await gql(a, `mutation { updateProfile(input: { rowId: "${a}", patch: { handle: "SOMEONE_ELSE" } }) { clientMutationId } }`);
  t.equal(dup.body.errors?.[0]?.extensions?.code, "CONFL", "a taken handle cannot be set, whatever the case");
  const ok = await gql(a, `mutation { updateProfile(input: { rowId: "${a}", patch: { handle: "Brand_New" } }) { profile { handle } } }`);
  t.same(ok.body.data, { updateProfile: { profile: { handle: "Brand_New" } } });
  t.ok(taken);
});

t.test("can_view_profile and profile details", async (t) => {
  const [owner, follower, stranger] = [await createUser(db), await createUser(db), await createUser(db)];
  await db.root.query("update app_public.profile_details set bio = 'secret life' where profile_id = $1", [owner]);
  await db.root.query("update app_public.profiles set is_private = true where id = $1", [owner]);
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [follower, owner]);
  const q = "query($id: UUID!) { profile(rowId: $id) { handle isPrivate profileDetail { bio } } }";
  t.match((await gql(follower, q, { id: owner })).body.data, { profile: { isPrivate: true, profileDetail: { bio: "secret life" } } });
  t.match(
    (await gql(stranger, q, { id: owner })).body.data,
    { profile: { isPrivate: true, profileDetail: null } },
    "the card, not the details",
  );
  t.match((await gql(null, q, { id: owner })).body.data, { profile: { profileDetail: null } });
  const sql = await db.root.query(
    "select app_hidden.can_view_profile($1, $3) as f, app_hidden.can_view_profile($2, $3) as s, app_hidden.can_view_profile(null, $3) as a",
    [follower, stranger, owner],
  );
  t.same(sql.rows[0], { f: true, s: false, a: false });
});

t.test("active status by setting", async (t) => {
  const [target, follower, mutual, stranger] = [await createUser(db), await createUser(db), await createUser(db), await createUser(db)];
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2), ($3, $2), ($2, $3)", [
    follower,
    target,
    mutual,
  ]);
  await db.root.query("insert into app_private.user_activity (user_id) values ($1)", [target]);
  const expectations: [string, boolean[]][] = [
    ["everyone", [true, true, true, false]],
    ["followers", [true, true, false, false]],
    ["mutuals", [false, true, false, false]],
    ["nobody", [false, false, false, false]],
  ];
  for (const [setting, expected] of expectations) {
    await db.root.query("update app_public.user_settings set active_status_visibility = $2 where user_id = $1", [target, setting]);
    const { rows } = await db.root.query<{ f: boolean; m: boolean; s: boolean; a: boolean }>(
      "select app_hidden.can_view_active_status($1, $5) as f, app_hidden.can_view_active_status($2, $5) as m, app_hidden.can_view_active_status($3, $5) as s, app_hidden.can_view_active_status($4, $5) as a",
      [follower, mutual, stranger, null, target],
    );
    t.same(Object.values(rows[0]!), expected, setting);
    const g = await gql(follower, "query($id: UUID!) { profile(rowId: $id) { lastActiveAt } }", { id: target });
    t.equal(
      (g.body.data as { profile: { lastActiveAt: string | null } }).profile.lastActiveAt !== null,
      expected[0],
      `${setting}: lastActiveAt through GraphQL`,
    );
  }
});

t.test("get_followers_with_profiles: newest first, paged, respects blocks and privacy", async (t) => {
  const star = await createUser(db);
  const fans: string[] = [];
  for (let i = 0; i < 5; i++) {
    const f = await createUser(db);
    fans.push(f);
    await db.root.query(
      "insert into app_public.followers (follower_id, following_id, created_at) values ($1, $2, now() - make_interval(mins => $3))",
      [f, star, 10 - i],
    );
  }
  const q =
    "query($id: UUID!, $before: Datetime, $max: Int) { getFollowersWithProfiles(userId: $id, before: $before, maxResults: $max) { nodes { followerId followedAt } } }";
  type R = { getFollowersWithProfiles: { nodes: { followerId: string; followedAt: string }[] } };
  const p1 = (await gql(null, q, { id: star, max: 2 })).body.data as unknown as R;
  t.same(
    p1.getFollowersWithProfiles.nodes.map((n) => n.followerId),
    [fans[4], fans[3]],
  );
  const p2 = (await gql(null, q, { id: star, max: 2, before: p1.getFollowersWithProfiles.nodes[1]!.followedAt })).body.data as unknown as R;
  t.same(
    p2.getFollowersWithProfiles.nodes.map((n) => n.followerId),
    [fans[2], fans[1]],
  );

  await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [fans[0], fans[4]]);
  const asBlocked = (await gql(fans[0]!, q, { id: star, max: 10 })).body.data as unknown as R;
  t.notOk(
    asBlocked.getFollowersWithProfiles.nodes.some((n) => n.followerId === fans[4]),
    "not across a block",
  );

  await db.root.query("update app_public.profiles set is_private = true where id = $1", [star]);
  const stranger = await createUser(db);
  const hidden = (await gql(stranger, q, { id: star })).body.data as unknown as R;
  t.same(hidden.getFollowersWithProfiles.nodes, [], "a private account's followers only for its followers");
  const visible = (await gql(fans[1]!, q, { id: star, max: 10 })).body.data as unknown as R;
  t.equal(visible.getFollowersWithProfiles.nodes.length, 5);
});
