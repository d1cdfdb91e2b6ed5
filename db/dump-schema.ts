/**
 * graphile-migrate's afterAllMigrations action (.gmrc): after each `commit`
 * it runs this on the shadow database, whose URL it passes as GM_DBURL, to
 * rewrite migrations/schema.sql.
 */
import { writeSchemaDump } from "./schema-dump.ts";

const url = process.env.GM_DBURL;
if (!url) {
  process.stderr.write("db/dump-schema.ts is run by graphile-migrate (GM_DBURL); use `npm run schema:export` instead\n");
  process.exit(2);
}
await writeSchemaDump(url);
