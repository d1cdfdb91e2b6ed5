/**
 * `npm run db -- <command>`: graphile-migrate against this project's database,
 * the embedded one included. Sets DATABASE_URL, SHADOW_DATABASE_URL and
 * ROOT_DATABASE_URL and runs the graphile-migrate CLI with the given arguments:
 *
 *   npm run db -- watch          # re-run migrations/current.sql on every save
 *   npm run db -- commit -m "…"  # move current.sql into committed/
 *   npm run db -- migrate        # apply committed migrations
 *   npm run db -- status | uncommit | reset --erase
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ConfigError, loadConfig } from "../lib/infra/config.ts";
import { createLogger } from "../lib/infra/logger.ts";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import { workerLogger } from "../lib/infra/graphile-logger.ts";
import { prepareDatabase } from "./prepare.ts";
import { databaseName, withDatabase } from "./pool.ts";

function graphileMigrateBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("graphile-migrate/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin: Record<string, string> };
  return path.join(path.dirname(pkgPath), pkg.bin["graphile-migrate"]!);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    process.stderr.write("usage: npm run db -- <graphile-migrate command> [options]\n");
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel, "db");
  const database = await prepareDatabase(config, logger, { migrate: false });
  try {
    await runWorkerMigrations({ connectionString: database.ownerUrl, logger: workerLogger(logger) });
    const env = {
      ...process.env,
      DATABASE_URL: database.ownerUrl,
      SHADOW_DATABASE_URL: process.env.SHADOW_DATABASE_URL ?? withDatabase(database.ownerUrl, `${databaseName(database.ownerUrl)}_shadow`),
      ROOT_DATABASE_URL: process.env.ROOT_DATABASE_URL ?? withDatabase(database.ownerUrl, "postgres"),
    };
    const child = spawn(process.execPath, [graphileMigrateBin(), ...args], { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    return await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
