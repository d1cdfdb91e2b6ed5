/**
 * The HTTP server: Express 5 with health, metrics, GraphQL (PostGraphile v5,
 * websockets included) and the JSON error handling around them.
 */
import { createServer, type Server } from "node:http";
import type { Duplex } from "node:stream";
import cors from "cors";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { postgraphile, type PostGraphileInstance } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/express/v4";
import type { Pool } from "../db/pool.ts";
import type { Config } from "../lib/infra/config.ts";
import type { Logger } from "../lib/infra/logger.ts";
import type { Redis } from "../lib/infra/redis.ts";
import { createPasswordHasher } from "./auth/passwords.ts";
import { createAuthRateLimiter } from "./auth/rate-limit.ts";
import { analyticsRouter } from "./analytics.ts";
import { authRouter } from "./auth/router.ts";
import { FeedCache } from "../lib/domain/feed-cache.ts";
import { activityTracker } from "./activity.ts";
import { HomeFeedCandidates } from "./graphql/home-feed.ts";
import { createSessionCheck } from "./auth/session-check.ts";
import { refuseBadTokens } from "./graphql/context.ts";
import { GRAPHQL_PATH, makePreset } from "./graphql/preset.ts";
import { healthRouter } from "./health.ts";
import type { Metrics } from "./metrics.ts";
import { requestLogging } from "./request-log.ts";

export interface HttpDeps {
  config: Config;
  logger: Logger;
  ownerPool: Pool;
  authenticatorPool: Pool;
  redis: Redis | undefined;
  metrics: Metrics;
}

export interface HttpServer {
  server: Server;
  pgl: PostGraphileInstance;
  /** Stop accepting, let in-flight requests finish (up to `timeoutMs`), then close the rest. */
  close(timeoutMs: number): Promise<void>;
}

/** A WebSocket close frame (FIN + opcode 8, unmasked, 2-byte payload) with status 1001, "going away". */
const WEBSOCKET_GOING_AWAY = Buffer.from([0x88, 0x02, 0x03, 0xe9]);

const CORS_ALLOWED_HEADERS = ["authorization", "apikey", "content-type", "x-client-info", "x-supabase-api-version", "x-request-id"];
const CORS_EXPOSED_HEADERS = ["X-Request-Id", "X-Supabase-Api-Version", "X-Total-Count", "Link", "x-sb-error-code"];

/** JSON errors for everything outside GraphQL (which answers in GraphQL's own shape). */
function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (res.headersSent) return;
    if (status >= 500) {
      (req.log ?? logger).error({ err }, "unhandled error");
      res.status(500).json({ error: "internal_error", message: "Internal server error", request_id: res.getHeader("X-Request-Id") });
      return;
    }
    const code = e.type === "entity.parse.failed" ? "bad_json" : e.type === "entity.too.large" ? "request_too_large" : "bad_request";
    res.status(status).json({ error: code, message: e.message ?? "Bad request" });
  };
}

export async function startHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const { config, logger } = deps;
  const app = express();
  const server = createServer(app);
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);

  app.use(requestLogging(logger));
  app.use(deps.metrics.httpMiddleware);
  app.use(
    helmet({
      // Ruru (GraphiQL, development only) needs inline scripts.
      contentSecurityPolicy: config.isProduction ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    cors({
      origin: config.corsOrigins === "*" ? true : config.corsOrigins,
      methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    }),
  );

  app.use("/health", healthRouter({ pool: deps.ownerPool, redis: deps.redis }));
  app.get("/metrics", async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });

  const hasher = createPasswordHasher(config.auth.bcryptCost);
  const limiter = createAuthRateLimiter(config.auth.rateLimitPerMinute, deps.redis);
  const sessions = createSessionCheck(deps.ownerPool, config.sessionCheckCacheMs);
  app.use("/auth/v1", authRouter({ config, pool: deps.ownerPool, logger, hasher, limiter, onSessionsEnded: (id) => sessions.forget(id) }));

  app.use("/analytics/v1", analyticsRouter({ config, pool: deps.authenticatorPool, redis: deps.redis, sessions }));
  app.use(GRAPHQL_PATH, refuseBadTokens(config, sessions));

  const homeFeedCandidates =
    deps.redis &&
    new HomeFeedCandidates(
      new FeedCache(deps.redis),
      async (userId) => {
        await deps.ownerPool.query(
          "select app_private.add_job('feed__rebuild', json_build_object('user_id', $1::uuid), 'feed__rebuild:' || $1)",
          [userId],
        );
      },
      logger,
    );
  const preset = makePreset({
    config,
    pool: deps.authenticatorPool,
    logger,
    homeFeedCandidates,
    onViewer: activityTracker(deps.ownerPool, logger),
    sessions,
  });
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await serv.addTo(app, server);
  // Upgraded (websocket) sockets, to end at shutdown.
  const websockets = new Set<Duplex>();
  server.on("upgrade", (_req, socket: Duplex) => {
    websockets.add(socket);
    socket.once("close", () => websockets.delete(socket));
  });

  app.use((_req, res) => {
    res.status(404).json({ error: "not_found", message: "Not found" });
  });
  app.use(errorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    server.once("error", (err) => {
      void hasher.close();
      reject(err);
    });
    server.listen(config.port, config.host, () => {
      server.removeAllListeners("error");
      resolve();
    });
  });

  return {
    server,
    pgl,
    async close(timeoutMs) {
      // 1. Stop accepting.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // 2. Subscriptions have no request to finish: close their websockets now
      //    with "going away" (1001), so that clients reconnect elsewhere.
      for (const socket of websockets) socket.end(WEBSOCKET_GOING_AWAY);
      // 3. Let in-flight requests finish; keep-alive connections are closed as
      //    they become idle, and whatever is left at the deadline.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => {
        server.closeAllConnections();
        for (const socket of websockets) socket.destroy();
      }, timeoutMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
      // 4. Release PostGraphile, then the pg service's LISTEN client, which
      //    PostGraphile does not release (ending the pool would wait for it).
      await pgl.release();
      for (const service of preset.pgServices ?? []) await service.release?.();
      await hasher.close();
    },
  };
}
