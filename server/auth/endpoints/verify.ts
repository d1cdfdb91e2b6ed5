/**
 * POST /verify: check a one-time code (email + token) or a link's token hash,
 * apply it (confirm the email, recover, change the email) and sign in.
 * GET /verify: the same for links opened in a browser, answered by a redirect
 * with the session (or the error) in the URL fragment.
 */
import type { Request } from "express";
import { z } from "zod";
import { emailField, parseBody, queryText, tokenField, type AuthContext } from "../context.ts";
import { otpHash } from "../crypto.ts";
import { AuthApiError, errors } from "../errors.ts";
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

/** How long a mailed code stays valid. */
export const OTP_TTL_MS = 86_400_000;

const verifyTypes = ["signup", "invite", "magiclink", "recovery", "email_change", "email"] as const;
type VerifyType = (typeof verifyTypes)[number];

const body = z.object({
  type: z.enum(verifyTypes, { error: "Verify requires a verification type" }),
  email: emailField.optional(),
  token: tokenField.optional(),
  token_hash: tokenField.optional(),
});

export const verifyCode: Endpoint = async (auth, req, res) => {
  const input = parseBody(body, req.body);
  if ((input.token === undefined) === (input.token_hash === undefined))
    throw errors.validation("Verify requires either a token or a token hash");
  if (input.token !== undefined && !input.email)
    throw errors.validation("Only an email address or phone number should be provided on verify");
  await auth.limiter.consume("verify", req.ip ?? "", input.email);
  res.json(await verify(auth, input.type, input.email, input.token, input.token_hash, req));
};

export const verifyLink: Endpoint = async (auth, req, res) => {
  const redirectTo = auth.redirectTarget(req.query.redirect_to);
  const type = queryText(req.query.type);
  try {
    const input = parseBody(body, { type, token_hash: req.query.token });
    const session = await verify(auth, input.type, undefined, undefined, input.token_hash, req);
    const fragment = new URLSearchParams({
      access_token: String(session.access_token),
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: String(session.refresh_token),
      token_type: "bearer",
      type,
    });
    res.redirect(303, `${redirectTo}#${fragment.toString()}`);
  } catch (err) {
    if (!(err instanceof AuthApiError)) throw err;
    const fragment = new URLSearchParams({ error: "access_denied", error_code: err.code, error_description: err.message });
    res.redirect(303, `${redirectTo}#${fragment.toString()}`);
  }
};

/** Check a one-time code (OTP or link token hash), apply it, sign in. */
async function verify(
  auth: AuthContext,
  type: VerifyType,
  email: string | undefined,
  token: string | undefined,
  tokenHash: string | undefined,
  req: Request,
) {
  const kinds: store.TokenKind[] =
    type === "signup" || type === "invite"
      ? ["confirmation"]
      : type === "email_change"
        ? ["email_change"]
        : type === "email"
          ? ["confirmation", "recovery"]
          : ["recovery"];
  return await auth.tx(async (db) => {
    for (const kind of kinds) {
      let user: store.UserRow | undefined;
      if (tokenHash !== undefined) {
        user = await store.findUserByToken(db, kind, tokenHash);
      } else if (email && token) {
        user = await store.findUserByToken(db, kind, otpHash(email, token));
        // The code must belong to the address given.
        if (user && (kind === "email_change" ? user.email_change : user.email) !== email) user = undefined;
      }
      if (!user) continue;
      const sentAt =
        kind === "confirmation" ? user.confirmation_sent_at : kind === "recovery" ? user.recovery_sent_at : user.email_change_sent_at;
      if (!sentAt || Date.now() - sentAt.getTime() > OTP_TTL_MS) throw errors.otpExpired();
      if (kind === "confirmation") {
        await store.confirmEmail(db, user.id);
      } else if (kind === "recovery") {
        await db.query("update auth.users set recovery_token = null where id = $1", [user.id]);
        await store.confirmEmail(db, user.id);
      } else {
        await store.setEmail(db, user.id, user.email_change!);
      }
      const method =
        type === "recovery" ? "recovery" : type === "magiclink" ? "magiclink" : type === "email_change" ? "email_change" : "otp";
      return await auth.issueSession(db, user.id, method, req);
    }
    throw errors.otpExpired();
  });
}
