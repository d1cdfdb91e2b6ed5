/**
 * The whole database schema as one SQL file, `migrations/schema.sql`
 * (pg_dump --schema-only, as graphile/starter's data/schema.sql): the live
 * shape of every table, index, trigger, function, policy and grant after all
 * committed migrations, so that reviews show schema diffs. Written by
 * graphile-migrate after each `commit` (the afterAllMigrations action in
 * .gmrc) and by `npm run schema:export`; test/schema-dump.test.ts fails when
 * it is stale.
 */
import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { projectRoot } from "../lib/infra/config.ts";

export const SCHEMA_DUMP_FILE = path.join(projectRoot, "migrations", "schema.sql");

const run = promisify(execFile);

/** A pg_dump for the server's major version: $PG_DUMP, Debian's versioned one, else the one on PATH. */
export async function findPgDump(url: string): Promise<string | undefined> {
  if (process.env.PG_DUMP) return process.env.PG_DUMP;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let major: number;
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
    major = Math.floor(Number(rows[0]!.v) / 10000);
  } finally {
    await client.end();
  }
  const versioned = `/usr/lib/postgresql/${major}/bin/pg_dump`;
  if (existsSync(versioned)) return versioned;
  try {
    await run("pg_dump", ["--version"]);
    return "pg_dump";
  } catch {
    return undefined;
  }
}

/**
 * The schema of the database at `url`, without graphile-migrate's and
 * graphile-worker's own schemas, owners, or the lines that differ between
 * runs and machines (pg_dump's versions, its random \restrict key, the
 * owner's name in default privileges).
 */
export async function dumpSchema(url: string, pgDump: string): Promise<string> {
  const { stdout } = await run(
    pgDump,
    ["--schema-only", "--no-owner", "--exclude-schema=graphile_migrate", "--exclude-schema=graphile_worker", "--dbname", url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return `${stdout
    .split("\n")
    .filter((line) => !/^\\(un)?restrict /.test(line) && !/^-- Dumped (from|by) /.test(line))
    .map((line) => line.replace(/^ALTER DEFAULT PRIVILEGES FOR ROLE \S+/, "ALTER DEFAULT PRIVILEGES FOR ROLE :DATABASE_OWNER"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** Write SCHEMA_DUMP_FILE from the database at `url`; false (with a message) when there is no pg_dump. */
export async function writeSchemaDump(url: string): Promise<boolean> {
  const pgDump = await findPgDump(url);
  if (!pgDump) {
    process.stderr.write("pg_dump not found (install PostgreSQL's client tools, or set PG_DUMP): migrations/schema.sql not updated\n");
    return false;
  }
  writeFileSync(SCHEMA_DUMP_FILE, await dumpSchema(url, pgDump));
  return true;
}
