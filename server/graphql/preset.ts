/**
 * PostGraphile v5: the amber preset with simplified inflection over the
 * `app_public` schema, connecting as `authenticator` and switching role per
 * request. Everything a client sees comes from the database's grants, RLS
 * policies, functions and COMMENTs.
 */
import { depthLimit } from "@graphile/depth-limit";
import { NoSchemaIntrospectionCustomRule } from "postgraphile/graphql";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import type { Pool } from "../../db/pool.ts";
import type { Config } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import { headerValue, identify, pgSettingsFor } from "./context.ts";
import { checkDocumentSize, withCostLimits, type CostLimits } from "./cost-limits.ts";
import { makeMaskError } from "./errors.ts";
import { pageSizePlugin } from "./page-size.ts";
import { RefusalsPlugins } from "./refusals.ts";
import { FeedEventsPlugin } from "./feed-events.ts";
import { homeFeedCachePlugin, type HomeFeedCandidates } from "./home-feed.ts";
import { UserEventsPlugin } from "./user-events.ts";

export const GRAPHQL_PATH = "/graphql";

/**
 * What a document may be before it is planned: its size (before parsing), its
 * depth, and its cost (cost-limits.ts); no introspection unless enabled.
 * GraphiQL's and codegen tools' introspection query nests `ofType` 9 deep:
 * introspection gets its own, larger, depth limits (it is bounded by the schema).
 */
function documentLimitsPlugin(config: Config["graphql"]): GraphileConfig.Plugin {
  const limits: CostLimits = {
    maxDocumentBytes: config.maxDocumentBytes,
    maxAliases: config.maxAliases,
    maxFields: config.maxFields,
    maxCost: config.maxCost,
    maxPageSize: config.maxPageSize,
  };
  return {
    name: "DocumentLimitsPlugin",
    version: "1.0.0",
    grafserv: {
      middleware: {
        setPreset(next, event) {
          event.validationRules = withCostLimits(event.validationRules, limits);
          event.validationRules.push(
            depthLimit({
              maxDepth: config.depthLimit,
              maxListDepth: config.listDepthLimit,
              maxIntrospectionDepth: 16,
              maxDepthByFieldCoordinates: { "__Type.ofType": 10 },
            }),
          );
          if (!config.introspection) event.validationRules.push(NoSchemaIntrospectionCustomRule);
          return next();
        },
        processGraphQLRequestBody(next, event) {
          checkDocumentSize(event.body.query, limits.maxDocumentBytes);
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
      documentLimitsPlugin(config.graphql),
      ...pageSizePlugin(config.graphql.maxPageSize),
      ...RefusalsPlugins,
      FeedEventsPlugin,
      UserEventsPlugin,
      ...(homeFeedCandidates ? [homeFeedCachePlugin(homeFeedCandidates)] : []),
    ],
    pgServices: [makePgService({ pool, schemas: ["app_public"], pubsub: true })],
    grafast: {
      explain: false,
      timeouts: { planning: config.graphql.planningTimeoutMs, execution: config.graphql.executionTimeoutMs },
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
      maxRequestLength: config.graphql.maxBodyBytes,
      maskError: makeMaskError(logger),
    },
    schema: {
      dontSwallowErrors: true,
      sortExport: true,
    },
  };
}
