/**
 * Home feed jobs. The recipients, the entries and every rule are SQL; these
 * tasks move their results into the Redis cache (when there is one) and
 * NOTIFY subscribers.
 */
import type { Task } from "graphile-worker";
import type { FeedCache } from "../../lib/domain/feed-cache.ts";

function uuidField(payload: unknown, name: string, task: string, optional = false): string | undefined {
  const v = (payload as Record<string, unknown> | null)?.[name];
  if (v === undefined && optional) return undefined;
  if (typeof v !== "string" || !/^[0-9a-f-]{36}$/i.test(v)) throw new Error(`${task}: payload.${name} must be a uuid`);
  return v;
}

/**
 * A new post (or a repost: `reposted_by`): tell subscribed followers who may
 * see a new post (app_private.notify_feed), and push the entry into the
 * caches of active followers (app_private.home_feed_cache_push).
 */
export function makeFeedFanOut(cache: FeedCache | undefined): Task {
  return async (payload, helpers) => {
    const postId = uuidField(payload, "post_id", "feed__fan_out")!;
    const reposter = uuidField(payload, "reposted_by", "feed__fan_out", true) ?? null;
    if (reposter === null) {
      const { rows } = await helpers.withPgClient((c) => c.query<{ n: number }>("select app_private.notify_feed($1) as n", [postId]));
      helpers.logger.debug(`post ${postId}: ${rows[0]?.n ?? 0} feed events`);
    }
    if (!cache) return;
    const { rows } = await helpers.withPgClient((c) =>
      c.query<{ member: string; cap: number; recipients: string[] }>("select * from app_private.home_feed_cache_push($1, $2)", [
        postId,
        reposter,
      ]),
    );
    const push = rows[0];
    if (!push?.member) return; // deleted meanwhile
    const n = await cache.push(push.recipients, push.member, push.cap);
    helpers.logger.debug(`entry ${push.member}: pushed into ${n} of ${push.recipients.length} caches`);
  };
}

/** The accounts a user follows changed: drop their cache (the next read rebuilds it). */
export function makeFeedInvalidate(cache: FeedCache | undefined): Task {
  return async (payload) => {
    const userId = uuidField(payload, "user_id", "feed__invalidate")!;
    await cache?.invalidate(userId);
  };
}

/** Build a user's cache from PostgreSQL (asked for by a read that found none). */
export function makeFeedRebuild(cache: FeedCache | undefined): Task {
  return async (payload, helpers) => {
    const userId = uuidField(payload, "user_id", "feed__rebuild")!;
    if (!cache) return;
    const stored = await cache.rebuild(userId, async () => {
      const { rows } = await helpers.withPgClient((c) =>
        c.query<{ version: string; cap: number; entries: string[] }>("select * from app_private.home_feed_cache_entries($1)", [userId]),
      );
      return rows[0]!;
    });
    helpers.logger.debug(`feed cache of ${userId}: ${stored ? "stored" : "discarded (invalidated meanwhile)"}`);
  };
}
