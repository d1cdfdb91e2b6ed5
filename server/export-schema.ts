/**
 * `npm run schema:export`: from the (migrated) development database, write
 * schema.graphql (the GraphQL API) and migrations/schema.sql (the SQL
 * schema). Tests fail when either is stale.
 */
import { writeFileSync } from "node:fs";
import { createPool } from "../db/pool.ts";
import { prepareDatabase } from "../db/prepare.ts";
import { SCHEMA_DUMP_FILE, writeSchemaDump } from "../db/schema-dump.ts";
import { loadConfig } from "../lib/infra/config.ts";
import { createLogger } from "../lib/infra/logger.ts";
import { buildSchemaSDL, SCHEMA_FILE } from "./graphql/schema-export.ts";

process.env.GRAPHILE_ENV ??= "development";
const config = loadConfig();
const logger = createLogger(config.logLevel, "schema-export");
const database = await prepareDatabase(config, logger);
const pool = createPool(database.authenticatorUrl, 2, "schema-export", logger);
try {
  writeFileSync(SCHEMA_FILE, await buildSchemaSDL(config, pool, logger));
  logger.info({ file: SCHEMA_FILE }, "GraphQL schema exported");
  if (await writeSchemaDump(database.ownerUrl)) logger.info({ file: SCHEMA_DUMP_FILE }, "SQL schema dumped");
} finally {
  await pool.end();
  await database.stop();
}
