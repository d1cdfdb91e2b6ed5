/**
 * `npm run schema:export`: from the (migrated) development database, write
 * schema.graphql (the GraphQL API) and migrations/schema.sql (the SQL
 * schema). Tests fail when either is stale.
 *
 * Grafast reads GRAPHILE_ENV when it is loaded: it is set first, and the rest
 * imported after it (else Grafast warns that it runs in production mode).
 * Errors are one line on stderr.
 */
process.env.GRAPHILE_ENV ??= "development";

async function main(): Promise<void> {
  const { writeFileSync } = await import("node:fs");
  const { createPool } = await import("../db/pool.ts");
  const { prepareDatabase } = await import("../db/prepare.ts");
  const { SCHEMA_DUMP_FILE, writeSchemaDump } = await import("../db/schema-dump.ts");
  const { loadConfig } = await import("../lib/infra/config.ts");
  const { createLogger } = await import("../lib/infra/logger.ts");
  const { buildSchemaSDL, SCHEMA_FILE } = await import("./graphql/schema-export.ts");
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
}

main().catch((err: unknown) => {
  process.stderr.write(`schema:export failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
