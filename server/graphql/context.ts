/**
 * Per-request PostgreSQL settings for PostGraphile, as PostgREST/Supabase do it:
 * `role` is the verified token's role and `request.jwt.claims` its claims, so
 * `auth.uid()` and RLS see who is asking. No token: `anon`.
 */
import type { IncomingHttpHeaders } from "node:http";
import { bearerToken, InvalidTokenError, verifyToken, type JwtClaims } from "../auth/jwt.ts";

export interface RequestIdentity {
  claims: JwtClaims;
}

const ANON: JwtClaims = { role: "anon" };

/**
 * Identify the caller from an `Authorization: Bearer` token, else an `apikey`
 * (the anon or service_role key). Throws InvalidTokenError for a bad token:
 * a bad token is refused, never silently downgraded to anon.
 */
export function identify(authorization: string | undefined, apikey: string | undefined, secret: string): RequestIdentity {
  const token = bearerToken(authorization) ?? (apikey || undefined);
  if (authorization && !bearerToken(authorization)) throw new InvalidTokenError("Authorization header must be 'Bearer <token>'");
  return { claims: token ? verifyToken(token, secret) : ANON };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * `messageKeys` (the `app.message_keys` setting: direct-message encryption
 * keys, see lib/domain/message-keys.ts) is handed to signed-in requests only, as a
 * transaction-local setting: it is never stored, and anonymous requests,
 * which cannot read messages, never carry it. `ip`: the client's address
 * (Express `req.ip`, behind trusted proxies), read in SQL by app_private.request_ip().
 */
export function pgSettingsFor(
  identity: RequestIdentity,
  statementTimeoutMs: number,
  extra: { messageKeys?: string | undefined; ip?: string | undefined } = {},
): Record<string, string> {
  return {
    role: identity.claims.role,
    "request.jwt.claims": JSON.stringify(identity.claims),
    statement_timeout: String(statementTimeoutMs),
    ...(extra.messageKeys && identity.claims.role !== "anon" ? { "app.message_keys": extra.messageKeys } : {}),
    ...(extra.ip ? { "request.ip": extra.ip } : {}),
  };
}
