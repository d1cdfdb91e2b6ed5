import t from "tap";
import { testRedis } from "./helpers/redis.ts";
import { eventually, startTestSystem } from "./helpers/system.ts";

interface Health {
  status: string;
  checks: Record<string, { status: string; [k: string]: unknown }>;
}

t.test("server and worker: /health reports database and worker", async (t) => {
  const sys = await startTestSystem(t, { worker: true });
  const body = await eventually(
    async () => {
      const res = await fetch(`${sys.url}/health`);
      const b = (await res.json()) as Health;
      return res.status === 200 ? b : undefined;
    },
    15_000,
    "worker heartbeat",
  );
  t.equal(body.status, "ok");
  t.equal(body.checks.database?.status, "ok");
  t.equal(body.checks.worker?.status, "ok");
  t.equal(body.checks.redis, undefined, "no Redis configured, none reported");

  const ready = await fetch(`${sys.url}/health/ready`);
  t.equal(ready.status, 200);
  const live = await fetch(`${sys.url}/health/live`);
  t.equal(live.status, 200);
  t.equal(((await live.json()) as { status: string }).status, "ok");
});

t.test("server alone: /health says the worker is not there; /health/ready is still 200", async (t) => {
  const sys = await startTestSystem(t, { worker: false });
  const res = await fetch(`${sys.url}/health`);
  t.equal(res.status, 503);
  const body = (await res.json()) as Health;
  t.equal(body.checks.worker?.status, "unknown");
  t.equal((await fetch(`${sys.url}/health/ready`)).status, 200);
});

t.test("/metrics exposes HTTP latency, pool usage and jobs in Prometheus format", async (t) => {
  const sys = await startTestSystem(t, { worker: false });
  await sys.ownerPool.query("select app_private.add_job('worker__heartbeat')");
  await fetch(`${sys.url}/health/ready`);
  const res = await fetch(`${sys.url}/metrics`);
  t.equal(res.status, 200);
  t.match(res.headers.get("content-type"), /text\/plain/);
  const text = await res.text();
  t.match(text, /http_request_duration_seconds_bucket\{.*route="\/health\/ready".*\}/);
  t.match(text, /pg_pool_clients\{pool="authenticator",state="total"\}/);
  t.match(text, /graphile_worker_jobs\{state="queued",task="worker__heartbeat"\} 1/);
  t.match(text, /process_cpu_seconds_total/);
});

t.test("Redis configured", async (t) => {
  const redis = await testRedis(t, "the Redis health path");
  if (!redis) return;
  t.test("reachable Redis is reported ok", async (t) => {
    const sys = await startTestSystem(t, { env: redis.env });
    const body = await eventually(
      async () => {
        const res = await fetch(`${sys.url}/health/ready`);
        return res.status === 200 ? ((await res.json()) as Health) : undefined;
      },
      5000,
      "redis ready",
    );
    t.equal(body.checks.redis?.status, "ok");
  });
  t.test("unreachable Redis makes /health/ready 503 (it was configured)", async (t) => {
    const sys = await startTestSystem(t, { env: { REDIS_URL: "redis://127.0.0.1:1" } });
    const res = await fetch(`${sys.url}/health/ready`);
    t.equal(res.status, 503);
    const body = (await res.json()) as Health;
    t.equal(body.checks.redis?.status, "error");
    t.equal(body.checks.database?.status, "ok");
  });
});
