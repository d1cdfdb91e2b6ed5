/** `npm run keys` and `npm run schema:export` fail with one line, and no Grafast warning. */
import t from "tap";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../lib/infra/config.ts";

function run(script: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(projectRoot, script)], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

t.test("npm run keys with a bad JWT_SECRET: one line naming the variable", async (t) => {
  const r = run("server/keys.ts", { JWT_SECRET: "short" });
  t.equal(r.status, 1);
  t.equal(r.stderr, 'Invalid configuration: JWT_SECRET must be at least 32 characters (got "short")');
});

t.test("npm run schema:export without a database: one line, no Grafast warning", async (t) => {
  const r = run("server/export-schema.ts", { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", LOG_LEVEL: "silent" });
  t.equal(r.status, 1);
  t.equal(r.stderr.split("\n").length, 1, r.stderr);
  t.match(r.stderr, /^schema:export failed: /);
  t.notMatch(r.stderr + r.stdout, /GRAPHILE_ENV/);
});
