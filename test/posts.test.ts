/** Posts, edits, extraction, deletion, engagement rules and bad input, through GraphQL. */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));

const CREATE = `mutation($body: String!, $audience: PostAudience, $metadata: JSON) {
  createPost(input: { post: { body: $body, audience: $audience, metadata: $metadata } }) { post { rowId body audience metadata authorId } }
}`;
async function createPost(user: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await gql(user, CREATE, { body, ...extra });
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return (r.body.data as { createPost: { post: { rowId: string } } }).createPost.post.rowId;
}
const postRow = async (id: string) =>
  (
    await db.root.query<{ body: string; deleted_at: Date | null; comments_count: number }>("select * from app_public.posts where id = $1", [
      id,
    ])
  ).rows[0]!;

t.test("create: as the signed-in user, with metadata; the author can't be forged", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const r = await gql(a, CREATE, { body: "  Hello world  ", metadata: { category: "crypto", market: "US", symbol: "BTC" } });
  t.match(r.body.data, {
    createPost: { post: { body: "Hello world", audience: "public", authorId: a, metadata: { category: "crypto", symbol: "BTC" } } },
  });
  const forged = await gql(a, `mutation($b: UUID!) { createPost(input: { post: { body: "x", authorId: $b } }) { clientMutationId } }`, {
    b,
  });
  t.ok(forged.body.errors?.length, "authorId is not an input");
  const anon = await gql(null, CREATE, { body: "hi" });
  t.ok(anon.body.errors?.length, "anonymous cannot post");
  t.equal(
    (await db.root.query<{ posts_count: number }>("select posts_count from app_public.profiles where id = $1", [a])).rows[0]!.posts_count,
    1,
  );
});

t.test("bad input gives a clear error and writes nothing", async (t) => {
  const a = await createUser(db);
  const before = (await db.root.query<{ n: number }>("select count(*)::int as n from app_public.posts")).rows[0]!.n;
  const long = await gql(a, CREATE, { body: "x".repeat(501) });
  t.equal(long.body.errors?.[0]?.extensions?.code, "INVAL");
  t.match(long.body.errors?.[0]?.message, /at most 500 characters/);
  const empty = await gql(a, CREATE, { body: "   " });
  t.equal(empty.body.errors?.[0]?.extensions?.code, "INVAL");
  const badMeta = await gql(a, CREATE, { body: "hi", metadata: [1, 2] });
  t.equal(badMeta.body.errors?.[0]?.extensions?.code, "INVAL", "metadata must be an object");
  const badAudience = await gql(a, CREATE, { body: "hi", audience: "EVERYONE" });
  t.ok(badAudience.body.errors?.length, "unknown audience");
  t.equal((await db.root.query<{ n: number }>("select count(*)::int as n from app_public.posts")).rows[0]!.n, before, "nothing written");
  t.equal(long.status < 500 && empty.status < 500, true, "never a 500");

  await db.root.query("update app_private.settings set value = '10' where key = 'post_max_length'");
  const configured = await gql(a, CREATE, { body: "eleven char" });
  t.match(configured.body.errors?.[0]?.message, /at most 10 characters/, "the limit is configurable in SQL");
  await db.root.query("update app_private.settings set value = '500' where key = 'post_max_length'");
});

t.test("edit keeps history; someone else's post cannot be edited", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const id = await createPost(a, "first version #one");
  const r = await gql(
    a,
    `mutation($id: UUID!) { updatePost(input: { rowId: $id, patch: { body: "second version #two" } }) { post { body editedAt postEdits { nodes { body } } } } }`,
    { id },
  );
  t.match(r.body.data, {
    updatePost: { post: { body: "second version #two", editedAt: /\d{4}-/, postEdits: { nodes: [{ body: "first version #one" }] } } },
  });
  const tags = await db.root.query<{ tag: string }>(
    "select h.tag::text from app_public.post_hashtags ph join app_public.hashtags h on h.id = ph.hashtag_id where ph.post_id = $1",
    [id],
  );
  t.same(tags.rows, [{ tag: "two" }], "hashtags follow the edit");
  const other = await gql(b, `mutation($id: UUID!) { updatePost(input: { rowId: $id, patch: { body: "hacked" } }) { post { body } } }`, {
    id,
  });
  t.equal(other.body.errors?.[0]?.extensions?.code, "NTFND", "someone else's post: not yours to edit");
  t.equal(other.body.errors?.[0]?.message, "No such post of yours");
  t.equal((await postRow(id)).body, "second version #two", "unchanged");
});

t.test("hashtags and mentions are extracted in SQL", async (t) => {
  const a = await createUser(db);
  await createUser(db, "mentioned_one");
  await createUser(db, "Mentioned_Two");
  const id = await createPost(
    a,
    "Hi @mentioned_one and @MENTIONED_two! #Rust #rust #go_lang not#tag email@example.com @nobody_here_at_all #123",
  );
  const tags = await db.root.query<{ tag: string }>(
    "select h.tag::text from app_public.post_hashtags ph join app_public.hashtags h on h.id = ph.hashtag_id where ph.post_id = $1 order by 1",
    [id],
  );
  t.same(
    tags.rows.map((r) => r.tag),
    ["go_lang", "rust"],
  );
  const mentions = await db.root.query<{ handle: string }>(
    "select p.handle::text from app_public.post_mentions m join app_public.profiles p on p.id = m.mentioned_id where m.post_id = $1 order by 1",
    [id],
  );
  t.same(
    mentions.rows.map((r) => r.handle),
    ["Mentioned_Two", "mentioned_one"],
  );
  const g = await gql(null, `query($id: UUID!) { post(rowId: $id) { postHashtags { nodes { hashtag { tag } } } } }`, { id });
  t.equal((g.body.data as { post: { postHashtags: { nodes: unknown[] } } }).post.postHashtags.nodes.length, 2);
});

t.test("delete is soft, by the author or staff", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const id = await createPost(a, "to be deleted");
  const other = await gql(b, `mutation($id: UUID!) { deletePost(input: { postId: $id }) { clientMutationId } }`, { id });
  t.equal(other.body.errors?.[0]?.extensions?.code, "NTFND");
  const r = await gql(a, `mutation($id: UUID!) { deletePost(input: { postId: $id }) { result { deletedAt } } }`, { id });
  t.match(r.body.data, { deletePost: { result: { deletedAt: /\d{4}-/ } } });
  t.ok((await postRow(id)).deleted_at, "the row stays");
  t.same((await gql(a, `query($id: UUID!) { post(rowId: $id) { rowId } }`, { id })).body.data, { post: null }, "gone for the author too");
  t.equal(
    (await db.root.query<{ posts_count: number }>("select posts_count from app_public.profiles where id = $1", [a])).rows[0]!.posts_count,
    0,
  );
  const again = await gql(a, `mutation($id: UUID!) { deletePost(input: { postId: $id }) { clientMutationId } }`, { id });
  t.equal(again.body.errors?.[0]?.extensions?.code, "NTFND");
});

t.test("likes: once per user, only posts you can see, logged", async (t) => {
  const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
  const id = await createPost(a, "likeable");
  const like = `mutation($id: UUID!) { likePost(input: { postId: $id }) { result { likesCount } } }`;
  t.same((await gql(b, like, { id })).body.data, { likePost: { result: { likesCount: 1 } } });
  t.same((await gql(b, like, { id })).body.data, { likePost: { result: { likesCount: 1 } } }, "twice: still one");
  const hidden = await createPost(a, "only me", { audience: "only_me" });
  t.equal((await gql(c, like, { id: hidden })).body.errors?.[0]?.extensions?.code, "NTFND", "cannot like what you cannot see");
  t.equal((await gql(c, like, { id: "00000000-0000-0000-0000-000000000000" })).body.errors?.[0]?.extensions?.code, "NTFND", "unknown post");
  t.same((await gql(b, `mutation($id: UUID!) { unlikePost(input: { postId: $id }) { result { likesCount } } }`, { id })).body.data, {
    unlikePost: { result: { likesCount: 0 } },
  });
  const log = await db.root.query<{ action: string }>("select action from app_private.post_like_logs where post_id = $1 order by id", [id]);
  t.same(
    log.rows.map((r) => r.action),
    ["like", "unlike"],
    "each like and unlike logged",
  );
});

t.test("check_mutual_likes", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const pa = await createPost(a, "a's");
  const pb = await createPost(b, "b's");
  const check = async () => (await db.root.query<{ m: boolean }>("select app_hidden.check_mutual_likes($1, $2) as m", [a, b])).rows[0]!.m;
  await gql(a, `mutation($id: UUID!) { likePost(input: { postId: $id }) { clientMutationId } }`, { id: pb });
  t.equal(await check(), false, "one way only");
  await gql(b, `mutation($id: UUID!) { likePost(input: { postId: $id }) { clientMutationId } }`, { id: pa });
  t.equal(await check(), true);
});

t.test("comments and replies", async (t) => {
  const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db, "commented_at")];
  const id = await createPost(a, "discuss");
  const create = `mutation($post: UUID!, $body: String!, $parent: UUID) { createComment(input: { comment: { postId: $post, body: $body, parentId: $parent } }) { comment { rowId authorId } } }`;
  const r = await gql(b, create, { post: id, body: "great post @commented_at" });
  const commentId = (r.body.data as { createComment: { comment: { rowId: string; authorId: string } } }).createComment.comment.rowId;
  t.equal((r.body.data as { createComment: { comment: { authorId: string } } }).createComment.comment.authorId, b);
  const mention = await db.root.query("select mentioned_id from app_public.comment_mentions where comment_id = $1", [commentId]);
  t.same(mention.rows, [{ mentioned_id: c }]);
  const reply = await gql(a, create, { post: id, body: "thanks", parent: commentId });
  t.equal(reply.body.errors, undefined);
  const other = await createPost(a, "another");
  const cross = await gql(a, create, { post: other, body: "wrong place", parent: commentId });
  t.equal(cross.body.errors?.[0]?.extensions?.code, "INVAL", "a reply stays on its post");
  const hidden = await createPost(a, "secret", { audience: "only_me" });
  t.ok((await gql(b, create, { post: hidden, body: "sneaky" })).body.errors?.length, "cannot comment on what you cannot see");
  t.equal((await gql(b, create, { post: id, body: " " })).body.errors?.[0]?.extensions?.code, "INVAL", "empty");
  t.equal((await gql(b, create, { post: id, body: "x".repeat(1001) })).body.errors?.[0]?.extensions?.code, "INVAL", "too long");
  t.equal((await postRow(id)).comments_count, 2);

  const del = `mutation($id: UUID!) { deleteComment(input: { commentId: $id }) { result } }`;
  t.equal((await gql(c, del, { id: commentId })).body.errors?.[0]?.extensions?.code, "NTFND", "not yours");
  t.same((await gql(a, del, { id: commentId })).body.data, { deleteComment: { result: true } }, "the post's author may delete it");
  t.equal((await postRow(id)).comments_count, 1);
  const list = await gql(null, `query($id: UUID!) { post(rowId: $id) { comments { nodes { body } } } }`, { id });
  t.same(list.body.data, { post: { comments: { nodes: [{ body: "thanks" }] } } }, "the reply stays");
});

t.test("reposts: only what everyone may see", async (t) => {
  const [a, b, privateUser] = [await createUser(db), await createUser(db), await createUser(db)];
  const pub = await createPost(a, "share me");
  const fol = await createPost(a, "followers only", { audience: "followers" });
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [b, a]);
  const repost = `mutation($id: UUID!) { repostPost(input: { postId: $id }) { result { repostsCount } } }`;
  t.same((await gql(b, repost, { id: pub })).body.data, { repostPost: { result: { repostsCount: 1 } } });
  t.same((await gql(b, repost, { id: pub })).body.data, { repostPost: { result: { repostsCount: 1 } } }, "twice: once");
  t.same((await gql(b, `query($id: UUID!) { checkExistingRepost(postId: $id) }`, { id: pub })).body.data, { checkExistingRepost: true });
  t.equal((await gql(b, repost, { id: fol })).body.errors?.[0]?.extensions?.code, "DNIED", "someone else's followers-only post");
  t.same((await gql(a, repost, { id: fol })).body.data, { repostPost: { result: { repostsCount: 1 } } }, "one's own is fine");
  await db.root.query("update app_public.profiles set is_private = true where id = $1", [privateUser]);
  await db.root.query("insert into app_public.followers (follower_id, following_id) values ($1, $2)", [b, privateUser]);
  const priv = await createPost(privateUser, "from a private account");
  t.equal((await gql(b, repost, { id: priv })).body.errors?.[0]?.extensions?.code, "DNIED", "a private account's post");
  t.same((await gql(b, `mutation($id: UUID!) { undoRepost(input: { postId: $id }) { result { repostsCount } } }`, { id: pub })).body.data, {
    undoRepost: { result: { repostsCount: 0 } },
  });
});

t.test("bookmarks are private", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const id = await createPost(a, "save me");
  t.equal(
    (await gql(b, `mutation($id: UUID!) { bookmarkPost(input: { postId: $id }) { result { postId } } }`, { id })).body.errors,
    undefined,
  );
  t.same((await gql(b, "{ bookmarks { nodes { postId } } }")).body.data, { bookmarks: { nodes: [{ postId: id }] } });
  t.same((await gql(a, "{ bookmarks { nodes { postId } } }")).body.data, { bookmarks: { nodes: [] } }, "the author does not see it");
  t.same((await gql(b, `mutation($id: UUID!) { unbookmarkPost(input: { postId: $id }) { result } }`, { id })).body.data, {
    unbookmarkPost: { result: true },
  });
});

t.test("profile likes: once, not oneself, logged", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const like = `mutation($id: UUID!) { likeProfile(input: { profileId: $id }) { result { profileLikesCount } } }`;
  t.same((await gql(b, like, { id: a })).body.data, { likeProfile: { result: { profileLikesCount: 1 } } });
  t.same((await gql(b, like, { id: a })).body.data, { likeProfile: { result: { profileLikesCount: 1 } } });
  t.equal((await gql(a, like, { id: a })).body.errors?.[0]?.extensions?.code, "INVAL");
  const log = await db.root.query<{ n: number }>("select count(*)::int as n from app_private.profile_like_logs where profile_id = $1", [a]);
  t.equal(log.rows[0]!.n, 1);
});

t.test("verification: asked by users, decided by staff", async (t) => {
  const [user, mod] = [await createUser(db), await createUser(db)];
  await db.root.query(`update auth.users set raw_app_meta_data = '{"role": "moderator"}' where id = $1`, [mod]);
  const ask = await gql(user, `mutation { requestVerification(input: { reason: "I am famous" }) { result { rowId status } } }`);
  const id = (ask.body.data as { requestVerification: { result: { rowId: string } } }).requestVerification.result.rowId;
  t.equal(
    (await gql(user, `mutation { requestVerification(input: { reason: "again" }) { clientMutationId } }`)).body.errors?.[0]?.extensions
      ?.code,
    "CONFL",
  );
  const review = `mutation($id: UUID!) { reviewVerificationRequest(input: { requestId: $id, approve: true }) { result { status } } }`;
  t.equal((await gql(user, review, { id })).body.errors?.[0]?.extensions?.code, "DNIED", "not staff");
  t.same((await gql(mod, review, { id })).body.data, { reviewVerificationRequest: { result: { status: "approved" } } });
  t.same((await gql(null, `query($id: UUID!) { profile(rowId: $id) { isVerified } }`, { id: user })).body.data, {
    profile: { isVerified: true },
  });
  t.same(
    (await gql(mod, "{ verificationRequests { totalCount } }")).body.data,
    { verificationRequests: { totalCount: 1 } },
    "staff see the queue",
  );
});

t.test("settings are the owner's own", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  const upd = `mutation($id: UUID!) { updateUserSetting(input: { userId: $id, patch: { messagePermission: mutuals, notificationPreferences: { like: false } } }) { userSetting { messagePermission notificationPreferences } } }`;
  t.same((await gql(a, upd, { id: a })).body.data, {
    updateUserSetting: { userSetting: { messagePermission: "mutuals", notificationPreferences: { like: false } } },
  });
  const theirs = await gql(b, upd.replace("messagePermission: mutuals", "messagePermission: nobody"), { id: a });
  t.same(theirs.body.data, { updateUserSetting: null }, "someone else's settings are not found: nothing updated");
  t.equal(theirs.body.errors?.[0]?.extensions?.code, "NTFND");
  t.equal(
    (await db.root.query<{ message_permission: string }>("select message_permission from app_public.user_settings where user_id = $1", [a]))
      .rows[0]!.message_permission,
    "mutuals",
    "unchanged",
  );
  t.same((await gql(b, "{ userSettings { nodes { userId } } }")).body.data, { userSettings: { nodes: [{ userId: b }] } }, "only one's own");
});
