/**
 * Query bombs are refused before planning, in milliseconds, while other
 * requests stay fast; every connection has a page-size cap; introspection is
 * on in development (GraphiQL's query passes the depth limit) and off in
 * production unless enabled; trusted documents lock production to known ones.
 */
import t from "tap";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getIntrospectionQuery } from "graphql";
import { createTestDatabase } from "./helpers/db.ts";
import { bearer, createUser } from "./helpers/social.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
const sys = await startTestSystem(t, { db });
const author = await createUser(db);
await db.root.query("insert into app_public.posts (author_id, body) select $1, 'post ' || i from generate_series(1, 120) i", [author]);

async function timed(query: string, variables: Record<string, unknown> = {}) {
  const started = performance.now();
  const r = await graphql(sys.url, query, variables);
  return { ...r, ms: performance.now() - started };
}

const aliasBomb = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: profiles(first: 1) { nodes { rowId } }`).join(" ")} }`;
const BOMBS: Record<string, string> = {
  "10,000 aliases (the reported one, 448 kB)": aliasBomb(10_000),
  "600 aliases (under the size limit)": aliasBomb(600),
  "one field repeated 4,000 times": `{ profiles(first: 1) { nodes { ${"rowId ".repeat(4000)} } } }`,
  "fragments that expand exponentially": `query { profiles(first: 1) { nodes { ...F5 } } }
    fragment F0 on Profile { rowId handle }
    ${[1, 2, 3, 4, 5].map((i) => `fragment F${i} on Profile { ...F${i - 1} ...F${i - 1} ...F${i - 1} ...F${i - 1} ...F${i - 1} ...F${i - 1} }`).join("\n")}`,
  "nested lists, 100 × 100 × 100": `{ posts(first: 100) { nodes { comments(first: 100) { nodes { post { likes(first: 100) { nodes { userId } } } } } } } }`,
  "nested lists without page sizes": `{ posts { nodes { comments { nodes { author { authoredPosts { nodes { rowId body } } } } } } } }`,
};

t.test("bombs are refused before planning, in milliseconds", async (t) => {
  await timed("{ __typename }"); // the server's first request warms it up
  for (const [name, query] of Object.entries(BOMBS)) {
    const r = await timed(query);
    t.equal(r.body.errors?.[0]?.extensions?.code, "TOO_COMPLEX", `${name}: TOO_COMPLEX (${r.body.errors?.[0]?.message})`);
    t.equal(r.body.data ?? null, null, `${name}: nothing ran`);
    // Tens to hundreds of milliseconds on a quiet machine; without the limits, seconds to minutes.
    t.ok(r.ms < 3000, `${name}: answered in ${Math.round(r.ms)} ms`);
  }
});

t.test("under the limits, GraphQL's own overlap rule still applies", async (t) => {
  const r = await graphql(sys.url, "{ a: posts(first: 1) { totalCount } a: profiles(first: 1) { totalCount } }");
  t.match(r.body.errors?.[0]?.message, /conflict/, "conflicting aliases are reported");
});

t.test("while bombs arrive, other requests stay fast", async (t) => {
  const probe = async () => (await timed("query($id: UUID!) { profile(rowId: $id) { handle } }", { id: author })).ms;
  await probe(); // planned once, as any operation is
  const bombs = Array.from({ length: 10 }, (_, i) => timed(Object.values(BOMBS)[i % Object.values(BOMBS).length]!));
  const probes: number[] = [];
  for (let i = 0; i < 10; i++) probes.push(await probe());
  await Promise.all(bombs);
  const worst = Math.max(...probes);
  // About 100 ms on a quiet machine; a single 1,000-alias bomb used to block every request for 12 s.
  t.ok(worst < 5000, `the slowest of 10 requests during 10 bombs took ${Math.round(worst)} ms`);
});

t.test("page sizes: at most GRAPHQL_MAX_PAGE_SIZE (100), for tables and SETOF functions alike", async (t) => {
  const big = await graphql(sys.url, "{ posts(first: 1000000) { nodes { rowId } } }");
  t.equal(big.body.errors?.[0]?.extensions?.code, "INVAL", "a literal first above the cap");
  t.match(big.body.errors?.[0]?.message, /first must be between 0 and 100/);
  const viaVariable = await graphql(sys.url, "query($n: Int) { posts(first: $n) { nodes { rowId } } }", { n: 101 });
  t.equal(viaVariable.body.errors?.[0]?.extensions?.code, "INVAL", "a variable above the cap");
  const last = await graphql(sys.url, "query($n: Int) { posts(last: $n) { nodes { rowId } } }", { n: 5000 });
  t.equal(last.body.errors?.[0]?.extensions?.code, "INVAL", "last too");
  const fn = await graphql(sys.url, "query($n: Int) { exploreTopPosts(first: $n) { nodes { rowId } } }", { n: 500 });
  t.equal(fn.body.errors?.[0]?.extensions?.code, "INVAL", "a SETOF function's connection too");
  const nested = await graphql(sys.url, "query($id: UUID!, $n: Int) { profile(rowId: $id) { authoredPosts(first: $n) { totalCount } } }", {
    id: author,
    n: 101,
  });
  t.equal(nested.body.errors?.[0]?.extensions?.code, "INVAL", "a nested connection too");

  const all = await graphql(sys.url, "{ posts { totalCount nodes { rowId } pageInfo { hasNextPage } } }");
  const page = all.body.data as { posts: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean } } };
  t.equal(page.posts.nodes.length, 100, "no first/last: the first 100");
  t.equal(page.posts.pageInfo.hasNextPage, true, "and there are more");
  t.ok(page.posts.totalCount >= 120);
  const nullFirst = await graphql(sys.url, "query($n: Int) { posts(first: $n) { nodes { rowId } } }", { n: null });
  t.equal((nullFirst.body.data as { posts: { nodes: unknown[] } }).posts.nodes.length, 100, "first: null is the first page too");
  const lastFive = await graphql(sys.url, "query($n: Int) { posts(last: $n) { nodes { rowId } } }", { n: 5 });
  t.equal((lastFive.body.data as { posts: { nodes: unknown[] } }).posts.nodes.length, 5, "last alone still works");
  const ok = await graphql(sys.url, "{ posts(first: 100) { nodes { rowId } } }");
  t.equal((ok.body.data as { posts: { nodes: unknown[] } }).posts.nodes.length, 100, "100 is allowed");
});

t.test("introspection: GraphiQL's query works in development; off in production unless enabled", async (t) => {
  const full = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    inputValueDeprecation: true,
  });
  const dev = await graphql(sys.url, full);
  t.same(dev.body.errors, undefined, "the introspection query passes the depth limit");
  t.ok((dev.body.data as { __schema?: unknown }).__schema, "and answers");

  const prod = await startTestSystem(t, { db, env: { NODE_ENV: "production" } });
  const refused = await graphql(prod.url, "{ __schema { queryType { name } } }");
  t.match(refused.body.errors?.[0]?.message, /introspection/i, "refused in production");
  const enabled = await startTestSystem(t, { db, env: { NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true" } });
  t.same((await graphql(enabled.url, "{ __schema { queryType { name } } }")).body.errors, undefined, "unless enabled");
});

t.test("trusted documents: only the known ones, by hash", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "trusted-"));
  const doc = "query Me { currentProfile { rowId } }";
  const hash = createHash("sha256").update(doc).digest("hex");
  writeFileSync(path.join(dir, `${hash}.graphql`), doc);
  const trusted = await startTestSystem(t, { db, env: { GRAPHQL_TRUSTED_DOCUMENTS_DIR: dir } });
  const user = await createUser(db);
  const res = await fetch(`${trusted.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...bearer(user) },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  t.same(((await res.json()) as { data: unknown }).data, { currentProfile: { rowId: user } }, "a known document, by its hash");
  const other = await graphql(trusted.url, "{ posts(first: 1) { nodes { rowId } } }");
  t.ok(other.status >= 400 || other.body.errors?.length, "any other document is refused");
});
