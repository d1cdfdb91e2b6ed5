import { Logger as MigrateLogger } from "graphile-migrate";
import { Logger as WorkerLogger } from "graphile-worker";
import type { Logger } from "./logger.ts";

type LogMeta = Record<string, unknown> | undefined;

function logFactory(logger: Logger, name: string) {
  const log = logger.child({ component: name });
  return (scope: object) => (level: string, message: string, meta?: LogMeta) => {
    const fields = { ...scope, ...meta };
    switch (String(level)) {
      case "error":
        return log.error(fields, message);
      case "warning":
        return log.warn(fields, message);
      case "info":
        return log.info(fields, message);
      default:
        return log.debug(fields, message);
    }
  };
}

/** Route graphile-worker logging into our JSON logger. */
export function workerLogger(logger: Logger, name = "worker"): WorkerLogger {
  return new WorkerLogger(logFactory(logger, name));
}

/** Route graphile-migrate logging into our JSON logger. */
export function migrateLogger(logger: Logger): MigrateLogger {
  return new MigrateLogger(logFactory(logger, "migrate"));
}
