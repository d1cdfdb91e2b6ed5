/** GET /reauthenticate: mail a code to confirm a password change (PUT /user with `nonce`). */
import * as store from "../store.ts";
import type { Endpoint } from "./types.ts";

export const reauthenticate: Endpoint = async (auth, req, res) => {
  const { user } = await auth.authenticate(req);
  await auth.tx(async (db) => {
    const locked = (await store.findUserById(db, user.id, true))!;
    await auth.sendCode(db, locked, "reauthentication", auth.config.siteUrl);
  });
  res.json({});
};
