import type { Logger } from "../../lib/infra/logger.ts";
import type { PushAdapter } from "./adapter.ts";

/** The default push adapter: writes each push to the log (development, or no push provider configured). */
export function makeLoggingPushAdapter(logger: Logger): PushAdapter {
  return {
    name: "log",
    send(message) {
      logger.info({ push: message }, "push (logged, not sent)");
      return Promise.resolve();
    },
  };
}
