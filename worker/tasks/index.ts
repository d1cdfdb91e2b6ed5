import type { TaskList } from "graphile-worker";
import type { Config } from "../../lib/config.ts";
import type { FeedCache } from "../../lib/feed-cache.ts";
import type { Logger } from "../../lib/logger.ts";
import { makeFeedFanOut, makeFeedInvalidate, makeFeedRebuild } from "./feed.ts";
import { makeMailSend } from "./mail__send.ts";
import { worker__heartbeat } from "./worker__heartbeat.ts";

/** Everything the worker can run. Each task calls SQL; none re-implements a rule. */
export function makeTaskList(config: Config, logger: Logger, feedCache: FeedCache | undefined): TaskList {
  return {
    feed__fan_out: makeFeedFanOut(feedCache),
    feed__invalidate: makeFeedInvalidate(feedCache),
    feed__rebuild: makeFeedRebuild(feedCache),
    mail__send: makeMailSend(config, logger),
    worker__heartbeat,
  };
}
