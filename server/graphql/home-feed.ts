/**
 * `homeFeed` through the Redis cache. The field's plan is replaced: a lambda
 * step reads the viewer's cached candidates (members after the cursor), and
 * the page comes from `app_public.home_feed_cached`, which re-applies the
 * whole rule and falls back to `home_feed` whenever the cache cannot give the
 * exact page. Without a cache (none configured, none built yet, Redis down)
 * the candidates are null and the function is `home_feed`: same pages either way.
 */
import { connection, context, lambda, list } from "postgraphile/grafast";
import { listOfCodec, TYPES } from "postgraphile/@dataplan/pg";
import { wrapPlans } from "postgraphile/utils";
import type { CachedCandidates, FeedCache } from "../../lib/domain/feed-cache.ts";
import type { Logger } from "../../lib/infra/logger.ts";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Grafast.Context is a global namespace; augmenting it is the documented way to type context keys
  namespace Grafast {
    interface Context {
      /** The signed-in user (the token's `sub`), if any. */
      viewerId?: string | undefined;
    }
  }
}

/** Candidates for a page of a viewer's home feed, or null (then PostgreSQL alone decides). */
export class HomeFeedCandidates {
  readonly #cache: FeedCache;
  readonly #queueRebuild: (userId: string) => Promise<void>;
  readonly #logger: Logger;

  constructor(cache: FeedCache, queueRebuild: (userId: string) => Promise<void>, logger: Logger) {
    this.#cache = cache;
    this.#queueRebuild = queueRebuild;
    this.#logger = logger;
  }

  async forPage(
    userId: string | undefined,
    cursor: string | null | undefined,
    maxResults: number | null | undefined,
  ): Promise<CachedCandidates | null> {
    if (!userId) return null;
    // Enough members for the page after the rule drops some (each costs a
    // lookup in PostgreSQL); when too many are dropped, PostgreSQL falls back.
    const limit = 2 * Math.min(Math.max(maxResults ?? 20, 1), 100) + 10;
    try {
      const found = await this.#cache.read(userId, cursor ?? null, limit);
      if (!found && (await this.#cache.claimRebuildRequest(userId))) {
        this.#queueRebuild(userId).catch((err: unknown) => this.#logger.warn({ err }, "could not queue a feed cache rebuild"));
      }
      return found;
    } catch (err) {
      this.#logger.debug({ err }, "feed cache unavailable; serving from PostgreSQL");
      return null;
    }
  }
}

export function homeFeedCachePlugin(candidates: HomeFeedCandidates): GraphileConfig.Plugin {
  return wrapPlans((build) => {
    const resource = build.pgResources?.home_feed_cached;
    if (!resource) throw new Error("homeFeedCachePlugin: app_public.home_feed_cached is missing");
    return {
      Query: {
        homeFeed(_plan, _$source, fieldArgs) {
          const $cursor = fieldArgs.getRaw("cursor");
          const $max = fieldArgs.getRaw("maxResults");
          const $found = lambda(list([context().get("viewerId"), $cursor, $max]), ([viewer, cursor, max]) =>
            candidates.forPage(viewer, cursor as string | null | undefined, max as number | null | undefined),
          );
          const $select = resource.execute([
            { step: $cursor, pgCodec: TYPES.text, name: "cursor" },
            { step: $max, pgCodec: TYPES.int, name: "max_results" },
            { step: lambda($found, (f) => f?.members ?? null, true), pgCodec: listOfCodec(TYPES.text), name: "cached" },
            { step: lambda($found, (f) => f?.floor ?? null, true), pgCodec: TYPES.text, name: "cache_floor" },
            { step: lambda($found, (f) => f?.version ?? null, true), pgCodec: TYPES.bigint, name: "cache_version" },
          ]);
          return connection($select as never);
        },
      },
    };
  });
}
