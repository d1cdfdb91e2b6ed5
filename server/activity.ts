/**
 * Last activity ("online status") and where users are signed in: each
 * signed-in GraphQL request records that its user is active, and from which
 * address, at most once a minute per user and address from this process,
 * without delaying the request. The writes themselves (with their own
 * once-a-minute limits) are app_private.touch_activity and
 * app_private.record_signed_in_address (a creator's own signed-out views do
 * not count).
 */
import type { Pool } from "../db/pool.ts";
import type { Logger } from "../lib/infra/logger.ts";

const INTERVAL_MS = 60_000;
const MAX_TRACKED = 100_000;

export function activityTracker(pool: Pool, logger: Logger): (userId: string, ip?: string) => void {
  let seen = new Map<string, number>();
  return (userId, ip) => {
    const now = Date.now();
    const key = `${userId}/${ip ?? ""}`;
    if (now - (seen.get(key) ?? 0) < INTERVAL_MS) return;
    if (seen.size >= MAX_TRACKED) seen = new Map();
    seen.set(key, now);
    pool
      .query("select app_private.touch_activity($1), app_private.record_signed_in_address($1, $2::inet)", [userId, ip ?? null])
      .catch((err: unknown) => {
        logger.warn({ err }, "could not record activity");
      });
  };
}
