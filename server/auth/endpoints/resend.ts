/** POST /resend: send the sign-up confirmation or the email-change code again. */
import { z } from "zod";
import { emailField, parseBody } from "../context.ts";
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

const body = z.object({
  type: z.enum(["signup", "email_change"], { error: "Missing one of these types: signup, email_change" }),
  email: emailField,
});

export const resend: Endpoint = async (auth, req, res) => {
  const input = parseBody(body, req.body);
  await auth.limiter.consume("resend", req.ip ?? "", input.email);
  const redirectTo = auth.redirectTarget(req.query.redirect_to);
  await auth.tx(async (db) => {
    if (input.type === "signup") {
      const user = await store.findUserByEmail(db, input.email, true);
      if (user && !user.email_confirmed_at) await auth.sendCode(db, user, "confirmation", redirectTo);
    } else {
      const { rows } = await db.query<store.UserRow>("select * from auth.users where email_change = $1 or email = $1 for update", [
        input.email,
      ]);
      const user = rows.find((u) => u.email_change);
      if (user) await auth.sendCode(db, user, "email_change", redirectTo);
    }
  });
  res.json({});
};
