/**
 * Questions about relationships (blocks, who may see what) are answered only
 * for the one asking: a user cannot find out who blocked whom, or who follows
 * a private account, by asking on someone else's behalf. Trusted callers
 * (service role, staff, SQL jobs) may ask about anyone.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asUser, bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";
import { SERVICE_ROLE_KEY } from "./helpers/auth.ts";

const db = await createTestDatabase(t);
const [me, a, b] = [await createUser(db), await createUser(db), await createUser(db)];
await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [a, b]);
await db.root.query("update app_public.profiles set is_private = true where id = $1", [b]);
const post = (await db.root.query<{ id: string }>("insert into app_public.posts (author_id, body) values ($1, 'hello') returning id", [a])).rows[0]!.id;

t.test("about oneself: answered, as the owner would answer", async (t) => {
  for (const [sql, params] of [
    ["select app_public.is_user_blocked($1, $2) as x", [me, a]],
    ["select app_public.can_see_post($1, $2) as x", [me, post]],
    ["select app_public.can_view_profile($1, $2) as x", [me, b]],
    ["select app_public.can_view_active_status($1, $2) as x", [me, a]],
  ] as const) {
    const expected = (await db.root.query(sql, [...params])).rows;
    t.same(await asUser(db, me, sql, [...params]), expected, sql);
  }
  t.same(await asUser(db, null, "select app_public.can_see_post(null, $1) as x", [post]), [{ x: true }], "anonymous asks as anonymous");
});

t.test("about others: refused", async (t) => {
  for (const [sql, params] of [
    ["select app_public.is_user_blocked($1, $2)", [a, b]],
    ["select app_public.can_see_post($1, $2)", [a, post]],
    ["select app_public.can_view_profile($1, $2)", [a, b]],
    ["select app_public.can_view_active_status($1, $2)", [a, b]],
  ] as const) {
    await t.rejects(asUser(db, me, sql, [...params]), { code: "DNIED" }, sql);
  }
  await t.rejects(asUser(db, null, "select app_public.can_see_post($1, $2)", [a, post]), { code: "DNIED" }, "anonymous cannot ask for a user");
});

t.test("over GraphQL: refused for others, answered for the service role", async (t) => {
  const sys = await startTestSystem(t, { db });
  const q = "query($a: UUID, $b: UUID) { isUserBlocked(a: $a, b: $b) }";
  const refused = await graphql(sys.url, q, { a, b }, bearer(me));
  t.equal(refused.body.errors?.[0]?.extensions?.code, "DNIED");
  const service = await graphql(sys.url, q, { a, b }, { authorization: `Bearer ${SERVICE_ROLE_KEY}` });
  t.same(service.body.data, { isUserBlocked: true });
  t.same((await db.root.query("select app_public.is_user_blocked($1, $2) as x", [a, b])).rows, [{ x: true }], "and SQL callers");
});
