/**
 * Cheat detection on generated fraud patterns (one IP behind a post's views,
 * a burst from one IP, a like ring) and none on organic activity; flags stay
 * until staff clear them, audited; the daily job.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createPost, makeStaff } from "./helpers/economy.ts";
import { claimsOf, createUser } from "./helpers/social.ts";
import { eventually, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);

/** Views through the real rule, by made-up distinct viewers, with `ip(i)` for the i-th. */
async function view(post: string, n: number, ip: (i: number) => string): Promise<void> {
  for (let i = 0; i < n; i++) await db.root.query("select app_public.increment_post_views($1, gen_random_uuid(), $2)", [post, ip(i)]);
}
const like = (user: string, post: string) => db.root.query("insert into app_public.likes (post_id, user_id) values ($1, $2)", [post, user]);
const kinds = async (user: string) => {
  const { rows } = await db.root.query<{ v: { flagged: boolean; signals: { kind: string }[] } }>(
    "select app_public.check_user_cheat_status($1) as v",
    [user],
  );
  return [...new Set(rows[0]!.v.signals.map((s) => s.kind))].sort();
};
const update = async (user: string) =>
  (await db.root.query<{ is_flagged: boolean }>("select * from app_public.update_user_cheat_status($1)", [user])).rows[0]!;

t.test("organic activity is not flagged", async (t) => {
  const creator = await createUser(db);
  const post = await createPost(db, creator);
  await view(post, 80, (i) => `198.51.100.${i}`); // 80 viewers, 80 addresses
  for (let i = 0; i < 25; i++) await like(await createUser(db), post); // 25 likers who get nothing back
  const friend = await createUser(db);
  await like(friend, post);
  await like(creator, await createPost(db, friend)); // one mutual pair: friends, not a ring
  t.same(await kinds(creator), []);
  t.equal((await update(creator)).is_flagged, false);
});

t.test("one IP behind most of a post's views", async (t) => {
  const creator = await createUser(db);
  const post = await createPost(db, creator);
  await view(post, 20, (i) => `198.51.100.${i}`);
  await view(post, 29, () => "203.0.113.66"); // 29 of 49: under the 50-view floor, not judged yet
  t.same(await kinds(creator), []);
  await view(post, 1, () => "203.0.113.66"); // 30 of 50: 60%
  t.same(await kinds(creator), ["ip_burst", "ip_concentration"], "and 30 from one IP within the hour is a burst too");
});

t.test("a burst of views from one IP across posts", async (t) => {
  const creator = await createUser(db);
  const posts = [await createPost(db, creator), await createPost(db, creator), await createPost(db, creator)];
  for (const p of posts) await view(p, 10, () => "203.0.113.77"); // 30 within the hour, none a majority of a judged post
  t.same(await kinds(creator), ["ip_burst"]);
  await db.root.query("update app_private.post_view_logs set viewed_at = viewed_at - (id % 3) * interval '1 hour' where author_id = $1", [
    creator,
  ]);
  t.same(await kinds(creator), [], "the same 30 spread over three hours: no burst");
});

t.test("a like ring among the top likers", async (t) => {
  const creator = await createUser(db);
  const ring = [await createUser(db), await createUser(db), await createUser(db)];
  const posts: string[] = [];
  for (let i = 0; i < 6; i++) posts.push(await createPost(db, creator));
  for (const member of ring) {
    for (const p of posts) await like(member, p); // 18 likes from the ring
    await like(creator, await createPost(db, member)); // and back
  }
  for (let i = 0; i < 2; i++) await like(await createUser(db), posts[i]!); // 20 in all: 90% from the ring
  t.same(await kinds(creator), ["like_ring"]);

  // The same likes without anything given back: no ring.
  const organic = await createUser(db);
  const fans = [await createUser(db), await createUser(db), await createUser(db)];
  const op: string[] = [];
  for (let i = 0; i < 7; i++) op.push(await createPost(db, organic));
  for (const fan of fans) for (const p of op) await like(fan, p);
  t.same(await kinds(organic), []);
});

t.test("a flag stays until staff clear it; clearing is audited; the daily job", async (t) => {
  const [creator, mod, user] = [await createUser(db), await createUser(db), await createUser(db)];
  await makeStaff(db, mod, "moderator");
  const post = await createPost(db, creator);
  await view(post, 40, () => "203.0.113.99");
  await view(post, 10, (i) => `198.51.100.${i}`);

  const sys = await startTestSystem(t, { db, server: false, worker: true });
  await db.root.query("select app_private.add_job('cheat__detect')");
  const flagged = async () =>
    (await db.root.query<{ is_flagged: boolean }>("select is_flagged from app_public.user_cheat_status where user_id = $1", [creator]))
      .rows[0]?.is_flagged;
  await eventually(flagged, 15_000, "the daily job to flag");
  await sys.stop();

  // The evidence goes away (say, the views were removed); the flag does not.
  await db.root.query("delete from app_private.post_view_logs where author_id = $1", [creator]);
  t.equal((await update(creator)).is_flagged, true, "still flagged: only staff clear");

  const clear = "select * from app_public.clear_user_cheat_flag($1, $2)";
  await t.rejects(asRole(db.root, { role: "authenticated", sub: user }, clear, [creator, "looks fine"]), { code: "DNIED" }, "not staff");
  await t.rejects(
    asRole(db.root, { role: "authenticated", sub: creator }, clear, [creator, "I am innocent"]),
    { code: "DNIED" },
    "not oneself",
  );
  await t.rejects(asRole(db.root, { role: "authenticated", sub: mod }, clear, [creator, " "]), { code: "INVAL" }, "a reason is required");
  const [cleared] = await asRole<{ is_flagged: boolean; cleared_by: string }>(db.root, { role: "authenticated", sub: mod }, clear, [
    creator,
    "office NAT, verified",
  ]);
  t.equal(cleared!.is_flagged, false);
  t.equal(cleared!.cleared_by, mod);
  await t.rejects(
    asRole(db.root, { role: "authenticated", sub: mod }, clear, [creator, "again"]),
    { code: "NTFND" },
    "not flagged any more",
  );

  const audit = await asRole<{ action: string; actor_id: string | null; note: string | null }>(
    db.root,
    { role: "authenticated", sub: mod },
    "select action, actor_id, note from app_public.cheat_status_events where user_id = $1 order by id",
    [creator],
  );
  t.same(audit, [
    { action: "flagged", actor_id: null, note: null },
    { action: "cleared", actor_id: mod, note: "office NAT, verified" },
  ]);
  t.same(
    await asRole(db.root, { role: "authenticated", sub: creator }, "select * from app_public.cheat_status_events"),
    [],
    "the audit is staff-only",
  );
  const own = await asRole<{ is_flagged: boolean }>(
    db.root,
    { role: "authenticated", sub: creator },
    "select is_flagged from app_public.user_cheat_status",
  );
  t.same(own, [{ is_flagged: false }], "an account sees its own status");
  await t.rejects(
    asRole(db.root, { role: "authenticated", sub: creator }, "select app_public.check_user_cheat_status($1)", [creator]),
    { code: "DNIED" },
    "the evidence names IPs: staff only",
  );
  await t.rejects(asRole(db.root, { role: "authenticated", sub: creator }, "select app_public.update_user_cheat_status($1)", [creator]), {
    code: "DNIED",
  });
});

t.test("cheat evidence: the account sees its flag, not the IPs", async (t) => {
  const creator = await createUser(db);
  await db.root.query(
    'insert into app_public.user_cheat_status (user_id, is_flagged, flagged_at, signals) values ($1, true, now(), \'[{"kind": "ip_burst", "ip": "203.0.113.9"}]\')',
    [creator],
  );
  t.same(await asRole(db.root, claimsOf(creator), "select is_flagged from app_public.user_cheat_status"), [{ is_flagged: true }]);
  await t.rejects(asRole(db.root, claimsOf(creator), "select signals from app_public.user_cheat_status"), { code: "42501" });
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
