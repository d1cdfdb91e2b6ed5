import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import { logContext, type Logger } from "../lib/infra/logger.ts";

const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * One JSON log line per request, and `req.log` for everything logged while
 * handling it; both carry the request id, which is also sent back as
 * `X-Request-Id` (a caller's own id is kept when it looks like one).
 */
export function requestLogging(logger: Logger) {
  const httpLogger = pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && VALID_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // Every line logged through req.log carries `request_id` (not the whole request).
    quietReqLogger: true,
    customAttributeKeys: { reqId: "request_id" },
    serializers: {
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel(_req, res, err) {
      // 503 is a deliberate answer (health checks, overload), not a fault.
      if (res.statusCode === 503) return "warn";
      if (err || res.statusCode >= 500) return "error";
      if (res.statusCode >= 400) return "info";
      return "debug";
    },
    autoLogging: { ignore: (req) => req.url === "/health/live" || req.url === "/health/ping" },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    httpLogger(req, res);
    // genReqId above always gives a string, which pino-http keeps as req.id (typed string | number | object).
    logContext.run({ request_id: req.id as string }, next);
  };
}
