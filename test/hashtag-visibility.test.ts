/** A hashtag exists for a viewer only if some post they may see uses it: through every read path. */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const gql = (user: string | null, query: string, variables: Record<string, unknown> = {}) =>
  graphql(sys.url, query, variables, bearer(user));

const author = await createUser(db);
const follower = await createUser(db);
const stranger = await createUser(db);
await db.root.query(
  "insert into app_public.followers (follower_id, following_id, status, approved_at) values ($1, $2, 'approved', now())",
  [follower, author],
);
const post = (body: string, audience: string) =>
  db.root.query("insert into app_public.posts (author_id, body, audience) values ($1, $2, $3)", [author, body, audience]);
await post("open #everyone", "public");
await post("for followers #followersonly", "followers");
await post("note to self #onlymine", "only_me");
const ids = Object.fromEntries(
  (await db.root.query<{ tag: string; id: string }>("select tag::text, id::text from app_public.hashtags")).rows.map((r) => [r.tag, r.id]),
);
const nodeIds: Record<string, string> = {};
for (const tag of Object.keys(ids)) {
  const r = await gql(author, "query($tag: String!) { hashtagByTag(tag: $tag) { id } }", { tag });
  nodeIds[tag] = (r.body.data as { hashtagByTag: { id: string } }).hashtagByTag.id;
}

async function seen(user: string | null): Promise<Record<string, string[]>> {
  const all = await gql(user, "{ hashtags { nodes { tag } } }");
  const out: Record<string, string[]> = {
    hashtags: (all.body.data as { hashtags: { nodes: { tag: string }[] } }).hashtags.nodes.map((n) => n.tag).sort(),
  };
  for (const tag of ["everyone", "followersonly", "onlymine"]) {
    const r = await gql(
      user,
      `query($tag: String!, $rowId: BigInt!, $id: ID!) { hashtagByTag(tag: $tag) { tag } hashtag(rowId: $rowId) { tag } hashtagById(id: $id) { tag } node(id: $id) { id } }`,
      { tag, rowId: ids[tag], id: nodeIds[tag] },
    );
    const d = r.body.data as Record<string, unknown>;
    out[tag] = ["hashtagByTag", "hashtag", "hashtagById", "node"].filter((k) => d[k] !== null);
  }
  return out;
}

t.test("each viewer sees the tags of the posts they may see, by every path", async (t) => {
  const every = ["hashtagByTag", "hashtag", "hashtagById", "node"];
  for (const [who, user] of [
    ["anonymous", null],
    ["stranger", stranger],
  ] as const) {
    t.same(await seen(user), { hashtags: ["everyone"], everyone: every, followersonly: [], onlymine: [] }, who);
  }
  t.same(
    await seen(follower),
    { hashtags: ["everyone", "followersonly"], everyone: every, followersonly: every, onlymine: [] },
    "follower",
  );
  t.same(
    await seen(author),
    { hashtags: ["everyone", "followersonly", "onlymine"], everyone: every, followersonly: every, onlymine: every },
    "the author",
  );
});
