/** `npm run schema:export`: write schema.graphql from the (migrated) database. */
import { writeFileSync } from "node:fs";
import { createPool } from "../db/pool.ts";
import { prepareDatabase } from "../db/prepare.ts";
import { loadConfig } from "../lib/config.ts";
import { createLogger } from "../lib/logger.ts";
import { buildSchemaSDL, SCHEMA_FILE } from "./graphql/schema-export.ts";

process.env.GRAPHILE_ENV ??= "development";
const config = loadConfig();
const logger = createLogger(config.logLevel, "schema-export");
const database = await prepareDatabase(config, logger);
const pool = createPool(database.authenticatorUrl, 2, "schema-export", logger);
try {
  writeFileSync(SCHEMA_FILE, await buildSchemaSDL(config, pool, logger));
  logger.info({ file: SCHEMA_FILE }, "schema exported");
} finally {
  await pool.end();
  await database.stop();
}
