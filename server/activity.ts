/**
 * Last activity ("online status"): each signed-in GraphQL request records
 * that its user is active, at most once a minute per user from this process,
 * without delaying the request. The write itself (and its own once-a-minute
 * limit) is app_private.touch_activity.
 */
import type { Pool } from "../db/pool.ts";
import type { Logger } from "../lib/infra/logger.ts";

const INTERVAL_MS = 60_000;
const MAX_TRACKED = 100_000;

export function activityTracker(pool: Pool, logger: Logger): (userId: string) => void {
  let seen = new Map<string, number>();
  return (userId) => {
    const now = Date.now();
    if (now - (seen.get(userId) ?? 0) < INTERVAL_MS) return;
    if (seen.size >= MAX_TRACKED) seen = new Map();
    seen.set(userId, now);
    pool.query("select app_private.touch_activity($1)", [userId]).catch((err: unknown) => {
      logger.warn({ err }, "could not record activity");
    });
  };
}
