/**
 * Per-request PostgreSQL settings for PostGraphile, as PostgREST/Supabase do it:
 * `role` is the verified token's role and `request.jwt.claims` its claims, so
 * `auth.uid()` and RLS see who is asking. No token: `anon`.
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../../lib/infra/config.ts";
import { bearerToken, InvalidTokenError, verifyToken, type JwtClaims } from "../auth/jwt.ts";
import type { SessionCheck } from "../auth/session-check.ts";

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

/** A token that verifies but whose user or session is gone (signed out, deleted, banned). */
export class EndedSessionError extends InvalidTokenError {
  override name = "EndedSessionError";
  constructor() {
    super("This token's session has ended (signed out, or the user is gone or banned)");
  }
}

/** Thrown over websockets for a refused token: the operation's error (UNAUTHORIZED). */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
  statusCode = 401;
}

/** Verify a token and that its session is alive. Throws InvalidTokenError. */
export async function identifyAlive(
  authorization: string | undefined,
  apikey: string | undefined,
  config: Config,
  sessions: SessionCheck | undefined,
): Promise<RequestIdentity> {
  const identity = identify(authorization, apikey, config.jwt.secret);
  if (sessions && !(await sessions.isAlive(identity.claims))) throw new EndedSessionError();
  return identity;
}

const identities = new WeakMap<IncomingMessage, RequestIdentity>();

/** The identity `refuseBadTokens` established for an HTTP request. */
export function identityOfRequest(req: IncomingMessage): RequestIdentity | undefined {
  return identities.get(req);
}

/** A websocket operation's identity, from the connection's parameters (as headers). */
export async function identifyConnection(
  params: Record<string, unknown> | undefined,
  config: Config,
  sessions: SessionCheck | undefined,
): Promise<RequestIdentity> {
  const text = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined);
  try {
    return await identifyAlive(text(params?.authorization), text(params?.apikey), config, sessions);
  } catch (err) {
    if (err instanceof InvalidTokenError) throw new UnauthorizedError(err.message);
    throw err;
  }
}

/**
 * Express middleware for the GraphQL endpoint: a bad token, or one whose
 * session has ended, is answered 401 here, in GraphQL's shape, with one log
 * line (it used to be thrown from the GraphQL context, which grafserv prints
 * to stderr as a stack trace).
 */
export function refuseBadTokens(config: Config, sessions: SessionCheck | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    identifyAlive(req.get("authorization"), req.get("apikey"), config, sessions).then(
      (identity) => {
        identities.set(req, identity);
        next();
      },
      (err: unknown) => {
        if (!(err instanceof InvalidTokenError)) return next(err);
        req.log?.info({ reason: err.message }, "refused token");
        res.status(401).json({ errors: [{ message: err.message, extensions: { code: "UNAUTHORIZED" } }] });
      },
    );
  };
}
