import { Redis } from "ioredis";
import type { Logger } from "./logger.ts";

export type { Redis };

/**
 * A Redis client for acceleration only: PostgreSQL stays the truth, so callers
 * treat a Redis failure as a cache miss. Commands fail fast while disconnected
 * instead of queueing. Every key is prefixed with REDIS_KEY_PREFIX.
 */
export function createRedis(url: string, logger: Logger, name: string, keyPrefix: string): Redis {
  const redis = new Redis(url, {
    connectionName: `pgsocial:${name}`,
    // Applied by ioredis to every key argument (not to SCAN/KEYS patterns).
    keyPrefix,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // A slow Redis must not slow requests down: give up and use PostgreSQL.
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  let lastLogged = 0;
  redis.on("error", (err: Error) => {
    // A down Redis reconnects every few seconds; log at most every 30 s.
    if (Date.now() - lastLogged > 30_000) {
      lastLogged = Date.now();
      logger.warn({ err: err.message, redis: name }, "redis unavailable; serving from PostgreSQL");
    }
  });
  return redis;
}

/** Wait until the client is ready (or give up after `ms`). */
export async function redisReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === "ready") return true;
  return await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => finish(false), ms);
    const onReady = () => finish(true);
    function finish(ok: boolean) {
      clearTimeout(timer);
      redis.off("ready", onReady);
      resolve(ok);
    }
    redis.once("ready", onReady);
  });
}
