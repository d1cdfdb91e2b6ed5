/**
 * What the auth endpoints share: dependencies, request helpers, session
 * issuing, one-time codes by mail.
 */
import type { Request } from "express";
import { z } from "zod";
import { withTransaction, type Pool, type PoolClient } from "../../db/pool.ts";
import type { Config } from "../../lib/infra/config.ts";
import type { Logger } from "../../lib/infra/logger.ts";
import { childToken, hashToken, newOtp, newRefreshToken, otpHash, refreshKey, signAccessToken } from "./crypto.ts";
import { AuthApiError, errors } from "./errors.ts";
import { bearerToken, InvalidTokenError, verifyToken, type JwtClaims } from "./jwt.ts";
import type { PasswordHasher } from "./passwords.ts";
import type { AuthRateLimiter } from "./rate-limit.ts";
import * as store from "./store.ts";

export interface AuthDeps {
  config: Config;
  pool: Pool;
  logger: Logger;
  hasher: PasswordHasher;
  limiter: AuthRateLimiter;
  /** Told when a user's sessions end (sign-out, ban, deletion), so that their tokens are refused at once. */
  onSessionsEnded?: ((userId: string) => void) | undefined;
}

export class AuthContext {
  readonly config: Config;
  readonly pool: Pool;
  readonly logger: Logger;
  readonly hasher: PasswordHasher;
  readonly limiter: AuthRateLimiter;
  readonly onSessionsEnded: (userId: string) => void;
  readonly refreshKey: Buffer;
  readonly issuer: string;

  constructor(deps: AuthDeps) {
    this.config = deps.config;
    this.pool = deps.pool;
    this.logger = deps.logger;
    this.hasher = deps.hasher;
    this.limiter = deps.limiter;
    this.onSessionsEnded = deps.onSessionsEnded ?? (() => undefined);
    this.refreshKey = refreshKey(deps.config.jwt.secret);
    this.issuer = `${deps.config.apiExternalUrl}/auth/v1`;
  }

  tx<T>(fn: (db: PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, fn);
  }

  /** A user row with its identities, as the API returns it. */
  async userJson(db: Pick<PoolClient, "query">, userId: string): Promise<Record<string, unknown>> {
    const user = await store.findUserById(db, userId);
    if (!user) throw errors.userNotFound();
    return store.userJson(user, await store.identitiesOf(db, userId));
  }

  /** Start a session for `user` (in the caller's transaction) and answer as GoTrue does. */
  async issueSession(db: PoolClient, userId: string, method: string, req: Request): Promise<Record<string, unknown>> {
    const refreshToken = newRefreshToken();
    const session = await store.createSession(db, {
      userId,
      method,
      refreshTokenHash: hashToken(refreshToken),
      sessionDays: this.config.auth.sessionDays,
      userAgent: req.get("user-agent")?.slice(0, 512),
      ip: req.ip,
    });
    return await this.sessionResponse(db, userId, session, refreshToken);
  }

  async sessionResponse(
    db: Pick<PoolClient, "query">,
    userId: string,
    session: store.SessionRow,
    refreshToken: string,
  ): Promise<Record<string, unknown>> {
    const user = await store.findUserById(db, userId);
    if (!user) throw errors.refreshTokenNotFound();
    return this.sessionJson(user, await store.identitiesOf(db, userId), session, refreshToken);
  }

  /** GoTrue's session body: a fresh access token for the session, the refresh token, the user. */
  sessionJson(
    user: store.UserRow,
    identities: store.IdentityRow[],
    session: store.SessionRow,
    refreshToken: string,
  ): Record<string, unknown> {
    const access = signAccessToken(
      {
        iss: this.issuer,
        sub: user.id,
        aud: "authenticated",
        email: user.email ?? "",
        phone: user.phone ?? "",
        app_metadata: user.raw_app_meta_data,
        user_metadata: user.raw_user_meta_data,
        role: "authenticated",
        aal: session.aal,
        amr: session.amr,
        session_id: session.id,
        is_anonymous: user.is_anonymous,
      },
      this.config.jwt.secret,
      this.config.jwt.expirySeconds,
    );
    return {
      access_token: access.token,
      token_type: "bearer",
      expires_in: access.expiresIn,
      expires_at: access.expiresAt,
      refresh_token: refreshToken,
      user: store.userJson(user, identities),
    };
  }

  /** The child of a refresh token (see crypto.childToken). */
  childOf(token: string): string {
    return childToken(token, this.refreshKey);
  }

  /** 400 validation_failed / 422 weak_password, as GoTrue checks a new password. */
  checkPassword(password: string | undefined): string {
    if (!password) throw errors.validation("Password is required");
    if (password.length > 72) throw errors.validation("Password cannot be longer than 72 characters");
    if (password.length < this.config.auth.passwordMinLength) throw errors.weakPassword(this.config.auth.passwordMinLength);
    return password;
  }

  /** Where an email link may send the user: SITE_URL or an allowed URL, else SITE_URL. */
  redirectTarget(requested: unknown): string {
    const site = this.config.siteUrl;
    if (typeof requested !== "string" || !requested) return site;
    try {
      const url = new URL(requested);
      if (url.origin === new URL(site).origin) return requested;
      if (this.config.auth.redirectUrls.some((allowed) => requested.startsWith(allowed))) return requested;
    } catch {
      // not a URL
    }
    return site;
  }

  verifyLink(tokenHash: string, type: string, redirectTo: string): string {
    const q = new URLSearchParams({ token: tokenHash, type, redirect_to: redirectTo });
    return `${this.config.apiExternalUrl}/auth/v1/verify?${q.toString()}`;
  }

  /**
   * Store a new one-time code for `user` and queue its mail, in the caller's
   * transaction; refuses (429) a second mail of the same kind within the interval.
   */
  async sendCode(
    db: PoolClient,
    user: store.UserRow,
    kind: "confirmation" | "recovery" | "magiclink" | "email_change" | "reauthentication",
    redirectTo: string,
  ): Promise<void> {
    const column = {
      confirmation: ["confirmation_token", "confirmation_sent_at"],
      recovery: ["recovery_token", "recovery_sent_at"],
      magiclink: ["recovery_token", "recovery_sent_at"],
      email_change: ["email_change_token_new", "email_change_sent_at"],
      reauthentication: ["reauthentication_token", "reauthentication_sent_at"],
    }[kind] as [keyof store.UserRow, keyof store.UserRow];
    const recipient = kind === "email_change" ? user.email_change : user.email;
    if (!recipient) throw errors.validation("No email address to send to");
    const lastSent = user[column[1]] as Date | null;
    const interval = this.config.auth.emailMinIntervalS;
    if (lastSent && Date.now() - lastSent.getTime() < interval * 1000) throw errors.overEmailSendRateLimit(interval);

    const otp = newOtp();
    const tokenHash = otpHash(recipient, otp);
    await db.query(`update auth.users set ${column[0]} = $2, ${column[1]} = now() where id = $1`, [user.id, tokenHash]);
    const verifyType = kind === "confirmation" ? "signup" : kind;
    await store.queueMail(db, recipient, kind, {
      otp,
      token_hash: tokenHash,
      link: kind === "reauthentication" ? null : this.verifyLink(tokenHash, verifyType, redirectTo),
    });
  }

  /** The signed-in user of a request (Bearer access token), as GoTrue's requireAuthentication. */
  async authenticate(req: Request): Promise<{ claims: JwtClaims; user: store.UserRow; sessionId: string | undefined }> {
    const token = bearerToken(req.get("authorization"));
    if (!token) throw errors.noAuthorization();
    let claims: JwtClaims;
    try {
      claims = verifyToken(token, this.config.jwt.secret);
    } catch (err) {
      throw errors.badJwt(err instanceof InvalidTokenError ? err.message : "invalid token");
    }
    if (claims.role !== "authenticated" || typeof claims.sub !== "string") throw errors.badJwt("missing sub claim");
    const user = await store.findUserById(this.pool, claims.sub);
    if (!user) throw errors.userGone();
    const sessionId = typeof claims.session_id === "string" ? claims.session_id : undefined;
    if (sessionId && !(await store.findSession(this.pool, sessionId))) throw errors.sessionNotFound();
    return { claims, user, sessionId };
  }
}

/** Parse a request body, answering 400 validation_failed with the first problem. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".");
    throw errors.validation(field ? `${field}: ${issue.message}` : issue.message);
  }
  return parsed.data;
}

/**
 * A query-string parameter as text, the same as `String(value ?? "")`: Express's
 * default ("simple") query parser gives a string, or an array of strings for a
 * repeated key (joined with commas, as String() does); absent is "".
 */
export function queryText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v): v is string => typeof v === "string")) return value.join(",");
  return "";
}

/** As GoTrue: an address longer than 255 characters is refused before anything else (it reached an index: a 500). */
export const emailField = z
  .string({ error: "must be a string" })
  .max(255, { error: "An email address is too long" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Unable to validate email address: invalid format" }));

/** User metadata: an object of at most METADATA_MAX_BYTES as JSON. */
export const METADATA_MAX_BYTES = 16_384;
export const metadataField = z
  .record(z.string(), z.unknown(), { error: "must be an object" })
  .refine((v) => Buffer.byteLength(JSON.stringify(v)) <= METADATA_MAX_BYTES, {
    error: `must be at most ${METADATA_MAX_BYTES} bytes as JSON`,
  });

/** Tokens, codes and nonces: none of ours is longer. */
export const tokenField = z.string({ error: "must be a string" }).max(1024, { error: "is too long" });

/** Unique violation on auth.users.email (a concurrent sign-up of the same address). */
export function isEmailTaken(err: unknown): boolean {
  return (
    (err as { code?: string; constraint?: string }).code === "23505" && (err as { constraint?: string }).constraint === "users_email_key"
  );
}

export { AuthApiError };
