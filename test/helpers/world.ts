/**
 * A rich world of other people's data for the security sweeps: posts of every
 * audience, a private account, comments, follows and a follow request, blocks
 * and mutes, a conversation, notifications, sponsor credits and a campaign,
 * revenue, payout details and a withdrawal, a verification request, a report,
 * cheat status and moderation records. Everything private carries SECRET (or
 * a money marker) so that a leak shows in a response.
 */
import { createUser, asUser, bearer } from "./social.ts";
import { graphql } from "./system.ts";
import type { TestDatabase } from "./db.ts";

/** Strings and amounts that must never reach the attacker. */
export const SECRET_MARKERS = ["SECRET", "4242.4242", "777.7777", "31.4159"];

export interface World {
  /** The victim: a public account with private things. */
  victim: string;
  victimHandle: string;
  /** A private account. */
  privateVictim: string;
  privateHandle: string;
  /** Follows both; mutuals with the victim. */
  friend: string;
  /** Has asked to follow the private account. */
  requester: string;
  /** Has blocked the attacker. */
  blocker: string;
  staff: string;
  /** The attacker, signed in. */
  stranger: string;
  posts: { public: string; followers: string; mutuals: string; onlyMe: string; paid: string; privateAccount: string };
  comments: { onFollowers: string; onOnlyMe: string };
  conversation: string;
  message: string;
  notification: string;
  campaign: string;
  withdrawal: string;
  verification: string;
  report: string;
  creditKey: string;
  secretTag: string;
  secretTagId: string;
  moderationAction: string;
  cheatEvent: string;
  creditTransaction: string;
}

async function one<T>(db: TestDatabase, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.root.query(sql, params);
  return rows[0] as T;
}

export async function buildWorld(db: TestDatabase, url: string): Promise<World> {
  const victim = await createUser(db);
  const privateVictim = await createUser(db);
  const [friend, requester, blocker, staff, stranger] = [
    await createUser(db),
    await createUser(db),
    await createUser(db),
    await createUser(db),
    await createUser(db),
  ];
  const handleOf = async (id: string) =>
    (await one<{ handle: string }>(db, "select handle from app_public.profiles where id = $1", [id])).handle;
  await db.root.query('update auth.users set raw_app_meta_data = \'{"role": "moderator"}\' where id = $1', [staff]);
  await db.root.query("update app_public.profiles set is_private = true where id = $1", [privateVictim]);
  await db.root.query(
    "update app_public.profile_details set bio = 'SECRET bio of a private account', location = 'SECRET town' where profile_id = $1",
    [privateVictim],
  );
  await db.root.query(
    `update app_public.user_settings set country = 'DE', interest_categories = '{SECRETcategory}', message_permission = 'nobody',
            active_status_visibility = 'nobody', birth_date = '1990-01-01' where user_id = $1`,
    [victim],
  );
  // Follows: friend ↔ victim (mutuals), friend → private account; a request to the private account; a block of the attacker.
  await db.root.query(
    `insert into app_public.followers (follower_id, following_id, status, approved_at) values
       ($1, $2, 'approved', now()), ($2, $1, 'approved', now()), ($1, $3, 'approved', now())`,
    [friend, victim, privateVictim],
  );
  await db.root.query("insert into app_public.followers (follower_id, following_id, status) values ($1, $2, 'pending')", [
    requester,
    privateVictim,
  ]);
  await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2)", [blocker, stranger]);
  await db.root.query("insert into app_public.mutes (muter_id, muted_id) values ($1, $2)", [victim, requester]);

  const post = async (author: string, body: string, audience: string, paid = false) =>
    (
      await one<{ id: string }>(
        db,
        "insert into app_public.posts (author_id, body, audience, is_paid, metadata) values ($1, $2, $3, $4, $5) returning id",
        [author, body, audience, paid, audience === "public" && !paid ? { category: "news" } : { category: "SECRETcategory" }],
      )
    ).id;
  const posts = {
    public: await post(victim, "a public post #opentag", "public"),
    followers: await post(victim, "SECRET followers post #secrettag", "followers"),
    mutuals: await post(victim, "SECRET mutuals post #secrettag", "mutuals"),
    onlyMe: await post(victim, "SECRET only-me post #secrettag", "only_me"),
    paid: await post(victim, "SECRET paid post #secrettag", "public", true),
    privateAccount: await post(privateVictim, "SECRET post of a private account #secrettag", "public"),
  };
  await db.root.query(
    "insert into app_public.post_media (post_id, media_type, url) values ($1, 'video', 'https://cdn.example/SECRET.mp4')",
    [posts.onlyMe],
  );
  const comment = async (author: string, postId: string, body: string) =>
    (
      await one<{ id: string }>(db, "insert into app_public.comments (author_id, post_id, body) values ($1, $2, $3) returning id", [
        author,
        postId,
        body,
      ])
    ).id;
  const comments = {
    onFollowers: await comment(friend, posts.followers, "SECRET comment of a friend"),
    onOnlyMe: await comment(victim, posts.onlyMe, "SECRET note to self"),
  };
  await db.root.query("insert into app_public.likes (post_id, user_id) values ($1, $2)", [posts.followers, friend]);
  await db.root.query("insert into app_public.reposts (post_id, user_id) values ($1, $2)", [posts.public, friend]);
  await db.root.query("insert into app_public.bookmarks (user_id, post_id) values ($1, $2)", [victim, posts.mutuals]);
  await db.root.query("insert into app_public.profile_likes (profile_id, liker_id) values ($1, $2)", [victim, friend]);
  const notification = (
    await one<{ id: string }>(db, "select id from app_public.notifications where recipient_id = $1 order by created_at limit 1", [victim])
  ).id;

  // A conversation (the server holds the message keys).
  const sent = await graphql(
    url,
    'mutation($to: UUID!) { sendMessage(input: { recipientId: $to, body: "SECRET message" }) { result { rowId conversationId } } }',
    { to: friend },
    bearer(victim),
  );
  const msg = (sent.body.data as { sendMessage: { result: { rowId: string; conversationId: string } } } | undefined)?.sendMessage.result;
  if (!msg) throw new Error(`world: sendMessage failed: ${JSON.stringify(sent.body)}`);

  // Money: credits and a campaign that targets nobody the attacker could be; revenue, payout details, a withdrawal.
  const creditKey = "world-credits-1";
  await db.root.query("select app_public.add_sponsor_credits($1, 4242.4242, $2, 'SECRET top-up')", [victim, creditKey]);
  const [campaignRow] = await asUser<{ id: string }>(
    db,
    victim,
    "select id from app_public.create_sponsored_post($1, 0.01, 0.1, 31.4159, '{home,explore}', '{}', '{}', '{JP}', '{}')",
    [posts.public],
  );
  await db.root.query("insert into app_public.user_videos (post_id, user_id) values ($1, $2) on conflict do nothing", [
    posts.onlyMe,
    victim,
  ]);
  await db.root.query(
    "insert into app_public.video_revenue (post_id, month, user_id, likes, views, amount) values ($1, '2020-01-01', $2, 1, 1, 777.7777)",
    [posts.onlyMe, victim],
  );
  await asUser(db, victim, "select app_public.save_withdrawal_info('paypal', '{\"email\": \"SECRET@example.com\"}')");
  const [withdrawalRow] = await asUser<{ id: string }>(db, victim, "select id from app_public.request_withdrawal(100, 'world-withdrawal')");
  const [verificationRow] = await asUser<{ id: string }>(db, victim, "select id from app_public.request_verification('SECRET reason')");
  const [reportRow] = await asUser<{ id: string }>(
    db,
    friend,
    "select id from app_public.report_post($1, 'spam', 'SECRET report details')",
    [posts.public],
  );
  await db.root.query(
    `insert into app_public.user_cheat_status (user_id, is_flagged, signals, checked_at, flagged_at)
     values ($1, true, '[{"kind": "SECRET signal"}]', now(), now())`,
    [victim],
  );
  await db.root.query(
    "insert into app_public.cheat_status_events (user_id, action, signals) values ($1, 'flagged', '[{\"kind\": \"SECRET\"}]')",
    [victim],
  );
  await db.root.query(
    "insert into app_public.moderation_actions (actor_id, action, target_user_id, note) values ($1, 'suspend_account', $2, 'SECRET moderation note')",
    [staff, requester],
  );
  await db.root.query(
    "insert into app_public.user_analytics (user_id, day, views, likes, followers, estimated_revenue) values ($1, '2020-01-01', 3, 2, 1, 31.4159)",
    [victim],
  );

  return {
    victim,
    victimHandle: await handleOf(victim),
    privateVictim,
    privateHandle: await handleOf(privateVictim),
    friend,
    requester,
    blocker,
    staff,
    stranger,
    posts,
    comments,
    conversation: msg.conversationId,
    message: msg.rowId,
    notification,
    campaign: campaignRow!.id,
    withdrawal: withdrawalRow!.id,
    verification: verificationRow!.id,
    report: reportRow!.id,
    creditKey,
    secretTag: "secrettag",
    secretTagId: String((await one<{ id: string }>(db, "select id from app_public.hashtags where tag = 'secrettag'")).id),
    moderationAction: String((await one<{ id: string }>(db, "select id from app_public.moderation_actions order by id limit 1")).id),
    cheatEvent: String((await one<{ id: string }>(db, "select id from app_public.cheat_status_events order by id limit 1")).id),
    creditTransaction: String(
      (await one<{ id: string }>(db, "select id from app_public.sponsor_credit_transactions where sponsor_id = $1", [victim])).id,
    ),
  };
}

/**
 * Every row of our schemas that does not mention `except` (the attacker's own
 * rows, which their own legitimate actions may write), as one hash per table:
 * any difference is a write to someone else's data.
 */
export async function snapshot(db: TestDatabase, except: string): Promise<Map<string, string>> {
  // Last activity and where one is signed in are the server's bookkeeping of whoever calls, not a change of anyone's data.
  const { rows: tables } = await db.root.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('app_public', 'app_private', 'auth') and c.relkind = 'r'
        and c.oid not in ('app_private.user_activity'::regclass, 'app_private.signed_in_addresses'::regclass)
      order by 1`,
  );
  const parts = tables.map(
    (t, i) =>
      `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t.name} x where strpos(x::text, $1) = 0) as t${i}`,
  );
  const { rows } = await db.root.query<Record<string, string>>(`select ${parts.join(", ")}`, [except]);
  return new Map(tables.map((t, i) => [t.name, rows[0]![`t${i}`]!]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before.keys()].filter((k) => before.get(k) !== after.get(k));
}
