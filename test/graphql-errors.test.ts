/** What GraphQL clients see of SQL errors; Ruru only outside production; request ids in the logs. */
import t from "tap";
import { Writable } from "node:stream";
import { pino } from "pino";
import { requestIdMixin } from "../lib/infra/logger.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { eventually, graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
await db.root.query(`
  create function app_public.fail_with(code text) returns int language plpgsql volatile as $$
  begin
    raise exception 'business rule says no' using errcode = code, hint = 'try something else';
  end $$;
`);

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
    cb();
  },
});
const sys = await startTestSystem(t, { db, logger: pino({ level: "debug", mixin: requestIdMixin }, sink) });
const fail = (code: string) => graphql(sys.url, "mutation($c: String!) { failWith(input: { code: $c }) { result } }", { c: code });

t.test("our own SQLSTATEs reach the client with message, code and hint", async (t) => {
  const { body } = await fail("DNIED");
  t.equal(body.errors?.[0]?.message, "business rule says no");
  t.same(body.errors?.[0]?.extensions, { code: "DNIED", hint: "try something else" });
});

t.test("PostgreSQL's own data and integrity errors are shown as our codes, with the SQLSTATE beside", async (t) => {
  for (const [sqlstate, code] of [
    ["22023", "INVAL"],
    ["22P02", "INVAL"],
    ["23505", "CONFL"],
    ["23503", "NTFND"],
    ["23514", "INVAL"],
  ] as const) {
    const { body } = await fail(sqlstate);
    t.same(body.errors?.[0]?.extensions, { code, sqlstate }, sqlstate);
  }
  const plain = await fail("P0001");
  t.match(plain.body.errors?.[0]?.message, /^An unexpected error occurred/, "a raise without a code of ours is masked");
});

t.test("anything else is masked, logged with an id the client can quote", async (t) => {
  const { body } = await fail("58000");
  const err = body.errors?.[0];
  t.match(err?.message, /^An unexpected error occurred \(error id [0-9a-f-]{36}\)$/);
  t.notMatch(JSON.stringify(body), /business rule says no/, "message hidden");
  const id = err?.extensions?.errorId;
  const logged = lines.find((l) => l.errorId === id && l.msg === "masked GraphQL error");
  t.ok(logged, "logged with the same id");
  t.match(logged?.request_id, /^[0-9a-f-]{36}$/, "and the request id");
});

t.test("every request's log line carries its request id", async (t) => {
  await fetch(`${sys.url}/health/ready`, { headers: { "x-request-id": "req-log-test-1" } });
  // Logged when the response finishes, which may be just after the client has it.
  const line = await eventually(async () => lines.find((l) => l.request_id === "req-log-test-1"), 2000, "log line");
  t.ok(line, "a log line with the request id");
  t.match(line, { req: { method: "GET", url: "/health/ready" }, res: { statusCode: 200 } });
});

t.test("Ruru (GraphiQL) is served outside production only", async (t) => {
  const dev = await fetch(`${sys.url}/graphiql`);
  t.equal(dev.status, 200);
  t.match(dev.headers.get("content-type"), /html/);
  const prod = await startTestSystem(t, { db, env: { NODE_ENV: "production" } });
  t.equal((await fetch(`${prod.url}/graphiql`)).status, 404);
});
