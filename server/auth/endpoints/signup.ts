/**
 * POST /signup: create a user with email and password. With autoconfirm, a
 * session at once; otherwise a confirmation mail. When confirmation is on and
 * the address is taken, the answer looks like a sign-up and reveals nothing.
 */
import { z } from "zod";
import { emailField, isEmailTaken, metadataField, parseBody, tokenField } from "../context.ts";
import { errors } from "../errors.ts";
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

const body = z.object({
  email: emailField.optional(),
  phone: z.string().max(32).optional(),
  password: tokenField.optional(),
  data: metadataField.nullish(),
});

export const signup: Endpoint = async (auth, req, res) => {
  const input = parseBody(body, req.body);
  if (!input.email) throw errors.validation(input.phone ? "Phone signups are disabled" : "To signup, please provide your email");
  const password = auth.checkPassword(input.password);
  await auth.limiter.consume("signup", req.ip ?? "", input.email);
  const hash = await auth.hasher.hash(password);
  const redirectTo = auth.redirectTarget(req.query.redirect_to);
  const email = input.email;
  const { autoconfirm } = auth.config.auth;
  try {
    const result = await auth.tx(async (db) => {
      const existing = await store.findUserByEmail(db, email, true);
      if (existing?.email_confirmed_at) {
        if (autoconfirm) throw errors.userAlreadyExists();
        return { fake: true } as const;
      }
      if (existing) {
        await auth.sendCode(db, existing, "confirmation", redirectTo);
        return { user: await auth.userJson(db, existing.id) };
      }
      const user = await store.insertUser(db, { email, encryptedPassword: hash, confirmed: autoconfirm, userMetadata: input.data ?? {} });
      if (autoconfirm) return { session: await auth.issueSession(db, user.id, "password", req) };
      await auth.sendCode(db, user, "confirmation", redirectTo);
      return { user: await auth.userJson(db, user.id) };
    });
    if ("fake" in result) {
      const now = new Date().toISOString();
      res.json({
        id: crypto.randomUUID(),
        aud: "authenticated",
        role: "authenticated",
        email,
        phone: "",
        app_metadata: store.EMAIL_APP_METADATA,
        user_metadata: input.data ?? {},
        identities: [],
        created_at: now,
        updated_at: now,
        is_anonymous: false,
      });
    } else {
      res.json(result.session ?? result.user);
    }
  } catch (err) {
    if (isEmailTaken(err)) throw errors.userAlreadyExists();
    throw err;
  }
};
