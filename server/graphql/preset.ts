/**
 * PostGraphile v5: the amber preset with simplified inflection over the
 * `app_public` schema, connecting as `authenticator` and switching role per
 * request. Everything a client sees comes from the database's grants, RLS
 * policies, functions and COMMENTs.
 */
import { depthLimit } from "@graphile/depth-limit";
import { PersistedPlugin } from "@grafserv/persisted";
import { NoSchemaIntrospectionCustomRule } from "postgraphile/graphql";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import type { Pool } from "../../db/pool.ts";
import type { Config } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import type { SessionCheck } from "../auth/session-check.ts";
import { identifyConnection, identityOfRequest, pgSettingsFor } from "./context.ts";
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

export function makePreset(opts: {
  config: Config;
  pool: Pool;
  logger: Logger;
  /** With Redis: home feed pages from cached candidates. */
  homeFeedCandidates?: HomeFeedCandidates | undefined;
  /** Called for each signed-in request (last activity, from which address). */
  onViewer?: ((userId: string, ip: string | undefined) => void) | undefined;
  /** Whether a token's user and session are alive (websockets; HTTP requests are checked by `refuseBadTokens`). */
  sessions?: SessionCheck | undefined;
}): GraphileConfig.Preset {
  const { config, pool, logger, homeFeedCandidates, onViewer, sessions } = opts;
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
    plugins: [
      // Trusted documents (persisted operations), for first-party clients in production: see docs/security.md.
      ...(config.graphql.trustedDocumentsDir ? [PersistedPlugin] : []),
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
      async context(requestContext) {
        // Over HTTP the token was checked before GraphQL (context.ts, refuseBadTokens);
        // over websockets each operation checks the connection's.
        const req = requestContext.expressv4?.req;
        const params = requestContext.ws?.normalizedConnectionParams as Record<string, unknown> | undefined;
        const identity = (req && identityOfRequest(req)) ?? (await identifyConnection(params, config, sessions));
        const viewerId = identity.claims.role === "authenticated" ? identity.claims.sub : undefined;
        if (viewerId) onViewer?.(viewerId, req?.ip);
        return {
          pgSettings: pgSettingsFor(identity, config.graphql.statementTimeoutMs, {
            messageKeys: config.messages.keyring.setting,
            ip: req?.ip,
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
      ...(config.graphql.trustedDocumentsDir
        ? {
            persistedOperationsDirectory: config.graphql.trustedDocumentsDir,
            allowUnpersistedOperation: config.graphql.allowUntrustedDocuments,
          }
        : {}),
    },
    schema: {
      dontSwallowErrors: true,
      sortExport: true,
    },
  };
}
