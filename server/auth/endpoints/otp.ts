/** POST /otp: mail a one-time code and magic link; creates the user unless `create_user` is false. */
import { z } from "zod";
import { emailField, isEmailTaken, metadataField, parseBody } from "../context.ts";
import { errors } from "../errors.ts";
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

const body = z.object({ email: emailField, create_user: z.boolean().default(true), data: metadataField.nullish() });

export const otp: Endpoint = async (auth, req, res) => {
  const input = parseBody(body, req.body);
  await auth.limiter.consume("otp", req.ip ?? "", input.email);
  const redirectTo = auth.redirectTarget(req.query.redirect_to);
  try {
    await auth.tx(async (db) => {
      let user = await store.findUserByEmail(db, input.email, true);
      if (!user) {
        if (!input.create_user) throw errors.otpDisabled();
        user = await store.insertUser(db, {
          email: input.email,
          encryptedPassword: null,
          confirmed: false,
          userMetadata: input.data ?? {},
        });
      }
      await auth.sendCode(db, user, user.email_confirmed_at ? "magiclink" : "confirmation", redirectTo);
    });
  } catch (err) {
    if (isEmailTaken(err)) throw errors.overEmailSendRateLimit(auth.config.auth.emailMinIntervalS);
    throw err;
  }
  res.json({});
};
