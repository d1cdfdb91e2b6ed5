/**
 * PostGraphile v5: the amber preset with simplified inflection over the
 * `app_public` schema, connecting as `authenticator` and switching role per
 * request. Everything a client sees comes from the database's grants, RLS
 * policies, functions and COMMENTs.
 */
import { depthLimit } from "@graphile/depth-limit";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import type { Pool } from "../../db/pool.ts";
import type { Config } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import { headerValue, identify, pgSettingsFor } from "./context.ts";
import { makeMaskError } from "./errors.ts";
import { FeedEventsPlugin } from "./feed-events.ts";
import { homeFeedCachePlugin, type HomeFeedCandidates } from "./home-feed.ts";
import { UserEventsPlugin } from "./user-events.ts";

export const GRAPHQL_PATH = "/graphql";

function depthLimitPlugin(maxDepth: number, maxListDepth: number): GraphileConfig.Plugin {
  return {
    name: "DepthLimitPlugin",
    version: "1.0.0",
    grafserv: {
      middleware: {
        setPreset(next, event) {
          event.validationRules.push(depthLimit({ maxDepth, maxListDepth }));
          return next();
        },
      },
    },
  };
}

/** Thrown for a bad token; grafserv answers with this status. */
class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
  statusCode = 401;
}

export function makePreset(opts: {
  config: Config;
  pool: Pool;
  logger: Logger;
  /** With Redis: home feed pages from cached candidates. */
  homeFeedCandidates?: HomeFeedCandidates | undefined;
  /** Called for each signed-in request (last activity). */
  onViewer?: ((userId: string) => void) | undefined;
}): GraphileConfig.Preset {
  const { config, pool, logger, homeFeedCandidates, onViewer } = opts;
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    plugins: [
      depthLimitPlugin(config.graphql.depthLimit, config.graphql.listDepthLimit),
      FeedEventsPlugin,
      UserEventsPlugin,
      ...(homeFeedCandidates ? [homeFeedCachePlugin(homeFeedCandidates)] : []),
    ],
    pgServices: [makePgService({ pool, schemas: ["app_public"], pubsub: true })],
    grafast: {
      explain: false,
      context(requestContext) {
        const headers = requestContext.node?.req.headers;
        const params = requestContext.ws?.normalizedConnectionParams as Record<string, unknown> | undefined;
        const authorization = headers
          ? headerValue(headers, "authorization")
          : typeof params?.authorization === "string"
            ? params.authorization
            : undefined;
        const apikey = headers ? headerValue(headers, "apikey") : typeof params?.apikey === "string" ? params.apikey : undefined;
        let identity;
        try {
          identity = identify(authorization, apikey, config.jwt.secret);
        } catch (err) {
          throw new UnauthorizedError(err instanceof Error ? err.message : "Invalid token");
        }
        const viewerId = identity.claims.role === "authenticated" ? identity.claims.sub : undefined;
        if (viewerId) onViewer?.(viewerId);
        return {
          pgSettings: pgSettingsFor(identity, config.graphql.statementTimeoutMs, {
            messageKeys: config.messages.keyring.setting,
            ip: requestContext.expressv4?.req.ip,
          }),
          viewerId,
        };
      },
    },
    grafserv: {
      graphqlPath: GRAPHQL_PATH,
      graphiql: !config.isProduction,
      graphiqlPath: "/graphiql",
      graphiqlOnGraphQLGET: false,
      websockets: true,
      maxRequestLength: 1_000_000,
      maskError: makeMaskError(logger),
    },
    schema: {
      dontSwallowErrors: true,
      sortExport: true,
    },
  };
}
