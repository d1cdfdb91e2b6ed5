/**
 * Get a database ready to serve: start an embedded PostgreSQL when no
 * DATABASE_URL is configured, create the roles and the database when the
 * connecting user may, install graphile-worker's schema, apply the committed
 * migrations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import pg from "pg";
import { migrate as gmMigrate, type Settings as MigrateSettings } from "graphile-migrate";
// Not re-exported from the package root; see migrateDatabase.
import { clearAllPools as clearMigratePools } from "graphile-migrate/dist/pgReal.js";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import { projectRoot, type Config } from "../lib/infra/config.ts";
import { migrateLogger, workerLogger } from "../lib/infra/graphile-logger.ts";
import type { Logger } from "../lib/infra/logger.ts";
import { startEmbeddedPostgres, type EmbeddedHandle } from "./embedded.ts";
import { databaseName, withCredentials, withDatabase } from "./pool.ts";

export const EMBEDDED_DATABASE = "pgsocial";

export interface Database {
  /** The database owner: migrations, worker, auth. */
  ownerUrl: string;
  /** The LOGIN NOINHERIT role PostGraphile connects as. */
  authenticatorUrl: string;
  /** Set when we started an embedded PostgreSQL. */
  embedded: EmbeddedHandle | undefined;
  /** Stops the embedded PostgreSQL, if any. */
  stop(): Promise<void>;
}

/** graphile-migrate settings from .gmrc, with the connection for `ownerUrl`. */
export function migrateSettings(ownerUrl: string, logger: Logger): MigrateSettings {
  const gmrc = JSON5.parse<MigrateSettings>(readFileSync(path.join(projectRoot, ".gmrc"), "utf8"));
  return {
    ...gmrc,
    connectionString: ownerUrl,
    migrationsFolder: path.join(projectRoot, "migrations"),
    logger: migrateLogger(logger),
  };
}

const ROLES_SQL = path.join(projectRoot, "migrations", "afterReset.sql");
// Serialises role and database creation between processes sharing a cluster.
const SETUP_LOCK = 7_241_100_001;

/**
 * Create the Supabase-style roles and the database, if the connecting user may.
 * When it may not, they must already exist (the README says how to create them).
 */
export async function ensureRolesAndDatabase(ownerUrl: string, authenticatorPassword: string | undefined, logger: Logger): Promise<void> {
  const target = databaseName(ownerUrl);
  const client = await connectMaintenance(ownerUrl, target);
  try {
    await client.query("select pg_advisory_lock($1)", [SETUP_LOCK]);
    const { rows } = await client.query<{ super: boolean; createrole: boolean; createdb: boolean }>(
      "select rolsuper as super, rolcreaterole as createrole, rolcreatedb as createdb from pg_roles where rolname = current_user",
    );
    const me = rows[0]!;
    const exists = await client.query("select 1 from pg_database where datname = $1", [target]);
    if (!exists.rowCount) {
      if (!me.super && !me.createdb) throw new Error(`Database "${target}" does not exist and the DATABASE_URL user may not create it.`);
      await client.query(`create database ${client.escapeIdentifier(target)}`);
      logger.info({ database: target }, "created database");
    }
    if (me.super) {
      // The same file graphile-migrate runs after a reset, with its placeholder filled in.
      await client.query(readFileSync(ROLES_SQL, "utf8").replaceAll(":DATABASE_NAME", client.escapeIdentifier(target)));
      if (authenticatorPassword) {
        await client.query(`alter role authenticator password ${client.escapeLiteral(authenticatorPassword)}`);
      }
    } else {
      const missing = await client.query<{ rolname: string }>(
        "select r from unnest(array['anon','authenticated','service_role','authenticator']) r where not exists (select 1 from pg_roles where rolname = r)",
      );
      if (missing.rowCount) {
        throw new Error(
          `Roles ${missing.rows.map((r) => r.rolname).join(", ")} are missing and ${"the DATABASE_URL user"} may not create them: ` +
            `run migrations/afterReset.sql once as a superuser.`,
        );
      }
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [SETUP_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** A connection to the cluster's maintenance database (or the target itself). */
async function connectMaintenance(ownerUrl: string, target: string): Promise<pg.Client> {
  for (const db of ["postgres", "template1", target]) {
    const client = new pg.Client({ connectionString: withDatabase(ownerUrl, db) });
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (db === target) throw err;
    }
  }
  throw new Error("unreachable");
}

/** Install graphile-worker's schema, then apply committed migrations. Idempotent. */
export async function migrateDatabase(ownerUrl: string, logger: Logger): Promise<void> {
  await runWorkerMigrations({ connectionString: ownerUrl, logger: workerLogger(logger) });
  try {
    await gmMigrate(migrateSettings(ownerUrl, logger), false, false);
  } finally {
    // graphile-migrate keeps its pool for a while after use and exits the
    // process on any error of that pool (e.g. a database restart): close it now.
    clearMigratePools();
  }
}

export async function prepareDatabase(
  config: Config,
  logger: Logger,
  options: { migrate: boolean } = { migrate: true },
): Promise<Database> {
  let embedded: EmbeddedHandle | undefined;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres(config.embedded, logger);
    ownerUrl = withDatabase(embedded.url, EMBEDDED_DATABASE);
  }
  try {
    await ensureRolesAndDatabase(ownerUrl, config.authenticatorUrl ? undefined : config.authenticatorPassword, logger);
    if (options.migrate) await migrateDatabase(ownerUrl, logger);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  return {
    ownerUrl,
    authenticatorUrl: config.authenticatorUrl ?? withCredentials(ownerUrl, "authenticator", config.authenticatorPassword),
    embedded,
    stop: async () => {
      await embedded?.stop();
    },
  };
}
