/** A creator's own views never count, signed in or signed out from an address they were signed in from. */
import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { createPost } from "./helpers/economy.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });

const views = async (post: string) =>
  Number(
    (
      await db.root.query<{ n: string }>("select coalesce((select views_count from app_private.post_views where post_id = $1), 0) as n", [
        post,
      ])
    ).rows[0]!.n,
  );
const anonymousView = (post: string, from: string) =>
  fetch(`${sys.url}/analytics/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ events: [{ type: "view", post_id: post }] }),
  });

t.test("signed out, from where the creator was signed in: not counted; from elsewhere: counted", async (t) => {
  const creator = await createUser(db);
  const post = await createPost(db, creator);
  // The creator uses the app, signed in, from 203.0.113.7 (behind the trusted local proxy).
  const r = await graphql(sys.url, "{ currentProfile { rowId } }", {}, { ...bearer(creator), "x-forwarded-for": "203.0.113.7" });
  t.same(r.body.errors, undefined);
  await eventually(
    async () => (await db.root.query("select 1 from app_private.signed_in_addresses where user_id = $1", [creator])).rowCount === 1,
    5000,
    "the address is recorded",
  );
  t.equal((await anonymousView(post, "203.0.113.7")).status, 200);
  t.equal(await views(post), 0, "the creator's own signed-out view does not count");
  t.equal((await anonymousView(post, "198.51.100.9")).status, 200);
  t.equal(await views(post), 1, "a visitor's from elsewhere does");
});
