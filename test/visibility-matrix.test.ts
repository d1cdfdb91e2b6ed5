/**
 * The visibility matrix: viewer × audience × account privacy, checked through
 * GraphQL over HTTP (single post, the author's post list, the post's comments
 * and likes) and through can_see_post — all against one expectation table.
 */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const AUDIENCES = ["public", "followers", "mutuals", "only_me"] as const;
const VIEWERS = ["anonymous", "self", "follower", "mutual", "stranger", "blocked_by_author", "blocking_author", "pending_request"] as const;
type Viewer = (typeof VIEWERS)[number];
type Audience = (typeof AUDIENCES)[number];

// Who sees what: [public, followers, mutuals, only_me].
const EXPECT: Record<"public_account" | "private_account", Record<Viewer, [boolean, boolean, boolean, boolean]>> = {
  public_account: {
    anonymous: [true, false, false, false],
    self: [true, true, true, true],
    follower: [true, true, false, false],
    mutual: [true, true, true, false],
    stranger: [true, false, false, false],
    blocked_by_author: [false, false, false, false],
    blocking_author: [false, false, false, false],
    pending_request: [true, false, false, false],
  },
  private_account: {
    anonymous: [false, false, false, false],
    self: [true, true, true, true],
    follower: [true, true, false, false],
    mutual: [true, true, true, false],
    stranger: [false, false, false, false],
    blocked_by_author: [false, false, false, false],
    blocking_author: [false, false, false, false],
    pending_request: [false, false, false, false],
  },
};

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });

interface Setup {
  author: string;
  viewers: Record<Viewer, string | null>;
  posts: Record<Audience, string>;
}

async function setUp(kind: "public_account" | "private_account"): Promise<Setup> {
  const author = await createUser(db);
  const v = async () => await createUser(db);
  const viewers: Record<Viewer, string | null> = {
    anonymous: null,
    self: author,
    follower: await v(),
    mutual: await v(),
    stranger: await v(),
    blocked_by_author: await v(),
    blocking_author: await v(),
    pending_request: await v(),
  };
  const follow = (a: string, b: string, status = "approved") =>
    db.root.query("insert into app_public.followers (follower_id, following_id, status) values ($1, $2, $3)", [a, b, status]);
  await follow(viewers.follower!, author);
  await follow(viewers.mutual!, author);
  await follow(author, viewers.mutual!);
  await follow(viewers.pending_request!, author, "pending");
  await db.root.query("insert into app_public.blocked_users (blocker_id, blocked_id) values ($1, $2), ($3, $1)", [
    author,
    viewers.blocked_by_author,
    viewers.blocking_author,
  ]);
  if (kind === "private_account") await db.root.query("update app_public.profiles set is_private = true where id = $1", [author]);

  const posts = {} as Record<Audience, string>;
  for (const audience of AUDIENCES) {
    const { rows } = await db.root.query<{ id: string }>(
      "insert into app_public.posts (author_id, body, audience) values ($1, $2, $3) returning id",
      [author, `${kind} ${audience} post`, audience],
    );
    posts[audience] = rows[0]!.id;
    await db.root.query("insert into app_public.comments (post_id, author_id, body) values ($1, $2, 'first!')", [rows[0]!.id, author]);
    await db.root.query("insert into app_public.likes (post_id, user_id) values ($1, $2)", [rows[0]!.id, author]);
  }
  return { author, viewers, posts };
}

const QUERY = `
  query($author: UUID!, $p0: UUID!, $p1: UUID!, $p2: UUID!, $p3: UUID!) {
    s0: post(rowId: $p0) { rowId }
    s1: post(rowId: $p1) { rowId }
    s2: post(rowId: $p2) { rowId }
    s3: post(rowId: $p3) { rowId }
    c0: comments(condition: { postId: $p0 }) { nodes { postId } }
    c1: comments(condition: { postId: $p1 }) { nodes { postId } }
    c2: comments(condition: { postId: $p2 }) { nodes { postId } }
    c3: comments(condition: { postId: $p3 }) { nodes { postId } }
    profile(rowId: $author) {
      authoredPosts { nodes { rowId } }
      likesByUserId { nodes { postId } }
    }
  }`;

interface Result {
  s0: { rowId: string } | null;
  s1: { rowId: string } | null;
  s2: { rowId: string } | null;
  s3: { rowId: string } | null;
  c0: { nodes: { postId: string }[] };
  c1: { nodes: { postId: string }[] };
  c2: { nodes: { postId: string }[] };
  c3: { nodes: { postId: string }[] };
  profile: { authoredPosts: { nodes: { rowId: string }[] }; likesByUserId: { nodes: { postId: string }[] } } | null;
}

for (const kind of ["public_account", "private_account"] as const) {
  t.test(kind, async (t) => {
    const s = await setUp(kind);
    for (const viewer of VIEWERS) {
      const viewerId = s.viewers[viewer];
      const { status, body } = await graphql(
        sys.url,
        QUERY,
        { author: s.author, p0: s.posts.public, p1: s.posts.followers, p2: s.posts.mutuals, p3: s.posts.only_me },
        bearer(viewerId),
      );
      t.equal(status, 200, `${viewer}: HTTP 200`);
      t.equal(body.errors, undefined, `${viewer}: no errors`);
      const r = body.data as unknown as Result;
      const listed = new Set(r.profile?.authoredPosts.nodes.map((n) => n.rowId) ?? []);
      const liked = new Set(r.profile?.likesByUserId.nodes.map((n) => n.postId) ?? []);
      for (const [i, audience] of AUDIENCES.entries()) {
        const expected = EXPECT[kind][viewer][i]!;
        const postId = s.posts[audience];
        const where = `${kind}, viewer ${viewer}, audience ${audience}`;
        const sql = await db.root.query<{ ok: boolean }>("select app_hidden.can_see_post($1, $2) as ok", [viewerId, postId]);
        t.equal(sql.rows[0]!.ok, expected, `can_see_post: ${where}`);
        t.equal(r[`s${i}` as "s0"] !== null, expected, `single fetch: ${where}`);
        t.equal(listed.has(postId), expected, `author's post list: ${where}`);
        t.equal(r[`c${i}` as "c0"].nodes.length === 1, expected, `comments: ${where}`);
        t.equal(liked.has(postId), expected, `likes: ${where}`);
      }
    }
  });
}

t.test("deleted posts are gone for everyone but staff", async (t) => {
  const author = await createUser(db);
  const staff = await createUser(db);
  await db.root.query(`update auth.users set raw_app_meta_data = raw_app_meta_data || '{"role": "moderator"}' where id = $1`, [staff]);
  const { rows } = await db.root.query<{ id: string }>(
    "insert into app_public.posts (author_id, body, deleted_at) values ($1, 'gone', now()) returning id",
    [author],
  );
  const id = rows[0]!.id;
  for (const [who, viewer, expected] of [
    ["author", author, false],
    ["anonymous", null, false],
    ["staff", staff, true],
  ] as const) {
    const sql = await db.root.query<{ ok: boolean }>("select app_hidden.can_see_post($1, $2) as ok", [viewer, id]);
    t.equal(sql.rows[0]!.ok, expected, `can_see_post: ${who}`);
    const g = await graphql(sys.url, "query($id: UUID!) { post(rowId: $id) { rowId deletedAt } }", { id }, bearer(viewer));
    t.equal((g.body.data as { post: unknown }).post !== null, expected, `GraphQL: ${who}`);
  }
});

t.test("paid posts: their author only, until paid content opens them", async (t) => {
  const author = await createUser(db);
  const fan = await createUser(db);
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2), ($2, $1)", [fan, author]);
  const { rows } = await db.root.query<{ id: string }>(
    "insert into app_public.posts (author_id, body, is_paid) values ($1, 'premium', true) returning id",
    [author],
  );
  const check = async (viewer: string) =>
    (await db.root.query<{ ok: boolean }>("select app_hidden.can_see_post($1, $2) as ok", [viewer, rows[0]!.id])).rows[0]!.ok;
  t.equal(await check(author), true);
  t.equal(await check(fan), false, "a mutual follower does not see a paid post");
});
