/**
 * Staff never act on their own account, posts or money: restoring their own
 * post's monetization, clearing their own cheat flag and approving their own
 * withdrawal are refused (another staff member may).
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asRole, createPost, makeStaff } from "./helpers/economy.ts";
import { claimsOf, createUser } from "./helpers/social.ts";

const db = await createTestDatabase(t);

t.test("staff never act on their own account or money", async (t) => {
  const admin = await createUser(db);
  await makeStaff(db, admin, "admin");
  const own = await createPost(db, admin);
  await db.root.query("update app_public.posts set is_demonetized = true, demonetized_at = now() where id = $1", [own]);
  await t.rejects(
    asRole(db.root, claimsOf(admin), "select app_public.restore_post_monetization($1)", [own]),
    { code: "DNIED" },
    "restore one's own post",
  );
  await db.root.query("insert into app_public.user_cheat_status (user_id, is_flagged, flagged_at) values ($1, true, now())", [admin]);
  await t.rejects(
    asRole(db.root, claimsOf(admin), "select app_public.clear_user_cheat_flag($1, 'trust me')", [admin]),
    { code: "DNIED" },
    "clear one's own flag",
  );
  await db.root.query("update app_public.user_cheat_status set is_flagged = false where user_id = $1", [admin]);
  const post = await createPost(db, admin, { video: true });
  await db.root.query(
    "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 0, 0, 50)",
    [post, admin],
  );
  await asRole(db.root, claimsOf(admin), "select app_public.save_withdrawal_info('paypal', '{\"email\": \"a@example.com\"}')");
  const [w] = await asRole<{ id: string }>(db.root, claimsOf(admin), "select id from app_public.request_withdrawal(20)");
  await t.rejects(
    asRole(db.root, claimsOf(admin), "select app_public.approve_withdrawal($1)", [w!.id]),
    { code: "DNIED" },
    "approve one's own withdrawal",
  );
  const other = await createUser(db);
  await makeStaff(db, other, "admin");
  t.match(
    await asRole(db.root, claimsOf(other), "select status from app_public.approve_withdrawal($1)", [w!.id]),
    [{ status: "approved" }],
    "another admin may",
  );
});
