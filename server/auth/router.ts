/**
 * GoTrue-compatible auth under /auth/v1: what @supabase/auth-js and
 * @supabase/gotrue-js call, with GoTrue's bodies, statuses and error codes
 * (docs/auth.md; the contract: shared reference "gotrue-contract").
 *
 * One route table, as GoTrue's internal/api/api.go; each endpoint lives in
 * its own module under endpoints/ (the admin API in admin.ts).
 */
import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { adminRouter } from "./admin.ts";
import { AuthContext, type AuthDeps } from "./context.ts";
import { AuthApiError, errors, sendAuthError } from "./errors.ts";
import { InvalidTokenError, verifyToken } from "./jwt.ts";
import { health } from "./endpoints/health.ts";
import { logout } from "./endpoints/logout.ts";
import { otp } from "./endpoints/otp.ts";
import { reauthenticate } from "./endpoints/reauthenticate.ts";
import { recover } from "./endpoints/recover.ts";
import { resend } from "./endpoints/resend.ts";
import { settings } from "./endpoints/settings.ts";
import { signup } from "./endpoints/signup.ts";
import { token } from "./endpoints/token.ts";
import type { Endpoint } from "./endpoints/types.ts";
import { getUser, updateUser } from "./endpoints/user.ts";
import { verifyCode, verifyLink } from "./endpoints/verify.ts";

const API_VERSION = "2024-01-01";

interface Route {
  method: "get" | "post" | "put";
  path: string;
  endpoint: Endpoint;
  /** Needs the anon or service_role key (`apikey`), as behind Supabase's gateway. Email links and health do not. */
  apiKey: boolean;
}

export const ROUTES: readonly Route[] = [
  { method: "get", path: "/health", endpoint: health, apiKey: false },
  { method: "get", path: "/verify", endpoint: verifyLink, apiKey: false },
  { method: "get", path: "/settings", endpoint: settings, apiKey: true },
  { method: "post", path: "/signup", endpoint: signup, apiKey: true },
  { method: "post", path: "/token", endpoint: token, apiKey: true },
  { method: "get", path: "/user", endpoint: getUser, apiKey: true },
  { method: "put", path: "/user", endpoint: updateUser, apiKey: true },
  { method: "post", path: "/logout", endpoint: logout, apiKey: true },
  { method: "post", path: "/recover", endpoint: recover, apiKey: true },
  { method: "post", path: "/otp", endpoint: otp, apiKey: true },
  { method: "post", path: "/verify", endpoint: verifyCode, apiKey: true },
  { method: "post", path: "/resend", endpoint: resend, apiKey: true },
  { method: "get", path: "/reauthenticate", endpoint: reauthenticate, apiKey: true },
];

export function authRouter(deps: AuthDeps): Router {
  const auth = new AuthContext(deps);
  const r = Router();

  r.use((req, res, next) => {
    const v = req.get("x-supabase-api-version");
    res.setHeader("X-Supabase-Api-Version", v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : API_VERSION);
    next();
  });
  r.use(express.json({ limit: "1mb", type: ["application/json", "application/*+json"] }));

  const requireApiKey: RequestHandler = (req, _res, next) => {
    const key = req.get("apikey") ?? (typeof req.query.apikey === "string" ? req.query.apikey : undefined);
    if (!key) throw errors.noApiKey();
    try {
      const claims = verifyToken(key, deps.config.jwt.secret);
      if (claims.role !== "anon" && claims.role !== "service_role") throw errors.invalidApiKey();
    } catch (err) {
      if (err instanceof InvalidTokenError) throw errors.invalidApiKey();
      throw err;
    }
    next();
  };

  for (const route of ROUTES) {
    const handler: RequestHandler = (req, res) => route.endpoint(auth, req, res);
    if (route.apiKey) r[route.method](route.path, requireApiKey, handler);
    else r[route.method](route.path, handler);
  }
  r.use("/admin", requireApiKey, adminRouter(auth));

  r.use(requireApiKey, () => {
    throw errors.notFound();
  });
  r.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string };
    if (err instanceof AuthApiError) return sendAuthError(res, err);
    if (e.type === "entity.parse.failed") return sendAuthError(res, errors.badJson());
    if (e.type === "entity.too.large") return sendAuthError(res, new AuthApiError(413, "request_too_large", "Request body too large"));
    req.log.error({ err }, "auth error");
    sendAuthError(res, new AuthApiError(500, "unexpected_failure", "Unexpected failure, please check server logs for more information"));
  });

  return r;
}
