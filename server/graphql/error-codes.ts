/**
 * Every `extensions.code` a GraphQL client can be given, with what it means.
 * docs/error-codes.md has the same table (test/error-codes.test.ts compares
 * them, and sends each code through GraphQL); nothing else reaches a client
 * unmasked.
 */

/** Raised by the rules in SQL (`raise … using errcode = '…'`) and shown with their message. */
export const SQL_ERROR_CODES = {
  NTFND: "the thing does not exist, or is not yours to see or act on",
  DNIED: "you are signed in, but your role or the thing's state does not allow this",
  INVAL: "invalid input (the message says what)",
  LOGIN: "you must be signed in",
  CONFL: "conflicts with the current state (already exists, already done)",
  FUNDS: "not enough credits or balance: nothing was charged",
} as const;

/** Given by the server itself, before or around the SQL. */
export const SERVER_ERROR_CODES = {
  UNAUTHORIZED: "the token was refused (bad signature, expired, malformed, signed out, deleted or banned user)",
  TOO_COMPLEX: "the operation is over a size or cost limit (docs/security.md); nothing was run",
  TIMEOUT: "the operation took longer than its time budget and was stopped",
} as const;

export type SqlErrorCode = keyof typeof SQL_ERROR_CODES;
export type ClientErrorCode = SqlErrorCode | keyof typeof SERVER_ERROR_CODES;

export const CLIENT_ERROR_CODES: Readonly<Record<ClientErrorCode, string>> = { ...SQL_ERROR_CODES, ...SERVER_ERROR_CODES };

export function isSqlErrorCode(code: string): code is SqlErrorCode {
  return Object.hasOwn(SQL_ERROR_CODES, code);
}

/**
 * PostgreSQL's own SQLSTATEs that bad input or a refused action can cause, as
 * one of our codes: clients never see a raw SQLSTATE. Class 22 (data
 * exception: a malformed id, a value out of range) and the integrity classes
 * are input problems; 42501 is a refusal (LOGIN instead when signed out, see
 * refusals.ts); 57014 is a statement timeout.
 */
export function codeForSqlState(sqlstate: string): ClientErrorCode | undefined {
  if (isSqlErrorCode(sqlstate)) return sqlstate;
  if (sqlstate.startsWith("22")) return "INVAL";
  switch (sqlstate) {
    case "23505": // unique_violation
    case "23P01": // exclusion_violation
      return "CONFL";
    case "23503": // foreign_key_violation: it refers to something that is not there
      return "NTFND";
    case "23502": // not_null_violation
    case "23514": // check_violation
    case "54000": // program_limit_exceeded (a value too large to index)
      return "INVAL";
    case "42501": // insufficient_privilege (RLS included)
      return "DNIED";
    case "57014": // query_canceled: statement_timeout
      return "TIMEOUT";
    default:
      return sqlstate.startsWith("23") ? "INVAL" : undefined;
  }
}
