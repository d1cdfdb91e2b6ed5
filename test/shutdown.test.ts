import t, { type Test } from "tap";
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { projectRoot } from "../lib/infra/config.ts";
import { AUTHENTICATOR_PASSWORD, createTestDatabase } from "./helpers/db.ts";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { createUser, tokenFor } from "./helpers/social.ts";
import { TEST_JWT_SECRET } from "./helpers/system.ts";

const db = await createTestDatabase(t);

async function startServerProcess(t: Test) {
  const child = spawn(process.execPath, [path.join(projectRoot, "server/main.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: db.ownerUrl,
      AUTHENTICATOR_PASSWORD,
      JWT_SECRET: TEST_JWT_SECRET,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const state = { output: "" };
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      state.output += chunk.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"started"/.exec(state.output);
      if (m) resolve(m[1]!);
    });
    child.on("exit", () => reject(new Error(`server exited early:\n${state.output}`)));
  });
  child.stderr.on("data", (chunk: Buffer) => (state.output += `[stderr] ${chunk.toString()}`));
  t.teardown(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return { child, url, exited, state };
}

t.test("SIGTERM: stop accepting, finish in-flight requests, stop the worker, exit 0 within 10 s", async (t) => {
  const { child, url, exited, state } = await startServerProcess(t);

  // A request whose body is still arriving when SIGTERM lands.
  const body = JSON.stringify({ query: "{ __typename }" });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.write(body.slice(0, 5));
    setTimeout(() => {
      child.kill("SIGTERM");
      setTimeout(() => req.end(body.slice(5)), 300);
    }, 100);
  });

  const started = Date.now();
  const res = await response.catch((err: unknown) => {
    throw new Error(`in-flight request failed (${String(err)}); server output:\n${state.output.slice(-3000)}`);
  });
  t.equal(res.status, 200, "in-flight request answered");
  t.same(JSON.parse(res.text), { data: { __typename: "Query" } });

  await t.rejects(fetch(`${url}/health/live`), "new connections are refused");
  const code = await exited;
  t.equal(code, 0, "exit code 0");
  t.ok(Date.now() - started < 10_000, "within 10 s");
  t.match(state.output, /"msg":"stopped"/);
});

t.test("SIGTERM with an open subscription: the websocket is closed and the process exits 0 promptly", async (t) => {
  const { child, url, exited, state } = await startServerProcess(t);
  const subscriber = await createUser(db);
  const ws = createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${tokenFor(subscriber)}` },
    retryAttempts: 0,
  });
  t.teardown(() => ws.dispose());
  let ended = false;
  const connected = new Promise<void>((resolve) => ws.on("connected", () => resolve()));
  ws.subscribe(
    { query: "subscription { homeFeedEvents { event } }" },
    { next: () => undefined, error: () => (ended = true), complete: () => (ended = true) },
  );
  await connected;
  const started = Date.now();
  child.kill("SIGTERM");
  const code = await exited;
  t.equal(code, 0, "exit code 0");
  t.ok(Date.now() - started < 5_000, `within 5 s (took ${Date.now() - started} ms)`);
  t.match(state.output, /"msg":"stopped"/);
  t.ok(ended, "the subscription was ended");
});
