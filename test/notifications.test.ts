/**
 * Notifications through GraphQL over HTTP: one per event type, the
 * recipient's preferences, nothing across a block or from a muted account,
 * grouping, reading and deleting; and push dispatch: one job per
 * notification, run by a real worker with a recording adapter, retried after
 * a failure, never pushed twice.
 */
import t from "tap";
import { run } from "graphile-worker";
import { createTestDatabase } from "./helpers/db.ts";
import { createLogger } from "../lib/infra/logger.ts";
import { workerLogger } from "../lib/infra/graphile-logger.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";
import { makeNotificationPush } from "../worker/tasks/notification__push.ts";
import type { PushAdapter, PushMessage } from "../worker/push/adapter.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });

async function gql<T = Record<string, unknown>>(user: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await graphql(sys.url, query, variables, bearer(user));
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data as T;
}
const errorCode = async (user: string, query: string, variables: Record<string, unknown> = {}) =>
  (await graphql(sys.url, query, variables, bearer(user))).body.errors?.[0]?.extensions?.code;

const post = async (user: string, body: string, audience = "public") =>
  (
    await gql<{ createPost: { post: { rowId: string } } }>(
      user,
      `mutation($b: String!, $a: PostAudience) { createPost(input: { post: { body: $b, audience: $a } }) { post { rowId } } }`,
      { b: body, a: audience },
    )
  ).createPost.post.rowId;
const comment = async (user: string, postId: string, body: string, parentId?: string) =>
  (
    await gql<{ createComment: { comment: { rowId: string } } }>(
      user,
      `mutation($p: UUID!, $b: String!, $parent: UUID) { createComment(input: { comment: { postId: $p, body: $b, parentId: $parent } }) { comment { rowId } } }`,
      { p: postId, b: body, parent: parentId },
    )
  ).createComment.comment.rowId;
const follow = (user: string, target: string) =>
  gql(user, `mutation($t: UUID!) { follow(input: { targetId: $t }) { clientMutationId } }`, { t: target });
const like = (user: string, postId: string) =>
  gql(user, `mutation($p: UUID!) { likePost(input: { postId: $p }) { clientMutationId } }`, { p: postId });
const unlike = (user: string, postId: string) =>
  gql(user, `mutation($p: UUID!) { unlikePost(input: { postId: $p }) { clientMutationId } }`, { p: postId });
const handle = async (user: string) =>
  (await db.root.query<{ handle: string }>("select handle from app_public.profiles where id = $1", [user])).rows[0]!.handle;

interface Note {
  rowId: string;
  type: string;
  actor: { rowId: string } | null;
  actors: { nodes: { rowId: string }[] };
  actorCount: number;
  eventCount: number;
  postId: string | null;
  commentId: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
}
const NOTES = `query($first: Int, $after: Cursor) {
  unreadNotificationCount
  notifications(first: $first, after: $after, orderBy: [UPDATED_AT_DESC]) {
    nodes { rowId type actor { rowId } actors { nodes { rowId } } actorCount eventCount postId commentId data readAt }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface Notes {
  unreadNotificationCount: number;
  notifications: { nodes: Note[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}
const notes = (user: string, first = 100, after?: string) => gql<Notes>(user, NOTES, { first, after });
const types = async (user: string) => (await notes(user)).notifications.nodes.map((n) => n.type).sort();
const pushJobs = async (id: string) =>
  (
    await db.root.query<{ n: number }>(
      "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'notification__push' and key = $1",
      [`notification__push:${id}`],
    )
  ).rows[0]!.n;

t.test("one notification per event type, created by the database", async (t) => {
  const [a, b, p] = [await createUser(db), await createUser(db), await createUser(db)];
  await db.root.query("update app_public.profiles set is_private = true where id = $1", [p]);

  await follow(b, a);
  const postId = await post(a, "a post");
  await like(b, postId);
  const commentId = await comment(b, postId, "nice");
  const replyId = await comment(a, postId, "thanks", commentId);
  const mentionPost = await post(b, `hello @${await handle(a)}`);
  await gql(b, `mutation($p: UUID!) { repostPost(input: { postId: $p }) { clientMutationId } }`, { p: postId });
  const sent = await gql<{ sendMessage: { result: { conversationId: string } } }>(
    b,
    `mutation($t: UUID!) { sendMessage(input: { recipientId: $t, body: "hi" }) { result { conversationId } } }`,
    { t: a },
  );
  await db.root.query(`select app_private.notify($1, 'money', data := '{"amount": "12.50", "currency": "USD"}')`, [a]);

  const mine = (await notes(a)).notifications.nodes;
  const byType = Object.fromEntries(mine.map((n) => [n.type, n]));
  t.same(Object.keys(byType).sort(), ["comment", "like", "mention", "message", "money", "repost", "follow"].sort());
  t.match(byType.follow, { actor: { rowId: b }, actorCount: 1 });
  t.match(byType.like, { actor: { rowId: b }, postId });
  t.match(byType.comment, { actor: { rowId: b }, postId, commentId });
  t.match(byType.mention, { actor: { rowId: b }, postId: mentionPost });
  t.match(byType.repost, { actor: { rowId: b }, postId });
  t.match(byType.message, { actor: { rowId: b }, data: { conversation_id: sent.sendMessage.result.conversationId } });
  t.match(byType.money, { actor: null, actorCount: 0, data: { amount: "12.50" } });
  t.equal((await notes(a)).unreadNotificationCount, 7);

  t.same(await types(b), ["reply"], "the comment's author gets the reply");
  t.match((await notes(b)).notifications.nodes[0], { actor: { rowId: a }, commentId: replyId });

  // Follow request, approval; the answered request is no longer news.
  await follow(b, p);
  t.same(await types(p), ["follow_request"]);
  await gql(p, `mutation($f: UUID!) { approveFollowRequest(input: { followerId: $f }) { clientMutationId } }`, { f: b });
  t.same(await types(p), [], "the request's notification goes once approved");
  t.same(await types(b), ["follow_approved", "reply"]);

  // Editing a post keeps its mentions: no second mention notification.
  await gql(b, `mutation($id: UUID!, $b: String!) { updatePost(input: { rowId: $id, patch: { body: $b } }) { clientMutationId } }`, {
    id: mentionPost,
    b: `hello again @${await handle(a)}`,
  });
  t.equal((await types(a)).filter((x) => x === "mention").length, 1);
});

t.test("a mention or reply in a post the recipient may not see notifies nobody", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  await post(b, `for my followers only, @${await handle(a)}`, "followers");
  t.same(await types(a), []);
});

t.test("the recipient's preferences turn types off", async (t) => {
  const [a, b] = [await createUser(db), await createUser(db)];
  await gql(
    a,
    `mutation($u: UUID!) { updateUserSetting(input: { userId: $u, patch: { notificationPreferences: { like: false, follow: true } } }) { clientMutationId } }`,
    { u: a },
  );
  const postId = await post(a, "prefs");
  await like(b, postId);
  await follow(b, a);
  await comment(b, postId, "a comment");
  t.same(await types(a), ["comment", "follow"], "no like notification");
  const r = await db.root.query<{ id: string | null }>("select app_private.notify($1, 'like', $2, $3) as id", [a, b, postId]);
  t.equal(r.rows[0]!.id, null, "notify() itself honours the preference");
});

t.test("nothing across a block, nothing from a muted account", async (t) => {
  const [a, b, c, m] = [await createUser(db), await createUser(db), await createUser(db), await createUser(db)];
  await follow(b, a);
  t.same(await types(a), ["follow"]);
  await gql(a, `mutation($t: UUID!) { blockUser(input: { targetId: $t }) { clientMutationId } }`, { t: b });
  t.same(await types(a), [], "earlier notifications from a blocked account are hidden");
  await post(b, `hey @${await handle(a)}`);
  const cPost = await post(c, "c's post");
  await comment(b, cPost, `look @${await handle(a)}`);
  t.same(await types(a), [], "mentions across a block notify nobody");
  const direct = await db.root.query<{ id: string | null }>("select app_private.notify($1, 'money', $2) as id", [a, b]);
  t.equal(direct.rows[0]!.id, null, "notify() refuses across a block");
  t.equal(
    (
      await db.root.query<{ n: number }>(
        "select count(*)::int as n from app_public.notifications where recipient_id = $1 and actor_id = $2",
        [b, a],
      )
    ).rows[0]!.n,
    0,
    "nor the other way",
  );

  await gql(a, `mutation($t: UUID!) { muteUser(input: { targetId: $t }) { clientMutationId } }`, { t: m });
  const aPost = await post(a, "a's post");
  await follow(m, a);
  await like(m, aPost);
  await comment(m, aPost, "from a muted account");
  t.same(await types(a), [], "a muted account notifies nothing");
});

t.test("repeated events group into one unread notification, with one push job", async (t) => {
  const [a, u1, u2, u3, u4] = [
    await createUser(db),
    await createUser(db),
    await createUser(db),
    await createUser(db),
    await createUser(db),
  ];
  const postId = await post(a, "popular");
  await like(u1, postId);
  await like(u2, postId);
  await like(u3, postId);
  await unlike(u1, postId);
  await like(u1, postId);
  let list = (await notes(a)).notifications.nodes;
  t.equal(list.length, 1, "one notification");
  t.match(list[0], { type: "like", actorCount: 3, eventCount: 4, actor: { rowId: u1 } });
  t.same(
    list[0]!.actors.nodes.map((x) => x.rowId),
    [u1, u3, u2],
    "latest distinct actors first",
  );
  t.equal(await pushJobs(list[0]!.rowId), 1, "one push job for the notification");

  await gql(a, `mutation($id: UUID!) { markNotificationRead(input: { notificationId: $id }) { result { readAt } } }`, {
    id: list[0]!.rowId,
  });
  await like(u4, postId);
  list = (await notes(a)).notifications.nodes;
  t.equal(list.length, 2, "after reading, the next like starts a new notification");
  t.match(list[0], { type: "like", actorCount: 1, eventCount: 1, actor: { rowId: u4 }, readAt: null });
  t.equal(await pushJobs(list[0]!.rowId), 1);
});

t.test("reading, paging and deleting your notifications; nobody else's", async (t) => {
  const [a, other] = [await createUser(db), await createUser(db)];
  for (let i = 0; i < 5; i++)
    await db.root.query(`select app_private.notify($1, 'money', data := jsonb_build_object('n', $2::int))`, [a, i]);
  const page1 = await notes(a, 3);
  t.same(
    page1.notifications.nodes.map((n) => n.data.n),
    [4, 3, 2],
    "latest first",
  );
  t.equal(page1.notifications.pageInfo.hasNextPage, true);
  const page2 = await notes(a, 3, page1.notifications.pageInfo.endCursor);
  t.same(
    page2.notifications.nodes.map((n) => n.data.n),
    [1, 0],
  );
  t.equal(page2.unreadNotificationCount, 5);

  const target = page1.notifications.nodes[0]!.rowId;
  t.equal(
    await errorCode(other, `mutation($id: UUID!) { markNotificationRead(input: { notificationId: $id }) { clientMutationId } }`, {
      id: target,
    }),
    "NTFND",
  );
  t.equal(
    await errorCode(other, `mutation($id: UUID!) { deleteNotification(input: { notificationId: $id }) { result } }`, { id: target }),
    "NTFND",
    "another user cannot delete it",
  );
  t.equal(
    (await gql<{ notifications: { totalCount: number } }>(other, `{ notifications { totalCount } }`)).notifications.totalCount,
    0,
    "nor see it",
  );

  await gql(a, `mutation($id: UUID!) { markNotificationRead(input: { notificationId: $id }) { result { readAt } } }`, { id: target });
  t.equal((await notes(a)).unreadNotificationCount, 4);
  t.same(await gql(a, `mutation { markAllNotificationsRead(input: {}) { result } }`), { markAllNotificationsRead: { result: 4 } });
  t.equal((await notes(a)).unreadNotificationCount, 0);
  t.same(await gql(a, `mutation($id: UUID!) { deleteNotification(input: { notificationId: $id }) { result } }`, { id: target }), {
    deleteNotification: { result: true },
  });
  t.equal((await notes(a)).notifications.nodes.length, 4);
});

t.test("push dispatch: each notification pushed once, failures retried with backoff", async (t) => {
  const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
  await follow(b, a);
  await follow(c, a); // joins the follow notification: no second push
  const postId = await post(a, "push me");
  await like(b, postId);
  const list = (await notes(a)).notifications.nodes;
  const ids = list.map((n) => n.rowId);
  const followId = list.find((n) => n.type === "follow")!.rowId;
  t.equal(ids.length, 2);
  for (const id of ids) t.equal(await pushJobs(id), 1, "one job per notification");

  const sent: PushMessage[] = [];
  let failuresLeft = 1;
  const adapter: PushAdapter = {
    name: "recording",
    async send(message) {
      if (message.notificationId === followId && failuresLeft-- > 0) throw new Error("push provider unavailable");
      sent.push(message);
    },
  };

  const runner = await run({
    pgPool: sys.ownerPool,
    taskList: { notification__push: makeNotificationPush(adapter) },
    concurrency: 2,
    pollInterval: 200,
    noHandleSignals: true,
    logger: workerLogger(createLogger("fatal", "test")), // the planned failure is no news
  });
  t.teardown(() => runner.stop());
  await eventually(async () => ids.every((id) => sent.some((m) => m.notificationId === id)), 20_000, "both pushed (one after a retry)");
  t.equal(failuresLeft, -1, "the follow push failed once and was retried");
  t.match(
    sent.find((m) => m.notificationId === followId),
    { recipientId: a, type: "follow", text: /^@\w+ and 1 other followed you$/ },
  );
  t.match(
    sent.find((m) => m.notificationId !== followId && ids.includes(m.notificationId)),
    { recipientId: a, type: "like", text: /liked your post/, data: { post_id: postId } },
  );

  // Asking again (a duplicate job) pushes nothing more.
  for (const id of ids)
    await db.root.query("select graphile_worker.add_job('notification__push', json_build_object('id', $1::text))", [id]);
  await eventually(
    async () =>
      (
        await db.root.query<{ n: number }>(
          "select count(*)::int as n from graphile_worker.jobs where task_identifier = 'notification__push'",
        )
      ).rows[0]!.n === 0,
    10_000,
    "duplicate jobs done",
  );
  t.same(
    sent
      .map((m) => m.notificationId)
      .filter((id) => ids.includes(id))
      .sort(),
    [...ids].sort(),
    "each notification pushed exactly once",
  );
  const recorded = await db.root.query<{ n: number }>(
    "select count(*)::int as n from app_private.notification_pushes where notification_id = any($1)",
    [ids],
  );
  t.equal(recorded.rows[0]!.n, 2);
});
