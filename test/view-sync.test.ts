/**
 * The Redis view buffer and the counter sync: views buffered by the endpoint,
 * moved into PostgreSQL by the job, never counted twice and never lost when the
 * sync stops at any point and runs again.
 */
import { randomUUID } from "node:crypto";
import t from "tap";
import pg from "pg";
import { createTestDatabase } from "./helpers/db.ts";
import { createPost } from "./helpers/economy.ts";
import { testRedis } from "./helpers/redis.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { eventually, startTestSystem } from "./helpers/system.ts";
import { enqueueViews, syncViews, VIEW_KEYS, type SyncStep, type ViewEvent } from "../lib/domain/view-buffer.ts";

const db = await createTestDatabase(t);
const redis = await testRedis(t, "the Redis view buffer and its sync");

const views = async (post: string) =>
  Number(
    (
      await db.root.query<{ n: string }>("select coalesce((select views_count from app_private.post_views where post_id = $1), 0) as n", [
        post,
      ])
    ).rows[0]!.n,
  );
const logged = async (post: string) =>
  (await db.root.query<{ n: number }>("select count(*)::int as n from app_private.post_view_logs where post_id = $1", [post])).rows[0]!.n;

/** `n` views of `post` by distinct viewers, now. */
const eventsFor = (post: string, n: number): ViewEvent[] =>
  Array.from({ length: n }, () => ({ post_id: post, viewer_id: randomUUID(), ip: "192.0.2.1", at: new Date().toISOString() }));

/** A hook that throws at the `nth` time `step` is reached, as a crash there would stop the sync. */
const crashAt = (step: SyncStep, nth: number) => {
  let seen = 0;
  return (s: SyncStep) => {
    if (s === step && ++seen === nth) throw new Error(`crash at ${step} #${nth}`);
  };
};

if (redis) {
  const r = redis.client;

  t.test("the endpoint buffers views (repeats dropped), the sync job counts them", async (t) => {
    const sys = await startTestSystem(t, { db, worker: true, env: redis.env });
    const [author, viewer] = [await createUser(db), await createUser(db)];
    const post = await createPost(db, author);
    const send = (headers: Record<string, string>) =>
      fetch(`${sys.url}/analytics/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({
          events: [
            { type: "view", post_id: post },
            { type: "view", post_id: post },
          ],
        }),
      }).then((res) => res.json());
    t.same(await send(bearer(viewer)), { views: { received: 2, counted: null, buffered: 1 }, likes: { received: 0, added: 0 } });
    t.same(
      await send(bearer(viewer)),
      { views: { received: 2, counted: null, buffered: 0 }, likes: { received: 0, added: 0 } },
      "pre-filtered",
    );
    t.same(await send({}), { views: { received: 2, counted: null, buffered: 1 }, likes: { received: 0, added: 0 } }, "anonymous, by IP");
    t.equal(await views(post), 0, "nothing in PostgreSQL until the sync");
    t.equal(await r.llen(VIEW_KEYS.buffer), 2);

    await db.root.query("select app_private.add_job('analytics__sync_views')");
    await eventually(async () => (await views(post)) === 2, 10_000, "the job to sync");
    t.equal(await r.exists(VIEW_KEYS.buffer, VIEW_KEYS.draining, VIEW_KEYS.drainingId), 0, "buffer drained");
  });

  t.test("PostgreSQL stays the truth: what Redis lets through is still deduplicated", async (t) => {
    const [author, viewer] = [await createUser(db), await createUser(db)];
    const post = await createPost(db, author);
    await db.root.query("select app_public.increment_post_views($1, $2, '192.0.2.3')", [post, viewer]);
    await enqueueViews(r, [{ post_id: post, viewer_id: viewer, ip: "192.0.2.3", at: new Date().toISOString() }]);
    const client = new pg.Client({ connectionString: db.ownerUrl });
    await client.connect();
    t.teardown(() => client.end());
    t.same(
      await syncViews(r, client),
      { batches: 1, events: 1, counted: 0 },
      "counted directly before: the buffered repeat does not count",
    );
    t.equal(await views(post), 1);
  });

  const scenarios: [string, SyncStep, number][] = [
    ["after reading a chunk, before PostgreSQL commits it", "chunk-read", 3],
    ["after PostgreSQL committed a chunk, before the next", "chunk-committed", 2],
    ["after every chunk is committed, before Redis lets the batch go", "drained", 1],
    ["right after claiming the batch", "claimed", 1],
  ];
  for (const [name, step, nth] of scenarios) {
    t.test(`a sync that stops ${name}, run again: totals exact`, async (t) => {
      const author = await createUser(db);
      const post = await createPost(db, author);
      await enqueueViews(r, eventsFor(post, 4500));
      const client = new pg.Client({ connectionString: db.ownerUrl });
      await client.connect();
      t.teardown(() => client.end());

      await t.rejects(
        syncViews(r, client, { chunkSize: 1000, onStep: crashAt(step, nth) }),
        { message: `crash at ${step} #${nth}` },
        "the sync stops",
      );
      t.ok((await views(post)) < 4500 || step === "drained", "not finished");
      // Meanwhile more views arrive; they wait for the next batch.
      await enqueueViews(r, eventsFor(post, 300));

      const again = await syncViews(r, client, { chunkSize: 1000 });
      t.equal(await views(post), 4800, "every view counted once: none lost, none twice");
      t.equal(await logged(post), 4800, "the log agrees");
      t.equal(again.batches, 2, "the interrupted batch resumed, then the new one");
      t.equal(await r.exists(VIEW_KEYS.buffer, VIEW_KEYS.draining, VIEW_KEYS.drainingId), 0, "Redis emptied");
      t.same(await syncViews(r, client), { batches: 0, events: 0, counted: 0 }, "nothing left to sync");
    });
  }

  t.test("two syncs draining the same batch at once count it once", async (t) => {
    const author = await createUser(db);
    const post = await createPost(db, author);
    await enqueueViews(r, eventsFor(post, 3000));
    const clients = [new pg.Client({ connectionString: db.ownerUrl }), new pg.Client({ connectionString: db.ownerUrl })];
    for (const c of clients) await c.connect();
    t.teardown(() => Promise.all(clients.map((c) => c.end())));
    await Promise.all(clients.map((c) => syncViews(r, c, { chunkSize: 500 })));
    t.equal(await views(post), 3000);
  });
}
