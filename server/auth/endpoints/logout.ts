/** POST /logout?scope=global|local|others: end sessions; their access tokens are refused from then on (server/auth/session-check.ts). */
import { errors } from "../errors.ts";
import type { Endpoint } from "./types.ts";

export const logout: Endpoint = async (auth, req, res) => {
  const { user, sessionId } = await auth.authenticate(req);
  const scope = req.query.scope ?? "global";
  if (scope === "global") await auth.pool.query("delete from auth.sessions where user_id = $1", [user.id]);
  else if (scope === "local") await auth.pool.query("delete from auth.sessions where id = $1", [sessionId]);
  else if (scope === "others")
    await auth.pool.query("delete from auth.sessions where user_id = $1 and id is distinct from $2::uuid", [user.id, sessionId ?? null]);
  else throw errors.validation("scope must be global, local or others");
  auth.onSessionsEnded(user.id);
  res.status(204).end();
};
