import path from "node:path";
import { run, type Runner } from "graphile-worker";
import type { Pool } from "../db/pool.ts";
import { projectRoot, type Config } from "../lib/infra/config.ts";
import { workerLogger } from "../lib/infra/graphile-logger.ts";
import type { Logger } from "../lib/infra/logger.ts";
import type { Redis } from "../lib/infra/redis.ts";
import { makeTaskList } from "./tasks/index.ts";

export const CRONTAB_FILE = path.join(projectRoot, "worker", "crontab");

/**
 * Start graphile-worker on the owner pool. Jobs live in PostgreSQL, so they
 * survive restarts; a job whose worker died is retried once its lock expires.
 * Signals are ours to handle (see server/system.ts).
 */
export async function startWorker(deps: { config: Config; pool: Pool; logger: Logger; redis: Redis | undefined }): Promise<Runner> {
  const runner = await run({
    pgPool: deps.pool,
    taskList: makeTaskList(deps.config, deps.logger, deps.redis),
    crontabFile: CRONTAB_FILE,
    concurrency: deps.config.worker.concurrency,
    pollInterval: deps.config.worker.pollIntervalMs,
    noHandleSignals: true,
    logger: workerLogger(deps.logger),
  });
  // Report for /health at once rather than at the next minute.
  await runner.addJob("worker__heartbeat", {});
  return runner;
}
