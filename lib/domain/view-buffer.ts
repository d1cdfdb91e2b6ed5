/**
 * The Redis buffer of view events, and its hand-off to PostgreSQL.
 *
 * Ingestion (server): each view is stamped with the viewer, IP and server
 * time, pre-filtered (a view already buffered for the same post and viewer or
 * IP within the window is dropped) and appended to the list `views:buffer`,
 * both in one Lua script, so that an event is never marked seen without being
 * buffered. PostgreSQL still decides what counts (app_private.count_post_view).
 *
 * Sync (worker, every 5 minutes), rename-then-drain:
 *   1. claim: atomically, if no batch is draining, RENAME the buffer to
 *      `views:draining` and give it a new batch id (kept in `views:draining:id`);
 *      if one is draining already (a sync stopped half-way), resume it.
 *   2. drain: read the frozen list in chunks; each chunk is applied in one
 *      PostgreSQL transaction with the idempotency key `<batch id>:<offset>`
 *      (app_private.ingest_view_batch records it in the same transaction).
 *   3. release: delete the draining list, only if it is still this batch.
 * A crash anywhere repeats at most a chunk, which PostgreSQL recognizes by its
 * key and skips: nothing counted twice; nothing is deleted from Redis before
 * PostgreSQL has committed it: nothing lost.
 */
import { randomUUID } from "node:crypto";
import type { ClientBase } from "pg";
import type { Redis } from "../infra/redis.ts";

export const VIEW_KEYS = {
  buffer: "views:buffer",
  draining: "views:draining",
  drainingId: "views:draining:id",
  seen: (postId: string, viewerKey: string) => `views:seen:${postId}:${viewerKey}`,
} as const;

/** Seconds a buffered view pre-filters repeats (the SQL rule's default window, 24 h). */
export const SEEN_TTL_S = 24 * 3600;

export interface ViewEvent {
  post_id: string;
  viewer_id: string | null;
  ip: string | null;
  /** ISO time stamped by the server. */
  at: string;
}

const ENQUEUE = `
local queued = 0
for i = 2, #KEYS do
  if redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then
    redis.call('RPUSH', KEYS[1], ARGV[i])
    queued = queued + 1
  end
end
return queued`;

const CLAIM = `
if redis.call('EXISTS', KEYS[2]) == 1 then return redis.call('GET', KEYS[3]) end
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SET', KEYS[3], ARGV[1])
return ARGV[1]`;

// A chunk of the batch, or nil when the batch is no longer draining (another sync finished it).
const READ = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return false end
return redis.call('LRANGE', KEYS[1], ARGV[2], ARGV[3])`;

const RELEASE = `
if redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 1
end
return 0`;

/** Buffer views; returns how many were buffered (the rest were repeats within the window). */
export async function enqueueViews(redis: Redis, events: ViewEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const keys = [VIEW_KEYS.buffer, ...events.map((e) => VIEW_KEYS.seen(e.post_id, e.viewer_id ?? `ip:${e.ip ?? ""}`))];
  const args = [String(SEEN_TTL_S), ...events.map((e) => JSON.stringify(e))];
  return Number(await redis.eval(ENQUEUE, keys.length, ...keys, ...args));
}

/** Points where a test may interrupt the sync, as a crash would. */
export type SyncStep = "claimed" | "chunk-read" | "chunk-committed" | "drained";

export interface SyncResult {
  batches: number;
  events: number;
  counted: number;
}

/**
 * Move buffered views into PostgreSQL (see the module comment). `pg` is a
 * client as the owner; `onStep` is called at each step (tests throw from it).
 */
export async function syncViews(
  redis: Redis,
  pg: ClientBase,
  opts: { chunkSize?: number; maxBatches?: number; onStep?: (step: SyncStep) => void | Promise<void> } = {},
): Promise<SyncResult> {
  const chunkSize = opts.chunkSize ?? 2000;
  const result: SyncResult = { batches: 0, events: 0, counted: 0 };
  for (let round = 0; round < (opts.maxBatches ?? 20); round++) {
    const batchId = (await redis.eval(CLAIM, 3, VIEW_KEYS.buffer, VIEW_KEYS.draining, VIEW_KEYS.drainingId, randomUUID())) as string | null;
    if (!batchId) break;
    await opts.onStep?.("claimed");
    const length = await redis.llen(VIEW_KEYS.draining);
    for (let offset = 0; offset < length; offset += chunkSize) {
      const chunk = (await redis.eval(READ, 2, VIEW_KEYS.draining, VIEW_KEYS.drainingId, batchId, offset, offset + chunkSize - 1)) as
        string[] | null;
      if (!chunk) break; // another sync finished this batch
      await opts.onStep?.("chunk-read");
      const events = `[${chunk.join(",")}]`;
      const { rows } = await pg.query<{ counted: number }>("select app_private.ingest_view_batch($1, $2::jsonb) as counted", [
        `${batchId}:${offset}`,
        events,
      ]);
      result.events += chunk.length;
      result.counted += rows[0]?.counted ?? 0;
      await opts.onStep?.("chunk-committed");
    }
    await opts.onStep?.("drained");
    await redis.eval(RELEASE, 2, VIEW_KEYS.draining, VIEW_KEYS.drainingId, batchId);
    result.batches++;
  }
  return result;
}
