/** migrations/schema.sql is what the committed migrations produce (`npm run schema:export` rewrites it). */
import { readFileSync } from "node:fs";
import t from "tap";
import { dumpSchema, findPgDump, SCHEMA_DUMP_FILE } from "../db/schema-dump.ts";
import { createTestDatabase } from "./helpers/db.ts";

const db = await createTestDatabase(t);
const pgDump = await findPgDump(db.ownerUrl);

t.test(
  "migrations/schema.sql is up to date",
  { skip: pgDump ? false : "no pg_dump on this machine (PostgreSQL's client tools)" },
  async (t) => {
    const dump = await dumpSchema(db.ownerUrl, pgDump!);
    t.equal(dump, readFileSync(SCHEMA_DUMP_FILE, "utf8"), "migrations/schema.sql is stale: run `npm run schema:export` and commit it");
  },
);
