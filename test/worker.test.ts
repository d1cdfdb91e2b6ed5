import t from "tap";
import { createTestDatabase } from "./helpers/db.ts";
import { eventually, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const heartbeats = async () =>
  (await db.root.query<{ n: number }>("select count(*)::int as n from app_private.worker_heartbeats")).rows[0]!.n;
const pendingJobs = async () =>
  (await db.root.query<{ n: number }>("select count(*)::int as n from graphile_worker.jobs where task_identifier = 'worker__heartbeat'"))
    .rows[0]!.n;

t.test("a job queued from SQL while no worker runs survives until a worker starts", async (t) => {
  await db.root.query("select app_private.add_job('worker__heartbeat')");
  t.equal(await pendingJobs(), 1, "job waits in the queue");
  t.equal(await heartbeats(), 0);

  const sys = await startTestSystem(t, { server: false, worker: true, db });
  await eventually(async () => (await pendingJobs()) === 0 && (await heartbeats()) === 1, 10_000, "job processed");
  t.pass("processed after the worker started");

  t.test("a job queued from SQL is processed by the running worker", async (t) => {
    await db.root.query("delete from app_private.worker_heartbeats");
    await db.root.query("select app_private.add_job('worker__heartbeat')");
    await eventually(async () => (await heartbeats()) === 1, 10_000, "heartbeat row written by the job");
    t.pass("processed");
  });

  t.test("the crontab is registered", async (t) => {
    const { rows } = await db.root.query<{ identifier: string }>("select identifier from graphile_worker._private_known_crontabs");
    t.same(rows.map((r) => r.identifier).sort(), [
      "analytics__rollup",
      "analytics__sync_views",
      "cheat__detect",
      "messages__delete_expired",
      "revenue__monthly",
      "worker__heartbeat",
    ]);
  });

  t.test("stopping the worker waits for it and releases its pool", async (t) => {
    await sys.stop();
    t.equal(sys.ownerPool.totalCount, 0);
  });
});
