/**
 * The codes GraphQL clients can see are one explicit list
 * (server/graphql/error-codes.ts), the same as docs/error-codes.md's table;
 * each of them reaches a client through GraphQL (FUNDS did not: a pattern of
 * "our" codes skipped every code starting with F), and nothing else does.
 */
import t from "tap";
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../lib/infra/config.ts";
import { CLIENT_ERROR_CODES, SQL_ERROR_CODES } from "../server/graphql/error-codes.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { graphql, startTestSystem } from "./helpers/system.ts";

const db = await createTestDatabase(t);
await db.root.query(`
  create function app_public.fail_with(code text) returns int language plpgsql volatile as $$
  begin
    raise exception 'refused with %', code using errcode = code;
  end $$;
  create function app_public.sleep_for(seconds float) returns int language sql volatile as $$ select 1 from pg_sleep(seconds) $$;
`);
const sys = await startTestSystem(t, { db, env: { STATEMENT_TIMEOUT_MS: "300" } });

t.test("docs/error-codes.md lists exactly the codes clients can see", async (t) => {
  const doc = readFileSync(path.join(projectRoot, "docs", "error-codes.md"), "utf8");
  const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
  t.same(documented, Object.keys(CLIENT_ERROR_CODES).sort());
});

t.test("every code the SQL raises is one of ours", async (t) => {
  const { rows } = await db.root.query<{ code: string }>(
    `select distinct (regexp_matches(p.prosrc, 'errcode\\s*=\\s*''([A-Za-z0-9_]+)''', 'g'))[1] as code
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('app_public', 'app_hidden', 'app_private', 'auth')`,
  );
  // internal_error: a server misconfiguration (no message keys), masked on purpose.
  t.same(
    rows.map((r) => r.code).filter((c) => !(c in SQL_ERROR_CODES) && c !== "internal_error"),
    [],
  );
});

t.test("each documented code reaches the client through GraphQL", async (t) => {
  const fail = (code: string) => graphql(sys.url, "mutation($c: String!) { failWith(input: { code: $c }) { result } }", { c: code });
  for (const code of Object.keys(SQL_ERROR_CODES)) {
    const r = await fail(code);
    t.same(r.body.errors?.[0]?.extensions, { code }, code);
    t.equal(r.body.errors?.[0]?.message, `refused with ${code}`, `${code}: with its message`);
  }
  const bad = await graphql(sys.url, "{ __typename }", {}, { authorization: "Bearer not.a.token" });
  t.equal(bad.body.errors?.[0]?.extensions?.code, "UNAUTHORIZED", "UNAUTHORIZED");
  const bomb = await graphql(sys.url, `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(" ")} }`);
  t.equal(bomb.body.errors?.[0]?.extensions?.code, "TOO_COMPLEX", "TOO_COMPLEX");
  const slow = await graphql(sys.url, "mutation { sleepFor(input: { seconds: 2 }) { result } }");
  t.same(slow.body.errors?.[0]?.extensions, { code: "TIMEOUT", sqlstate: "57014" }, "TIMEOUT");
});

t.test("a code that is not ours is masked", async (t) => {
  for (const code of ["XYZZY", "FOOBA", "P0001", "58000"]) {
    const r = await graphql(sys.url, "mutation($c: String!) { failWith(input: { code: $c }) { result } }", { c: code });
    t.match(r.body.errors?.[0]?.message, /^An unexpected error occurred/, code);
  }
});
