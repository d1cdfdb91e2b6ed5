/**
 * Process entry shared by `npm start` (server + worker), `npm run server` and
 * `npm run worker`: configuration, start-up, signals, exit.
 */
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { startSystem, type System, type SystemOptions } from "./system.ts";

export async function runProcess(
  name: string,
  options: Omit<SystemOptions, "database">,
  onStarted?: (system: System, logger: Logger, config: Config) => void,
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  // Grafast reads this when first loaded (after configuration, see system.ts).
  process.env.GRAPHILE_ENV ??= config.isProduction ? "production" : "development";
  const logger = createLogger(config.logLevel, name);
  const started = Date.now();
  let system: System;
  try {
    system = await startSystem(config, logger, options);
  } catch (err) {
    logger.fatal({ err }, "failed to start");
    process.exit(1);
  }
  logger.info(
    { ms: Date.now() - started, url: system.url, worker: options.worker, embeddedDatabase: !!system.database.embedded },
    "started",
  );
  onStarted?.(system, logger, config);

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    // Hard limit: whatever happens, exit before orchestrators escalate to SIGKILL.
    setTimeout(() => {
      logger.error("shutdown timed out; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs + 1500).unref();
    system.stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}
