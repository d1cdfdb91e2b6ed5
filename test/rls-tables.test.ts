/**
 * Who may read and write each exposed table: the grants (what PostGraphile
 * exposes) pinned table by table, and the refusals checked as the roles.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { asUser, createUser } from "./helpers/social.ts";

const db = await createTestDatabase(t);

// Table → [anon, authenticated] privileges (table-level or on some column).
// anon may select every table: the policies give it no private row, so that a
// nested field of a public object is null rather than a failed query.
const EXPECTED: Record<string, [string, string]> = {
  blocked_users: ["SELECT", "SELECT"],
  cheat_status_events: ["SELECT", "SELECT"],
  bookmarks: ["SELECT", "SELECT"],
  comment_mentions: ["SELECT", "SELECT"],
  comments: ["SELECT", "SELECT INSERT UPDATE"],
  conversation_participants: ["SELECT", "SELECT"],
  conversations: ["SELECT", "SELECT"],
  followers: ["SELECT", "SELECT"],
  hashtags: ["SELECT", "SELECT"],
  likes: ["SELECT", "SELECT"],
  messages: ["SELECT", "SELECT"],
  moderation_actions: ["SELECT", "SELECT"],
  mutes: ["SELECT", "SELECT"],
  notifications: ["SELECT", "SELECT"],
  post_edits: ["SELECT", "SELECT"],
  post_hashtags: ["SELECT", "SELECT"],
  post_media: ["SELECT", "SELECT"],
  post_mentions: ["SELECT", "SELECT"],
  post_reports: ["SELECT", "SELECT"],
  posts: ["SELECT", "SELECT INSERT UPDATE"],
  profile_details: ["SELECT", "SELECT UPDATE"],
  profile_likes: ["SELECT", "SELECT"],
  profiles: ["SELECT", "SELECT UPDATE"],
  reposts: ["SELECT", "SELECT"],
  sponsor_credit_transactions: ["SELECT", "SELECT"],
  sponsor_credits: ["SELECT", "SELECT"],
  sponsored_interactions: ["SELECT", "SELECT"],
  sponsored_posts: ["SELECT", "SELECT UPDATE"],
  user_analytics: ["SELECT", "SELECT"],
  user_cheat_status: ["SELECT", "SELECT"],
  user_settings: ["SELECT", "SELECT UPDATE"],
  user_videos: ["SELECT", "SELECT"],
  verification_requests: ["SELECT", "SELECT"],
  video_revenue: ["SELECT", "SELECT"],
  withdrawal_info: ["SELECT", "SELECT"],
  withdrawal_requests: ["SELECT", "SELECT"],
};

t.test("grants on every app_public table are exactly these", async (t) => {
  const { rows } = await db.root.query<{ table: string; role: string; privs: string }>(`
    select c.relname as table, r.role,
           coalesce(string_agg(p.priv, ' ' order by array_position(array['SELECT','INSERT','UPDATE','DELETE'], p.priv)), '') as privs
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join (values ('anon'), ('authenticated')) r(role)
      left join lateral (
        select priv from unnest(array['SELECT','INSERT','UPDATE','DELETE']) priv
         where case when priv = 'DELETE' then has_table_privilege(r.role, c.oid, priv)
                    else has_any_column_privilege(r.role, c.oid, priv) end
      ) p on true
     where n.nspname = 'app_public' and c.relkind = 'r'
     group by 1, 2 order by 1, 2`);
  const actual: Record<string, [string, string]> = {};
  for (const r of rows) (actual[r.table] ??= ["", ""])[r.role === "anon" ? 0 : 1] = r.privs;
  t.same(actual, EXPECTED);
});

t.test("direct writes that must go through the rule functions are refused", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const { rows } = await db.root.query<{ id: string }>("insert into app_public.posts (author_id, body) values ($1, 'p') returning id", [b]);
  const post = rows[0]!.id;
  const refused: [string, unknown[]][] = [
    ["insert into app_public.followers (follower_id, following_id) values ($1, $2)", [a, b]],
    ["insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [a, b]],
    ["insert into app_public.mutes (muter_id, muted_id) values ($1, $2)", [a, b]],
    ["insert into app_public.likes (post_id, user_id) values ($2, $1)", [a, post]],
    ["insert into app_public.reposts (post_id, user_id) values ($2, $1)", [a, post]],
    ["insert into app_public.bookmarks (user_id, post_id) values ($1, $2)", [a, post]],
    ["insert into app_public.profile_likes (profile_id, liker_id) values ($2, $1)", [a, b]],
    ["delete from app_public.posts where id = $2 and $1::uuid is not null", [a, post]],
    ["update app_public.posts set likes_count = 1000 where id = $2 and $1::uuid is not null", [a, post]],
    ["update app_public.profiles set followers_count = 1000, is_verified = true where id = $1", [a]],
    [
      "insert into app_public.post_edits (post_id, body, audience, metadata) values ($2, 'x', 'public', '{}') returning $1::uuid",
      [a, post],
    ],
    ["insert into app_public.notifications (recipient_id, type) values ($2, 'follow') returning $1::uuid", [a, b]],
    ["update app_public.notifications set read_at = now() where recipient_id = $1", [a]],
    ["insert into app_public.conversations (id) values (app_public.generate_conversation_id($1, $2))", [a, b]],
    [
      "insert into app_public.messages (conversation_id, sender_id, ciphertext, key_id) values (gen_random_uuid(), $1, '\\x00', $2::text)",
      [a, "k"],
    ],
    ["update app_public.messages set read_at = null where sender_id = $1", [a]],
    ["delete from app_public.messages where sender_id = $1", [a]],
  ];
  for (const [sql, params] of refused) {
    await t.rejects(asUser(db, a, sql, params, false), { code: "42501" }, sql);
  }
  t.same(
    await asUser(db, a, "update app_public.posts set body = 'mine now' where id = $1 returning id", [post], false),
    [],
    "someone else's post cannot be targeted (the API answers NTFND)",
  );
});

t.test("anonymous visitors read public things only", async (t) => {
  t.same(await asUser(db, null, "select * from app_public.user_settings", [], false), [], "no settings");
  t.same(await asUser(db, null, "select * from app_public.bookmarks", [], false), [], "no bookmarks");
  await t.rejects(asUser(db, null, "insert into app_public.posts (body) values ('anon')", [], false), { code: "42501" });
  const posts = await asUser<{ n: number }>(db, null, "select count(*)::int as n from app_public.posts", [], false);
  t.ok(posts[0]!.n >= 1, "public posts are readable");
});
