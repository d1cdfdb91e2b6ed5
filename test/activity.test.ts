/**
 * Online status: each signed-in GraphQL request records that its user is
 * active (at most one write a minute), and `Profile.lastActiveAt` shows it to
 * whom the user's active-status setting allows (can_view_active_status).
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const [me, follower, stranger] = [await createUser(db), await createUser(db), await createUser(db)];
await db.root.query("insert into app_public.followers (follower_id, following_id, status) values ($1, $2, 'approved')", [follower, me]);

const lastActive = async (viewer: string) => {
  const r = await graphql(sys.url, "query($id: UUID!) { profile(rowId: $id) { lastActiveAt } }", { id: me }, bearer(viewer));
  return (r.body.data as { profile: { lastActiveAt: string | null } }).profile.lastActiveAt;
};
const stored = async () =>
  (await db.root.query<{ at: Date }>("select last_active_at as at from app_private.user_activity where user_id = $1", [me])).rows[0]?.at;

t.test("a signed-in request records activity, once a minute at most", async (t) => {
  t.equal(await stored(), undefined, "never active yet");
  await graphql(sys.url, "{ currentProfile { handle } }", {}, bearer(me));
  const first = await eventually(stored, 5000, "activity recorded");
  await db.root.query("update app_private.user_activity set last_active_at = now() - interval '30 seconds' where user_id = $1", [me]);
  const before = await stored();
  await db.root.query("select app_private.touch_activity($1)", [me]);
  t.same(await stored(), before, "within the minute: no second write");
  await db.root.query("update app_private.user_activity set last_active_at = now() - interval '2 minutes' where user_id = $1", [me]);
  await db.root.query("select app_private.touch_activity($1)", [me]);
  t.ok((await stored())!.getTime() > before!.getTime(), "after it: written again");
  t.ok(first instanceof Date);
});

t.test("lastActiveAt by the active-status setting", async (t) => {
  // Default setting: followers.
  t.ok(await lastActive(me), "I see mine");
  t.ok(await lastActive(follower), "a follower sees it");
  t.equal(await lastActive(stranger), null, "a stranger does not");
  await db.root.query("update app_public.user_settings set active_status_visibility = 'nobody' where user_id = $1", [me]);
  t.equal(await lastActive(follower), null, "nobody: not even followers");
  await db.root.query("update app_public.user_settings set active_status_visibility = 'everyone' where user_id = $1", [me]);
  t.ok(await lastActive(stranger), "everyone: strangers too");
});
