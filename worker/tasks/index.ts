import type { TaskList } from "graphile-worker";
import type { Config } from "../../lib/infra/config.ts";
import { FeedCache } from "../../lib/domain/feed-cache.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import type { Redis } from "../../lib/infra/redis.ts";
import { makeLoggingPushAdapter } from "../push/logging.ts";
import { analytics__rollup } from "./analytics__rollup.ts";
import { makeSyncViews } from "./analytics__sync_views.ts";
import { cheat__detect } from "./cheat__detect.ts";
import { makeFeedFanOut, makeFeedInvalidate, makeFeedRebuild } from "./feed.ts";
import { makeMailSend } from "./mail__send.ts";
import { messages__delete_expired } from "./messages__delete_expired.ts";
import { makeMessagesReencrypt } from "./messages__reencrypt.ts";
import { makeNotificationPush } from "./notification__push.ts";
import { revenue__monthly } from "./revenue__monthly.ts";
import { worker__heartbeat } from "./worker__heartbeat.ts";

/** Everything the worker can run. Each task calls SQL; none re-implements a rule. */
export function makeTaskList(config: Config, logger: Logger, redis: Redis | undefined): TaskList {
  const feedCache = redis && new FeedCache(redis);
  return {
    analytics__rollup,
    analytics__sync_views: makeSyncViews(redis),
    cheat__detect,
    feed__fan_out: makeFeedFanOut(feedCache),
    feed__invalidate: makeFeedInvalidate(feedCache),
    feed__rebuild: makeFeedRebuild(feedCache),
    mail__send: makeMailSend(config, logger),
    messages__delete_expired,
    messages__reencrypt: makeMessagesReencrypt(config.messages.keyring),
    notification__push: makeNotificationPush(makeLoggingPushAdapter(logger)),
    revenue__monthly,
    worker__heartbeat,
  };
}
