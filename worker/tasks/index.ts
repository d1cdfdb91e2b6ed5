import type { TaskList } from "graphile-worker";
import type { Config } from "../../lib/config.ts";
import type { Logger } from "../../lib/logger.ts";
import type { Redis } from "../../lib/redis.ts";
import { analytics__rollup } from "./analytics__rollup.ts";
import { makeSyncViews } from "./analytics__sync_views.ts";
import { cheat__detect } from "./cheat__detect.ts";
import { feed__fan_out } from "./feed__fan_out.ts";
import { makeMailSend } from "./mail__send.ts";
import { revenue__monthly } from "./revenue__monthly.ts";
import { worker__heartbeat } from "./worker__heartbeat.ts";

/** Everything the worker can run. Each task calls SQL; none re-implements a rule. */
export function makeTaskList(config: Config, logger: Logger, redis: Redis | undefined): TaskList {
  return {
    analytics__rollup,
    analytics__sync_views: makeSyncViews(redis),
    cheat__detect,
    feed__fan_out,
    mail__send: makeMailSend(config, logger),
    revenue__monthly,
    worker__heartbeat,
  };
}
