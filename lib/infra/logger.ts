import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";

export type { Logger };

/** The request being handled, so that every line logged while handling it names it. */
export const logContext = new AsyncLocalStorage<{ request_id: string }>();

/** JSON logs on stdout. One root logger per process; requests log through child loggers. */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["req.headers.authorization", "req.headers.apikey", "req.headers.cookie", "password", "*.password"],
      censor: "[redacted]",
    },
    mixin: requestIdMixin,
  });
}

/** Adds `request_id` to lines logged during a request, unless the logger already binds it. */
export function requestIdMixin(_merge: object, _level: number, logger: Logger): object {
  const store = logContext.getStore();
  if (!store || "request_id" in logger.bindings()) return {};
  return store;
}
