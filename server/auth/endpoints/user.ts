/**
 * GET /user: the signed-in user. PUT /user: change metadata, password
 * (a new password ends every other session; with a nonce, reauthentication
 * first) or email (confirmed through a mail unless autoconfirm).
 */
import { z } from "zod";
import { emailField, isEmailTaken, metadataField, parseBody, tokenField } from "../context.ts";
import { otpHash } from "../crypto.ts";
import { errors } from "../errors.ts";
import * as store from "../store.ts";
import { OTP_TTL_MS } from "./verify.ts";
import type { Endpoint } from "./types.ts";

const updateBody = z.object({
  email: emailField.optional(),
  password: tokenField.optional(),
  data: metadataField.nullish(),
  nonce: tokenField.optional(),
  phone: z.string().max(32).optional(),
  app_metadata: z.unknown().optional(),
});

export const getUser: Endpoint = async (auth, req, res) => {
  const { user } = await auth.authenticate(req);
  res.json(await auth.userJson(auth.pool, user.id));
};

export const updateUser: Endpoint = async (auth, req, res) => {
  const { user, sessionId } = await auth.authenticate(req);
  const body = parseBody(updateBody, req.body);
  if (body.app_metadata !== undefined) throw errors.notAdmin();
  if (body.phone) throw errors.validation("Phone numbers are not supported");
  let newHash: string | undefined;
  if (body.password !== undefined) {
    const password = auth.checkPassword(body.password);
    if (user.encrypted_password && (await auth.hasher.verify(password, user.encrypted_password))) throw errors.samePassword();
    if (body.nonce !== undefined) {
      const valid =
        user.email &&
        user.reauthentication_token === otpHash(user.email, body.nonce) &&
        user.reauthentication_sent_at &&
        Date.now() - user.reauthentication_sent_at.getTime() < OTP_TTL_MS;
      if (!valid) throw errors.reauthenticationInvalid();
    }
    newHash = await auth.hasher.hash(password);
  }
  const redirectTo = auth.redirectTarget(req.query.redirect_to);
  try {
    const json = await auth.tx(async (db) => {
      if (body.data) {
        await db.query(`update auth.users set raw_user_meta_data = ${store.mergeMetadataSql("raw_user_meta_data", "$2")} where id = $1`, [
          user.id,
          body.data,
        ]);
      }
      if (newHash) {
        await db.query("update auth.users set encrypted_password = $2, reauthentication_token = null where id = $1", [user.id, newHash]);
        // A new password ends every other session.
        await db.query("delete from auth.sessions where user_id = $1 and id is distinct from $2::uuid", [user.id, sessionId ?? null]);
      }
      if (body.email && body.email !== user.email) {
        const taken = await store.findUserByEmail(db, body.email);
        if (taken) throw errors.emailExists();
        if (auth.config.auth.autoconfirm) {
          await store.setEmail(db, user.id, body.email);
        } else {
          await db.query("update auth.users set email_change = $2 where id = $1", [user.id, body.email]);
          const locked = (await store.findUserById(db, user.id, true))!;
          await auth.sendCode(db, locked, "email_change", redirectTo);
        }
      }
      return await auth.userJson(db, user.id);
    });
    // A new password ended the other sessions: their tokens are refused from now on.
    if (newHash) auth.onSessionsEnded(user.id);
    res.json(json);
  } catch (err) {
    if (isEmailTaken(err)) throw errors.emailExists();
    throw err;
  }
};
