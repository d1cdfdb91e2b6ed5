/**
 * Which errors reach GraphQL clients, and how.
 *
 * Errors raised in SQL carry a SQLSTATE. Our own codes (error-codes.ts, the
 * same list as docs/error-codes.md) are shown with their message and hint;
 * PostgreSQL's SQLSTATEs that input or a refusal can cause are shown as one of
 * our codes (`codeForSqlState`: a malformed id is INVAL, a refused privilege
 * DNIED, …), with the SQLSTATE in `extensions.sqlstate`. GraphQL's own errors
 * (validation, cost limits) and SafeErrors pass as they are. Everything else
 * is masked and logged with an id the client can quote.
 */
import { randomUUID } from "node:crypto";
import { isSafeError } from "postgraphile/grafast";
import { GraphQLError } from "postgraphile/graphql";
import type { Logger } from "../../lib/infra/logger.ts";
import { codeForSqlState, isSqlErrorCode } from "./error-codes.ts";

interface PgLikeError {
  code: string;
  message: string;
  hint?: string;
}

function sqlError(e: unknown): PgLikeError | undefined {
  if (e instanceof Error && typeof (e as { code?: unknown }).code === "string") return e as Error & PgLikeError;
  return undefined;
}

/** The message a client gets for a SQL error shown under one of our codes. */
function clientMessage(sql: PgLikeError, code: string): string {
  if (isSqlErrorCode(sql.code)) return sql.message;
  if (sql.code === "42501") return "Permission denied";
  if (sql.code === "57014") return "The operation took too long and was stopped";
  if (sql.code === "54000") return `Input too large: ${sql.message}`;
  return code === "INVAL" || code === "CONFL" || code === "NTFND" ? sql.message : "Refused";
}

export function makeMaskError(logger: Logger) {
  return function maskError(error: GraphQLError): GraphQLError {
    const original = error.originalError;
    // GraphQL's own errors (validation, nullability) and SafeErrors pass as they are.
    if (!original || original instanceof GraphQLError) return error;
    const sql = sqlError(original);
    const base = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: original };
    const code = sql ? codeForSqlState(sql.code) : undefined;
    if (sql && code) {
      const extensions = {
        code,
        ...(code === sql.code ? {} : { sqlstate: sql.code }),
        ...(sql.hint && isSqlErrorCode(sql.code) ? { hint: sql.hint } : {}),
      };
      return new GraphQLError(clientMessage(sql, code), { ...base, extensions });
    }
    if (isSafeError(original)) return new GraphQLError(original.message, { ...base, extensions: original.extensions ?? {} });
    // A refused token (over websockets: the operation's error) says so.
    if ((original as { statusCode?: unknown }).statusCode === 401) {
      return new GraphQLError(original.message, { ...base, extensions: { code: "UNAUTHORIZED" } });
    }
    const errorId = randomUUID();
    logger.error({ err: original, errorId, path: error.path }, "masked GraphQL error");
    return new GraphQLError(`An unexpected error occurred (error id ${errorId})`, { ...base, extensions: { errorId } });
  };
}
