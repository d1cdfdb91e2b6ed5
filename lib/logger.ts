import { pino, type Logger } from "pino";

export type { Logger };

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
  });
}
