import type { Task } from "graphile-worker";
import type { Redis } from "../../lib/infra/redis.ts";
import { syncViews } from "../../lib/domain/view-buffer.ts";

/**
 * Counter sync (every 5 minutes): buffered views from Redis into PostgreSQL,
 * rename-then-drain with an idempotency key per chunk (lib/domain/view-buffer.ts).
 * Without Redis there is nothing buffered: views went straight to PostgreSQL.
 */
export function makeSyncViews(redis: Redis | undefined): Task {
  return async (_payload, helpers) => {
    if (!redis) return;
    const result = await helpers.withPgClient((client) => syncViews(redis, client));
    if (result.events)
      helpers.logger.info(`synced ${result.events} buffered views (${result.counted} counted) in ${result.batches} batch(es)`);
  };
}
