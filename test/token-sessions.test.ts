/**
 * A still-valid token of a deleted, banned or signed-out user is refused
 * everywhere: GraphQL over HTTP and websockets, and the analytics endpoint
 * (which also maps every class 22/23 error to a 4xx). A refused token is one
 * JSON log line, not a stack trace.
 */
import t from "tap";
import { Writable } from "node:stream";
import { pino } from "pino";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { requestIdMixin } from "../lib/infra/logger.ts";
import { ANON_KEY, AUTH_TEST_ENV, makeAdmin, makeClient, uniqueEmail } from "./helpers/auth.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { createPost } from "./helpers/economy.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
    cb();
  },
});
const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db, env: AUTH_TEST_ENV, logger: pino({ level: "info", mixin: requestIdMixin }, sink) });

async function signedIn(): Promise<{ id: string; token: string }> {
  const client = makeClient("auth-js", sys.url);
  const { data, error } = await client.signUp({ email: uniqueEmail("session"), password: "correct horse" });
  if (error || !data.session) throw error ?? new Error("no session");
  return { id: data.user!.id, token: data.session.access_token };
}
const me = (token: string) => graphql(sys.url, "{ currentProfile { rowId } }", {}, { authorization: `Bearer ${token}` });
const track = (token: string, post: string) =>
  fetch(`${sys.url}/analytics/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      events: [
        { type: "view", post_id: post },
        { type: "like", post_id: post },
      ],
    }),
  });
async function overWebsocket(token: string): Promise<{ data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }> {
  const ws = createClient({
    url: `${sys.url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } = {};
      ws.subscribe(
        { query: "{ currentProfile { rowId } }" },
        { next: (v) => (result = v as typeof result), error: reject, complete: () => resolve(result) },
      );
    });
  } catch (err) {
    return { errors: (Array.isArray(err) ? err : [err]) as { extensions?: Record<string, unknown> }[] };
  } finally {
    await ws.dispose();
  }
}

const author = (await signedIn()).id;
const post = await createPost(db, author);

t.test("a deleted user's token: 401 everywhere, nothing recorded", async (t) => {
  const user = await signedIn();
  t.same((await me(user.token)).body.data, { currentProfile: { rowId: user.id } }, "works while the user exists");
  await makeAdmin("auth-js", sys.url).deleteUser(user.id);
  const gql = await me(user.token);
  t.equal(gql.status, 401, "GraphQL: 401");
  t.equal(gql.body.errors?.[0]?.extensions?.code, "UNAUTHORIZED");
  const ws = await overWebsocket(user.token);
  t.equal(ws.errors?.[0]?.extensions?.code, "UNAUTHORIZED", "websockets: UNAUTHORIZED");
  const analytics = await track(user.token, post);
  t.equal(analytics.status, 401, "analytics: 401 (it was a 500: an unhandled foreign-key violation)");
  const { rows } = await db.root.query("select 1 from app_private.post_view_logs where viewer_id = $1", [user.id]);
  t.same(rows, [], "and no view recorded");
});

t.test("a banned user's and a signed-out session's tokens: 401", async (t) => {
  const banned = await signedIn();
  await makeAdmin("auth-js", sys.url).updateUserById(banned.id, { ban_duration: "24h" });
  t.equal((await me(banned.token)).status, 401, "banned");
  const out = await signedIn();
  const logout = await fetch(`${sys.url}/auth/v1/logout`, {
    method: "POST",
    headers: { authorization: `Bearer ${out.token}`, apikey: ANON_KEY },
  });
  t.equal(logout.status, 204);
  t.equal((await me(out.token)).status, 401, "signed out");
});

t.test("a bad token is one log line, not a stack trace", async (t) => {
  const before = lines.length;
  const printed: unknown[] = [];
  /* eslint-disable no-console -- what grafserv printed for a bad token (console.error, console.dir) is what this checks */
  const [error, dir] = [console.error, console.dir];
  console.error = (...args: unknown[]) => void printed.push(args);
  console.dir = (...args: unknown[]) => void printed.push(args);
  const r = await me("not.a.token").finally(() => {
    console.error = error;
    console.dir = dir;
  });
  /* eslint-enable no-console */
  t.equal(r.status, 401);
  t.same(printed, [], "nothing printed outside the log");
  const logged = lines.slice(before).filter((l) => l.msg === "refused token");
  t.equal(logged.length, 1, "one line");
  t.match(logged[0], { reason: /Invalid JWT/ });
});
