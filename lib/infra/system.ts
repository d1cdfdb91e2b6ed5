/**
 * Start and stop the whole system, or a part of it: database (embedded or
 * configured, migrated), HTTP server, worker. Used by `npm start`,
 * `npm run server`, `npm run worker` and the tests.
 */
import type { Runner } from "graphile-worker";
import { createPool, type Pool } from "../../db/pool.ts";
import { prepareDatabase, type Database } from "../../db/prepare.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import { createRedis, redisReady, type Redis } from "./redis.ts";
import type { HttpServer } from "../../server/app.ts";

export interface SystemOptions {
  server: boolean;
  worker: boolean;
  /** An already prepared database (tests); otherwise prepared here. */
  database?: Database;
}

export interface System {
  config: Config;
  database: Database;
  ownerPool: Pool;
  authenticatorPool: Pool | undefined;
  redis: Redis | undefined;
  http: HttpServer | undefined;
  worker: Runner | undefined;
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:3000 */
  url: string | undefined;
  /** Graceful: stop accepting, finish in-flight requests and jobs, release everything. */
  stop(): Promise<void>;
}

export async function startSystem(config: Config, logger: Logger, options: SystemOptions): Promise<System> {
  const database = options.database ?? (await prepareDatabase(config, logger));
  const ownerPool = createPool(database.ownerUrl, options.server ? 10 : config.worker.concurrency + 2, "owner", logger);
  const authenticatorPool = options.server
    ? createPool(database.authenticatorUrl, config.databasePoolSize, "authenticator", logger)
    : undefined;
  const redis = config.redisUrl
    ? createRedis(config.redisUrl, logger, options.server ? "server" : "worker", config.redisKeyPrefix)
    : undefined;

  // Give Redis a moment, so that shared state (rate limits, caches) is shared from the first request.
  if (redis && !(await redisReady(redis, 2000))) logger.warn("Redis not reachable at start; going on with PostgreSQL alone");

  let worker: Runner | undefined;
  let http: HttpServer | undefined;
  const release = async () => {
    await Promise.allSettled([ownerPool.end(), authenticatorPool?.end()]);
    redis?.disconnect();
    if (!options.database) await database.stop();
  };

  try {
    if (options.worker) {
      const { startWorker } = await import("../../worker/runner.ts");
      worker = await startWorker({ config, pool: ownerPool, logger, redis });
    }
    if (options.server && authenticatorPool) {
      const [{ startHttpServer }, { createMetrics }] = await Promise.all([
        import("../../server/app.ts"),
        import("../../server/metrics.ts"),
      ]);
      const metrics = createMetrics({ owner: ownerPool, authenticator: authenticatorPool }, ownerPool);
      http = await startHttpServer({ config, logger, ownerPool, authenticatorPool, redis, metrics });
    }
  } catch (err) {
    await worker?.stop().catch(() => undefined);
    await release();
    throw err;
  }

  const address = http?.server.address();
  const url = address && typeof address === "object" ? `http://127.0.0.1:${address.port}` : undefined;

  let stopping: Promise<void> | undefined;
  return {
    config,
    database,
    ownerPool,
    authenticatorPool,
    redis,
    http,
    worker,
    url,
    stop() {
      stopping ??= (async () => {
        // Requests first (they may queue jobs), then jobs, then connections.
        await http?.close(config.shutdownTimeoutMs / 2);
        await worker?.stop();
        await release();
      })();
      return stopping;
    },
  };
}
