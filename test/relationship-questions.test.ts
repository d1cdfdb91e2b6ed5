/**
 * Questions about any two users (who blocked whom, who may see or message
 * whom) are SQL functions for the rules and jobs, not GraphQL fields: a
 * client cannot find out who blocked whom, or who follows a private account,
 * by asking on someone else's behalf.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const [me, a, b] = [await createUser(db), await createUser(db), await createUser(db)];
await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [a, b]);
const post = (await db.root.query<{ id: string }>("insert into app_public.posts (author_id, body) values ($1, 'hello') returning id", [a]))
  .rows[0]!.id;

t.test("not GraphQL fields", async (t) => {
  const sys = await startTestSystem(t, { db });
  for (const [field, args] of [
    ["isUserBlocked", `a: "${a}", b: "${b}"`],
    ["areMutualFollowers", `a: "${a}", b: "${b}"`],
    ["canSeePost", `viewerId: "${b}", postId: "${post}"`],
    ["canViewProfile", `viewerId: "${b}", targetId: "${a}"`],
    ["canViewActiveStatus", `viewerId: "${b}", targetId: "${a}"`],
    ["canMessageUser", `senderId: "${b}", recipientId: "${a}"`],
  ] as const) {
    const r = await graphql(sys.url, `{ ${field}(${args}) }`, {}, bearer(me));
    t.match(r.body.errors?.[0]?.message, new RegExp(`Cannot query field "${field}"`), field);
  }
});

t.test("still answered in SQL, for the rules", async (t) => {
  const { rows } = await db.root.query(
    "select app_hidden.is_user_blocked($1, $2) as blocked, app_hidden.can_see_post($2, $3) as sees, app_hidden.can_view_profile($2, $1) as profile",
    [a, b, post],
  );
  t.same(rows, [{ blocked: true, sees: false, profile: false }]);
});
