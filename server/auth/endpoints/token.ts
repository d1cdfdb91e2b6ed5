/**
 * POST /token?grant_type=password | refresh_token: sign in with a password,
 * or rotate a refresh token (its reuse within the grace interval returns the
 * live descendant; later reuse revokes the session: see auth.rotate_refresh_token).
 */
import { z } from "zod";
import { emailField, parseBody, tokenField } from "../context.ts";
import { descendantToken, hashToken } from "../crypto.ts";
import { AuthApiError, errors } from "../errors.ts";
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

const passwordGrant = z.object({ email: emailField, password: tokenField });
const refreshGrant = z.object({ refresh_token: z.string({ error: "refresh_token is required" }).min(1).max(1024) });

export const token: Endpoint = async (auth, req, res) => {
  const grant = req.query.grant_type;
  if (grant === "password") {
    const body = parseBody(passwordGrant, req.body);
    await auth.limiter.consume("signin", req.ip ?? "", body.email);
    const user = await store.findUserByEmail(auth.pool, body.email);
    const ok = await auth.hasher.verify(body.password, user?.encrypted_password ?? null);
    if (!user || !ok) throw errors.invalidCredentials();
    if (!user.email_confirmed_at) throw errors.emailNotConfirmed();
    if (store.isBanned(user)) throw errors.userBanned();
    res.json(await auth.tx((db) => auth.issueSession(db, user.id, "password", req)));
    return;
  }
  if (grant === "refresh_token") {
    const { refresh_token: presented } = parseBody(refreshGrant, req.body);
    const child = auth.childOf(presented);
    // One statement: the function locks, rotates and commits atomically.
    const rotated = await store.rotateRefreshToken(
      auth.pool,
      hashToken(presented),
      hashToken(child),
      auth.config.auth.refreshReuseIntervalS,
    );
    if (rotated.status === "not_found") throw errors.refreshTokenNotFound();
    if (rotated.status === "session_expired") throw errors.sessionExpired();
    if (rotated.status === "already_used") throw errors.refreshTokenAlreadyUsed();
    const found = await store.findUserSession(auth.pool, rotated.user_id!, rotated.session_id!);
    if (!found) throw errors.refreshTokenNotFound();
    // A banned user keeps no session alive (as GoTrue's refresh grant).
    if (store.isBanned(found.user)) throw errors.userBanned();
    const token = rotated.status === "rotated" ? child : descendantToken(presented, rotated.depth, auth.refreshKey);
    res.json(auth.sessionJson(found.user, found.identities, found.session, token));
    return;
  }
  throw new AuthApiError(400, "invalid_credentials", "unsupported_grant_type");
};
