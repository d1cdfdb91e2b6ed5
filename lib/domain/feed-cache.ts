/**
 * Cached home feeds in Redis: candidates only. PostgreSQL decides every page
 * (app_public.home_feed_cached), so a stale, partial or missing cache costs
 * speed, never correctness. See docs/feeds.md.
 *
 * Per user, under one hash tag (one cluster slot):
 *   feed:home:{u}           sorted set: member = entry cursor "<µs>.<post>.<reposter|nil>", score = µs
 *   feed:home:{u}:meta      hash: version (followee version it was built for), floor (lowest entry
 *                           it is complete down to; "" = the whole feed)
 *   feed:home:{u}:gen       counter bumped by each invalidation; a rebuild started before one is discarded
 *   feed:home:{u}:building  set while a rebuild runs, so that pushes meanwhile are kept
 *   feed:home:{u}:requested set when a reader asked for a rebuild (asks once per 30 s)
 */
import type { Result } from "ioredis";
import type { Redis } from "../infra/redis.ts";

/** Kept this long after the last read: a returning user's cache is rebuilt. */
export const FEED_CACHE_TTL_S = 7 * 24 * 3600;
const BUILD_TTL_S = 120;
const REQUEST_TTL_S = 30;

const keys = (userId: string) => {
  const base = `feed:home:{${userId}}`;
  return { feed: base, meta: `${base}:meta`, gen: `${base}:gen`, building: `${base}:building`, requested: `${base}:requested` };
};

/** The score of an entry: the µs part of its cursor. */
const scoreOf = (member: string) => member.slice(0, member.indexOf("."));

// Read the entries at or below a score, newest first, if the cache exists; keep it alive.
const READ = `
local meta = redis.call('hmget', KEYS[2], 'version', 'floor')
if not meta[1] then return false end
local members = redis.call('zrange', KEYS[1], ARGV[1], '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, tonumber(ARGV[2]))
redis.call('expire', KEYS[1], ARGV[3])
redis.call('expire', KEYS[2], ARGV[3])
table.insert(members, 1, meta[2])
table.insert(members, 1, meta[1])
return members`;

// Add an entry to a cache that exists or is being built; trim to the cap, raising the floor.
const PUSH = `
if redis.call('exists', KEYS[2]) == 0 and redis.call('exists', KEYS[3]) == 0 then return 0 end
redis.call('zadd', KEYS[1], ARGV[1], ARGV[2])
local over = redis.call('zcard', KEYS[1]) - tonumber(ARGV[3])
if over > 0 then
  redis.call('zremrangebyrank', KEYS[1], 0, over - 1)
  if redis.call('exists', KEYS[2]) == 1 then
    redis.call('hset', KEYS[2], 'floor', redis.call('zrange', KEYS[1], 0, 0)[1])
  end
end
if redis.call('ttl', KEYS[1]) < 0 then redis.call('expire', KEYS[1], ARGV[4]) end
return 1`;

// Store a rebuilt cache unless it was invalidated since the rebuild began
// (ARGV: gen at start, version, floor, cap, ttl, then score/member pairs).
const STORE = `
if (redis.call('get', KEYS[3]) or '0') ~= ARGV[1] then
  redis.call('del', KEYS[4])
  return 0
end
for i = 6, #ARGV, 400 do
  redis.call('zadd', KEYS[1], unpack(ARGV, i, math.min(i + 399, #ARGV)))
end
local floor = ARGV[3]
local over = redis.call('zcard', KEYS[1]) - tonumber(ARGV[4])
if over > 0 then
  redis.call('zremrangebyrank', KEYS[1], 0, over - 1)
  floor = redis.call('zrange', KEYS[1], 0, 0)[1]
end
redis.call('hset', KEYS[2], 'version', ARGV[2], 'floor', floor)
redis.call('expire', KEYS[1], ARGV[5])
redis.call('expire', KEYS[2], ARGV[5])
redis.call('del', KEYS[4])
return 1`;

declare module "ioredis" {
  interface RedisCommander<Context> {
    feedRead(feed: string, meta: string, maxScore: string, limit: number, ttl: number): Result<string[] | null, Context>;
    feedPush(
      feed: string,
      meta: string,
      building: string,
      score: string,
      member: string,
      cap: number,
      ttl: number,
    ): Result<number, Context>;
    feedStore(feed: string, meta: string, gen: string, building: string, ...args: (string | number)[]): Result<number, Context>;
  }
}

function defineCommands(redis: Redis): void {
  if (typeof redis.feedRead === "function") return;
  redis.defineCommand("feedRead", { numberOfKeys: 2, lua: READ });
  redis.defineCommand("feedPush", { numberOfKeys: 3, lua: PUSH });
  redis.defineCommand("feedStore", { numberOfKeys: 4, lua: STORE });
}

/** What the cache offers for one page: members after the cursor, and what they can be trusted for. */
export interface CachedCandidates {
  members: string[];
  /** The lowest entry the members are complete down to; "" when they reach the start of the feed. */
  floor: string;
  /** The followee version the cache was built for. */
  version: string;
}

export class FeedCache {
  readonly redis: Redis;

  constructor(redis: Redis) {
    this.redis = redis;
    defineCommands(redis);
  }

  /**
   * Members at or after `cursor` (ties included; PostgreSQL applies the
   * cursor exactly), up to `limit`. Null when the user has no cache.
   */
  async read(userId: string, cursor: string | null, limit: number): Promise<CachedCandidates | null> {
    const k = keys(userId);
    const maxScore = cursor === null ? "+inf" : scoreOf(cursor);
    if (!/^(\+inf|\d{1,17})$/.test(maxScore)) return null; // a malformed cursor: PostgreSQL rejects it
    const reply = await this.redis.feedRead(k.feed, k.meta, maxScore, limit, FEED_CACHE_TTL_S);
    if (!reply) return null;
    const [version = "0", metaFloor = "", ...members] = reply;
    // Cut short by the limit: complete only down to the last member returned.
    const floor = members.length >= limit ? members[members.length - 1]! : metaFloor;
    return { members, floor, version };
  }

  /** True the first time in REQUEST_TTL_S that a rebuild is asked for (the caller then queues it). */
  async claimRebuildRequest(userId: string): Promise<boolean> {
    return (await this.redis.set(keys(userId).requested, "1", "EX", REQUEST_TTL_S, "NX")) === "OK";
  }

  /** Push one entry into the caches of these users (only those that exist or are being built). */
  async push(userIds: readonly string[], member: string, cap: number): Promise<number> {
    const score = scoreOf(member);
    let pushed = 0;
    for (let i = 0; i < userIds.length; i += 1000) {
      const pipeline = this.redis.pipeline();
      for (const u of userIds.slice(i, i + 1000)) {
        const k = keys(u);
        pipeline.feedPush(k.feed, k.meta, k.building, score, member, cap, FEED_CACHE_TTL_S);
      }
      for (const [err, n] of (await pipeline.exec()) ?? []) {
        if (err) throw err;
        pushed += Number(n);
      }
    }
    return pushed;
  }

  /** Drop a user's cache; a rebuild already running will not store its result. */
  async invalidate(userId: string): Promise<void> {
    const k = keys(userId);
    await this.redis
      .multi()
      .incr(k.gen)
      .expire(k.gen, 30 * 24 * 3600)
      .del(k.feed, k.meta)
      .exec();
  }

  /**
   * Rebuild a user's cache: mark it building (pushes from now on are kept),
   * then take the entries from PostgreSQL and store them together with the
   * pushed ones, unless it was invalidated meanwhile.
   */
  async rebuild(userId: string, load: () => Promise<{ version: string; cap: number; entries: string[] }>): Promise<boolean> {
    const k = keys(userId);
    const replies = await this.redis.multi().get(k.gen).set(k.building, "1", "EX", BUILD_TTL_S).exec();
    const gen = (replies?.[0]?.[1] as string | null | undefined) ?? "0";
    const { version, cap, entries } = await load();
    // Fewer than the cap: the entries are the whole feed.
    const floor = entries.length < cap ? "" : entries[entries.length - 1]!;
    const pairs = entries.flatMap((m) => [scoreOf(m), m]);
    const stored = await this.redis.feedStore(k.feed, k.meta, k.gen, k.building, gen, version, floor, cap, FEED_CACHE_TTL_S, ...pairs);
    return stored === 1;
  }
}
