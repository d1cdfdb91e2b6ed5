/** Counters stay exact under concurrency (through GraphQL, many connections). */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const N = 100;
const users: string[] = [];
for (let i = 0; i < N; i++) users.push(await createUser(db));

t.test(`${N} concurrent likes of one post give exactly ${N}; unliking brings it back`, async (t) => {
  const author = await createUser(db);
  const { rows } = await db.root.query<{ id: string }>(
    "insert into app_public.posts (author_id, body) values ($1, 'popular') returning id",
    [author],
  );
  const id = rows[0]!.id;
  const like = "mutation($id: UUID!) { likePost(input: { postId: $id }) { clientMutationId } }";
  const unlike = "mutation($id: UUID!) { unlikePost(input: { postId: $id }) { clientMutationId } }";
  // Everyone likes twice at once: duplicates must not count.
  const results = await Promise.all([...users, ...users].map((u) => graphql(sys.url, like, { id }, bearer(u))));
  t.equal(results.filter((r) => r.body.errors).length, 0, "no errors");
  const after = await db.root.query(
    "select likes_count, (select count(*)::int from app_public.likes where post_id = $1) as rows from app_public.posts where id = $1",
    [id],
  );
  t.same(after.rows[0], { likes_count: N, rows: N });
  await Promise.all(users.map((u) => graphql(sys.url, unlike, { id }, bearer(u))));
  const back = await db.root.query<{ likes_count: number }>("select likes_count from app_public.posts where id = $1", [id]);
  t.equal(back.rows[0]!.likes_count, 0);
});

t.test("crossing follows at once: exact counts, no deadlock", async (t) => {
  const follow = "mutation($id: UUID!) { follow(input: { targetId: $id }) { clientMutationId } }";
  const pairs = users.slice(0, 50).map((u, i) => [u, users[50 + i]!] as const);
  // Each pair follows each other at the same moment, and everyone follows the first user.
  const ops = pairs.flatMap(([a, b]) => [graphql(sys.url, follow, { id: b }, bearer(a)), graphql(sys.url, follow, { id: a }, bearer(b))]);
  ops.push(...users.slice(1).map((u) => graphql(sys.url, follow, { id: users[0] }, bearer(u))));
  const results = await Promise.all(ops);
  t.equal(results.filter((r) => r.body.errors).length, 0, "no errors (no deadlock)");
  const drift = await db.root.query<{ n: number }>(`
    select count(*)::int as n from app_public.profiles p
     where p.followers_count <> (select count(*) from app_public.followers f where f.following_id = p.id and f.status = 'approved')
        or p.following_count <> (select count(*) from app_public.followers f where f.follower_id = p.id and f.status = 'approved')`);
  t.equal(drift.rows[0]!.n, 0, "every profile's counters match its rows");
  t.equal(
    (await db.root.query<{ followers_count: number }>("select followers_count from app_public.profiles where id = $1", [users[0]])).rows[0]!
      .followers_count,
    N - 1,
    "followed by everyone else, once each",
  );
});

t.test("concurrent comments and reposts count exactly", async (t) => {
  const author = await createUser(db);
  const { rows } = await db.root.query<{ id: string }>("insert into app_public.posts (author_id, body) values ($1, 'talk') returning id", [
    author,
  ]);
  const id = rows[0]!.id;
  const comment = 'mutation($id: UUID!) { createComment(input: { comment: { postId: $id, body: "hi" } }) { clientMutationId } }';
  const repost = "mutation($id: UUID!) { repostPost(input: { postId: $id }) { clientMutationId } }";
  await Promise.all(
    users.slice(0, 40).flatMap((u) => [graphql(sys.url, comment, { id }, bearer(u)), graphql(sys.url, repost, { id }, bearer(u))]),
  );
  const r = await db.root.query("select comments_count, reposts_count from app_public.posts where id = $1", [id]);
  t.same(r.rows[0], { comments_count: 40, reposts_count: 40 });
});
