/**
 * A generated social graph for feed tests: 30 users (6 private), follows
 * (some pending), blocks, mutes, 400 posts of every audience (some paid, some
 * deleted, ties on created_at) and 150 reposts; and the home feed by its
 * definition, as a reference.
 */
import type { TestDatabase } from "./db.ts";
import { createUser } from "./social.ts";

export interface Entry {
  post_id: string;
  reposted_by_id: string | null;
  feed_at: Date;
  cursor: string;
}

export const entryKey = (e: Pick<Entry, "post_id" | "reposted_by_id" | "feed_at">) =>
  `${e.feed_at.toISOString()}|${e.post_id}|${e.reposted_by_id ?? ""}`;

export interface FeedGraph {
  users: string[];
  posts: string[];
  /** A time `minute` minutes after the graph's start. */
  at: (minute: number) => string;
  rand: () => number;
  pick: <T>(xs: readonly T[]) => T;
  /** The home feed by definition (entry keys, in order). */
  reference: (viewer: string) => Promise<string[]>;
}

export async function generateFeedGraph(db: TestDatabase): Promise<FeedGraph> {
  // Generated data sets its own times (the timestamps trigger would use now()).
  await db.root.query("alter table app_public.posts disable trigger _100_timestamps");
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const USERS = 30;
  const users: string[] = [];
  for (let i = 0; i < USERS; i++) users.push(await createUser(db));
  const base = Date.parse("2026-01-01T00:00:00Z");
  const at = (minute: number) => new Date(base + minute * 60_000).toISOString();

  // Graph: follows (some pending on private accounts), blocks, mutes.
  for (const u of users.slice(0, 6)) await db.root.query("update app_public.profiles set is_private = true where id = $1", [u]);
  for (const a of users) {
    for (const b of users) {
      if (a !== b && rand() < 0.3) {
        const isPrivate = users.indexOf(b) < 6;
        await db.root.query(
          "insert into app_public.followers (follower_id, following_id, status) values ($1, $2, $3) on conflict do nothing",
          [a, b, isPrivate && rand() < 0.5 ? "pending" : "approved"],
        );
      }
    }
  }
  for (let i = 0; i < 8; i++) {
    const [a, b] = [pick(users), pick(users)];
    if (a !== b)
      await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2) on conflict do nothing", [a, b]);
  }
  for (let i = 0; i < 8; i++) {
    const [a, b] = [pick(users), pick(users)];
    if (a !== b) await db.root.query("insert into app_public.mutes (muter_id, muted_id) values ($1, $2) on conflict do nothing", [a, b]);
  }
  // Posts: every audience, some paid, some deleted, some at the same instant (ties).
  const audiences = ["public", "public", "public", "followers", "mutuals", "only_me"] as const;
  const posts: string[] = [];
  for (let i = 0; i < 400; i++) {
    const minute = Math.floor(i / 2); // two posts per minute: ties on created_at
    const { rows } = await db.root.query<{ id: string }>(
      `insert into app_public.posts (author_id, body, audience, is_paid, deleted_at, created_at, metadata)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        pick(users),
        `post ${i} #tag${i % 3}`,
        pick(audiences),
        rand() < 0.05,
        rand() < 0.05 ? at(minute) : null,
        at(minute),
        { category: pick(["crypto", "stocks", "art"]), market: pick(["US", "EU"]), symbol: pick(["BTC", "ETH", "AAPL"]) },
      ],
    );
    posts.push(rows[0]!.id);
  }
  for (let i = 0; i < 150; i++) {
    await db.root.query("insert into app_public.reposts (post_id, user_id, created_at) values ($1, $2, $3) on conflict do nothing", [
      pick(posts),
      pick(users),
      at(Math.floor(rand() * 200)),
    ]);
  }
  await db.root.query("analyze");

  /** The feed by definition: own posts, followees' posts and reposts, visible, not muted, in order. */
  async function reference(viewer: string): Promise<string[]> {
    const { rows } = await db.root.query<Entry>(
      `with followees as (
         select following_id as id from app_public.followers where follower_id = $1 and status = 'approved'
          and following_id not in (select muted_id from app_public.mutes where muter_id = $1 and (expires_at is null or expires_at > now()))
         union select $1),
       entries as (
         select p.id as post_id, null::uuid as reposted_by_id, p.created_at as feed_at from app_public.posts p where p.author_id in (select id from followees)
         union all
         select r.post_id, r.user_id, r.created_at from app_public.reposts r where r.user_id in (select id from followees) and r.user_id <> $1
         union all
         select r.post_id, r.user_id, r.created_at from app_public.reposts r where r.user_id = $1)
       select e.* from entries e join app_public.posts p on p.id = e.post_id
        where app_hidden.can_see_post($1, e.post_id)
          and p.author_id not in (select muted_id from app_public.mutes where muter_id = $1 and (expires_at is null or expires_at > now()))
        order by e.feed_at desc, e.post_id desc, coalesce(e.reposted_by_id, '00000000-0000-0000-0000-000000000000') desc`,
      [viewer],
    );
    return rows.map(entryKey);
  }
  return { users, posts, at, rand, pick, reference };
}
