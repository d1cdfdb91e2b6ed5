/**
 * migrations/fixtures/ holds the current definition of every function and
 * every table's policies, one file each (README, "Changing a rule"). This
 * walks the catalog of a freshly migrated database and checks, for every
 * fixture, that running it changes nothing: the fixture *is* the live rule.
 * A fixture edited without a migration that includes it, a migration that
 * changes a rule without its fixture, and a function or policy with no
 * fixture all fail here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import t from "tap";
import { projectRoot } from "../lib/infra/config.ts";
import { createTestDatabase } from "./helpers/db.ts";

const FIXTURES = path.join(projectRoot, "migrations", "fixtures");
const SCHEMAS = ["app_public", "app_hidden", "app_private", "auth"];

const db = await createTestDatabase(t);

/** Every function (definition, comment, grants) and policy of our schemas, by name. */
async function catalog(): Promise<Map<string, string>> {
  const { rows } = await db.root.query<{ key: string; value: string }>(
    `select 'function ' || p.oid::regprocedure::text as key,
            concat_ws(E'\\n-- ', pg_get_functiondef(p.oid), 'comment: ' || obj_description(p.oid, 'pg_proc'),
              'execute: ' || (select string_agg(case when a.grantee = 0 then 'public' else a.grantee::regrole::text end, ', ' order by 1)
                                from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                               where a.privilege_type = 'EXECUTE' and a.grantee <> p.proowner)) as value
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any ($1)
     union all
     select 'policy ' || schemaname || '.' || tablename || ' ' || policyname,
            concat_ws(E'\\n', permissive, array_to_string(roles, ','), cmd, 'using: ' || qual, 'check: ' || with_check)
       from pg_policies where schemaname = any ($1)`,
    [SCHEMAS],
  );
  return new Map(rows.map((r) => [r.key, r.value]));
}

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".sql"))
    .sort();
}

const live = await catalog();

t.test("running any fixture changes nothing in the migrated database", async (t) => {
  const files = fixtureFiles();
  t.ok(files.length > 200, `${files.length} fixtures`);
  for (const file of files) {
    await db.root.query("begin");
    try {
      await db.root.query(readFileSync(path.join(FIXTURES, file), "utf8"));
      const after = await catalog();
      const changed = [...new Set([...live.keys(), ...after.keys()])]
        .filter((k) => live.get(k) !== after.get(k))
        .sort()
        .map((k) => ({ object: k, migrated: live.get(k) ?? null, fixture: after.get(k) ?? null }));
      t.same(
        changed,
        [],
        `${file} is the live definition (if you changed it, add \`--!include ${file}\` to migrations/current.sql and commit a migration)`,
      );
    } finally {
      await db.root.query("rollback");
    }
  }
});

t.test("every function and every table's policies have their fixture, named for them", async (t) => {
  const files = fixtureFiles();
  const byName = new Map(files.map((f) => [path.basename(f, ".sql"), readFileSync(path.join(FIXTURES, f), "utf8")]));
  const missing: string[] = [];
  for (const key of live.keys()) {
    const fn = /^function (\w+)\.(\w+)\(/.exec(key);
    if (fn) {
      const text = byName.get(`${fn[1]}.${fn[2]}`);
      if (!text || !new RegExp(`create or replace function ${fn[1]}\\.${fn[2]}\\s*\\(`, "i").test(text)) missing.push(key);
      continue;
    }
    const policy = /^policy (\w+)\.(\w+) (\w+)$/.exec(key);
    if (policy) {
      const text = byName.get(`${policy[1]}.${policy[2]}.policies`);
      if (!text || !new RegExp(`create policy ${policy[3]} on ${policy[1]}\\.${policy[2]}\\b`, "i").test(text)) missing.push(key);
    }
  }
  t.same(missing, [], "objects without a fixture <domain>/<schema>.<name>.sql (functions) or <domain>/<schema>.<table>.policies.sql");
});

t.test("fixtures are re-runnable (watch mode re-runs current.sql on every save)", async (t) => {
  for (const file of fixtureFiles()) {
    const text = readFileSync(path.join(FIXTURES, file), "utf8");
    t.notMatch(text, /^\s*create\s+function\b/im, `${file}: create or replace function`);
    for (const [, name = "", table = ""] of text.matchAll(/^\s*create\s+policy\s+(\w+)\s+on\s+([\w.]+)/gim)) {
      t.match(text, new RegExp(`drop policy if exists ${name} on ${table.replace(".", "\\.")};`, "i"), `${file}: drops ${name} first`);
    }
  }
});
