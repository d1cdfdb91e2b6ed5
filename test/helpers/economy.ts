/** Fixtures for the creator-economy tests: creators, videos, staff, views and likes at chosen times. */
import type pg from "pg";
import type { TestDatabase } from "./db.ts";
import { createUser } from "./social.ts";

export { asRole } from "./social.ts";

/** Make `userId` a moderator or an admin. */
export async function makeStaff(db: TestDatabase, userId: string, role: "moderator" | "admin"): Promise<void> {
  await db.root.query("update auth.users set raw_app_meta_data = jsonb_build_object('role', $2::text) where id = $1", [userId, role]);
}

/** A post by `author`, with a video attached when `video`; returns its id. */
export async function createPost(db: TestDatabase, author: string, opts: { video?: boolean; audience?: string } = {}): Promise<string> {
  const { rows } = await db.root.query<{ id: string }>(
    "insert into app_public.posts (author_id, body, audience) values ($1, 'a post', $2::app_public.post_audience) returning id",
    [author, opts.audience ?? "public"],
  );
  const id = rows[0]!.id;
  if (opts.video)
    await db.root.query("insert into app_public.post_media (post_id, media_type, url) values ($1, 'video', 'https://cdn.example/v.mp4')", [
      id,
    ]);
  return id;
}

/**
 * A creator who meets every eligibility condition: 40 days old, 6,000 profile
 * likes, 20 posts, 12,000 post likes. Counters are set with triggers off
 * (replica mode), as a fixture, not through the rules.
 */
export async function createEligibleCreator(db: TestDatabase): Promise<string> {
  const id = await createUser(db);
  const posts: string[] = [];
  for (let i = 0; i < 20; i++) posts.push(await createPost(db, id));
  await withoutTriggers(db.root, async () => {
    await db.root.query(
      "update app_public.profiles set created_at = now() - interval '40 days', profile_likes_count = 6000 where id = $1",
      [id],
    );
    await db.root.query("update app_public.posts set likes_count = 12000 where id = $1", [posts[0]]);
  });
  return id;
}

/** Run `fn` with triggers off (session_replication_role = replica), in one transaction. */
export async function withoutTriggers(client: pg.Client, fn: () => Promise<void>): Promise<void> {
  await client.query("begin");
  try {
    await client.query("set local session_replication_role = replica");
    await fn();
    await client.query("commit");
  } catch (err) {
    await client.query("rollback");
    throw err;
  }
}

/** `n` counted views of `post` at `at` by distinct made-up viewers from `ip` (fixtures written to the log, as the rule would). */
export async function logViews(db: TestDatabase, post: string, n: number, at: string, ip = "192.0.2.1"): Promise<void> {
  await db.root.query(
    `insert into app_private.post_view_logs (post_id, author_id, viewer_id, ip, viewed_at)
     select p.id, p.author_id, gen_random_uuid(), $4::inet, $3::timestamptz from app_public.posts p, generate_series(1, $2::int) where p.id = $1`,
    [post, n, at, ip],
  );
}

/** `n` likes of `post` by new users, given at `at`; returns the likers. */
export async function likeAt(db: TestDatabase, post: string, n: number, at: string): Promise<string[]> {
  const likers: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = await createUser(db);
    await db.root.query("insert into app_public.likes (post_id, user_id, created_at) values ($1, $2, $3)", [post, u, at]);
    likers.push(u);
  }
  return likers;
}
