/** POST /recover: mail a password-recovery code and link (the same answer whether or not the address exists). */
import { z } from "zod";
import { emailField, parseBody } from "../context.ts";
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

const body = z.object({ email: emailField });

export const recover: Endpoint = async (auth, req, res) => {
  const { email } = parseBody(body, req.body);
  await auth.limiter.consume("recover", req.ip ?? "", email);
  const redirectTo = auth.redirectTarget(req.query.redirect_to);
  await auth.tx(async (db) => {
    const user = await store.findUserByEmail(db, email, true);
    if (user) await auth.sendCode(db, user, "recovery", redirectTo);
  });
  res.json({});
};
