/**
 * Which errors reach GraphQL clients.
 *
 * Errors raised in SQL carry a SQLSTATE. Business rules raise our own codes
 * (docs/error-codes.md): a letter first, other than F, H, P or X, which
 * PostgreSQL reserves. Those, data exceptions (class 22: bad input), integrity
 * violations (class 23), permission errors (42501, RLS) and plain `raise
 * exception` (P0001) are shown with their message and code. Everything else
 * is masked and logged with an id the client can quote.
 */
import { randomUUID } from "node:crypto";
import { isSafeError } from "postgraphile/grafast";
import { GraphQLError } from "postgraphile/graphql";
import type { Logger } from "../../lib/infra/logger.ts";

const OWN_CODE = /^[A-EG-OQ-WYZ][0-9A-Z]{4}$/;
const EXPOSED_CODES = new Set(["42501", "P0001"]);
const EXPOSED_CLASSES = new Set(["22", "23"]);

interface PgLikeError {
  code: string;
  message: string;
  hint?: string;
}

function sqlError(e: unknown): PgLikeError | undefined {
  if (e instanceof Error && typeof (e as { code?: unknown }).code === "string") return e as Error & PgLikeError;
  return undefined;
}

export function isExposedSqlState(code: string): boolean {
  return OWN_CODE.test(code) || EXPOSED_CODES.has(code) || EXPOSED_CLASSES.has(code.slice(0, 2));
}

export function makeMaskError(logger: Logger) {
  return function maskError(error: GraphQLError): GraphQLError {
    const original = error.originalError;
    // GraphQL's own errors (validation, nullability) and SafeErrors pass as they are.
    if (!original || original instanceof GraphQLError) return error;
    const sql = sqlError(original);
    const base = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: original };
    if (sql && isExposedSqlState(sql.code)) {
      const message = sql.code === "42501" && /row-level security/.test(sql.message) ? "Permission denied" : sql.message;
      return new GraphQLError(message, { ...base, extensions: { code: sql.code, ...(sql.hint ? { hint: sql.hint } : {}) } });
    }
    if (isSafeError(original)) return new GraphQLError(original.message, { ...base, extensions: original.extensions ?? {} });
    // A refused token (preset.ts: over HTTP a 401; over websockets the operation's error) says so.
    if ((original as { statusCode?: unknown }).statusCode === 401) {
      return new GraphQLError(original.message, { ...base, extensions: { code: "UNAUTHORIZED" } });
    }
    const errorId = randomUUID();
    logger.error({ err: original, errorId, path: error.path }, "masked GraphQL error");
    return new GraphQLError(`An unexpected error occurred (error id ${errorId})`, { ...base, extensions: { errorId } });
  };
}
