import path from "node:path";
import { postgraphile } from "postgraphile";
import { lexicographicSortSchema, printSchema } from "postgraphile/graphql";
import type { Pool } from "../../db/pool.ts";
import { projectRoot, type Config } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import { makePreset } from "./preset.ts";

/** The committed GraphQL schema; a test fails when it no longer matches the migrations. */
export const SCHEMA_FILE = path.join(projectRoot, "schema.graphql");

/** The GraphQL schema PostGraphile builds from the database, as sorted SDL. */
export async function buildSchemaSDL(config: Config, pool: Pool, logger: Logger): Promise<string> {
  const pgl = postgraphile(makePreset({ config, pool, logger }));
  try {
    return `${printSchema(lexicographicSortSchema(await pgl.getSchema()))}\n`;
  } finally {
    await pgl.release();
  }
}
