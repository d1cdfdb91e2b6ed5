import t from "tap";
import { graphql, startTestSystem } from "./helpers/system.ts";

const sys = await startTestSystem(t);

t.test("GraphQL answers {__typename} as anon", async (t) => {
  const { status, body } = await graphql(sys.url, "{ __typename }");
  t.equal(status, 200);
  t.same(body, { data: { __typename: "Query" } });
});

t.test("every response carries a request id; a caller's own id is kept", async (t) => {
  const res = await fetch(`${sys.url}/health/ping`);
  t.match(res.headers.get("x-request-id"), /^[0-9a-f-]{36}$/);
  t.equal(await res.text(), "pong");
  const mine = await fetch(`${sys.url}/health/ping`, { headers: { "x-request-id": "trace-abc.123" } });
  t.equal(mine.headers.get("x-request-id"), "trace-abc.123");
  const bogus = await fetch(`${sys.url}/health/ping`, { headers: { "x-request-id": "no spaces <allowed>" } });
  t.not(bogus.headers.get("x-request-id"), "no spaces <allowed>");
});

t.test("malformed JSON is a 400, never a 500", async (t) => {
  const res = await fetch(`${sys.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  t.equal(res.status, 400);
});

t.test("bodies over GRAPHQL_MAX_BODY_BYTES (2 MB) are refused", async (t) => {
  const res = await fetch(`${sys.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(2_100_000) } }),
  });
  t.ok(res.status === 413 || res.status === 400, `status ${res.status}`);
});

t.test("a bad token is refused with 401 and a GraphQL error body", async (t) => {
  const { status, body } = await graphql(sys.url, "{ __typename }", {}, { authorization: "Bearer not-a-jwt" });
  t.equal(status, 401);
  t.ok(body.errors?.length, "errors present");
});

t.test("queries deeper than the limit are rejected", async (t) => {
  const deep = "{ " + "query { ".repeat(14) + "__typename" + " }".repeat(14) + " }";
  const { body } = await graphql(sys.url, deep);
  t.ok(
    body.errors?.some((e) => /depth/i.test(e.message)),
    "depth-limit error",
  );
});

t.test("unknown routes answer JSON 404", async (t) => {
  const res = await fetch(`${sys.url}/nope`);
  t.equal(res.status, 404);
  t.same(await res.json(), { error: "not_found", message: "Not found" });
});

t.test("CORS preflight allows the Supabase client headers", async (t) => {
  const res = await fetch(`${sys.url}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin: "http://example.com",
      "access-control-request-method": "POST",
      "access-control-request-headers": "apikey,authorization,x-client-info",
    },
  });
  t.equal(res.status, 204);
  t.match(res.headers.get("access-control-allow-headers"), /apikey/);
  t.match(res.headers.get("access-control-expose-headers"), /X-Request-Id/);
});

t.test("security headers are set", async (t) => {
  const res = await fetch(`${sys.url}/health/live`);
  t.equal(res.headers.get("x-content-type-options"), "nosniff");
  t.equal(res.headers.get("x-powered-by"), null);
});
