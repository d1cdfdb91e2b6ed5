/**
 * GoTrue-compatible auth under /auth/v1: what @supabase/auth-js and
 * @supabase/gotrue-js call, with GoTrue's bodies, statuses and error codes
 * (docs: shared reference "gotrue-contract").
 */
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { adminRouter } from "./admin.ts";
import { AuthContext, emailField, isEmailTaken, metadataField, parseBody, queryText, tokenField, type AuthDeps } from "./context.ts";
import { descendantToken, hashToken, otpHash } from "./crypto.ts";
import { AuthApiError, errors, sendAuthError } from "./errors.ts";
import { InvalidTokenError, verifyToken } from "./jwt.ts";
import * as store from "./store.ts";

const API_VERSION = "2024-01-01";
const OTP_TTL_MS = 86_400_000;

const signupBody = z.object({
  email: emailField.optional(),
  phone: z.string().max(32).optional(),
  password: tokenField.optional(),
  data: metadataField.nullish(),
});
const passwordGrantBody = z.object({ email: emailField, password: tokenField });
const refreshGrantBody = z.object({ refresh_token: z.string({ error: "refresh_token is required" }).min(1).max(1024) });
const updateUserBody = z.object({
  email: emailField.optional(),
  password: tokenField.optional(),
  data: metadataField.nullish(),
  nonce: tokenField.optional(),
  phone: z.string().max(32).optional(),
  app_metadata: z.unknown().optional(),
});
const emailBody = z.object({ email: emailField });
const otpBody = z.object({ email: emailField, create_user: z.boolean().default(true), data: metadataField.nullish() });
const verifyTypes = ["signup", "invite", "magiclink", "recovery", "email_change", "email"] as const;
const verifyBody = z.object({
  type: z.enum(verifyTypes, { error: "Verify requires a verification type" }),
  email: emailField.optional(),
  token: tokenField.optional(),
  token_hash: tokenField.optional(),
});
const resendBody = z.object({
  type: z.enum(["signup", "email_change"], { error: "Missing one of these types: signup, email_change" }),
  email: emailField,
});

type VerifyType = (typeof verifyTypes)[number];

export function authRouter(deps: AuthDeps): Router {
  const auth = new AuthContext(deps);
  const { config } = deps;
  const r = Router();

  r.use((req, res, next) => {
    const v = req.get("x-supabase-api-version");
    res.setHeader("X-Supabase-Api-Version", v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : API_VERSION);
    next();
  });
  r.use(express.json({ limit: "1mb", type: ["application/json", "application/*+json"] }));

  r.get("/health", (_req, res) => {
    res.json({ version: "pgsocial", name: "GoTrue", description: "GoTrue-compatible auth served by pgsocial" });
  });

  // Email links are opened in a browser: no API key.
  r.get("/verify", async (req, res) => {
    const redirectTo = auth.redirectTarget(req.query.redirect_to);
    const type = queryText(req.query.type);
    try {
      const body = parseBody(verifyBody, { type, token_hash: req.query.token });
      const session = await verify(body.type, undefined, undefined, body.token_hash, req);
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
  });

  // Everything else needs the anon or service_role key, as Supabase's gateway does.
  r.use((req, _res, next) => {
    const key = req.get("apikey") ?? (typeof req.query.apikey === "string" ? req.query.apikey : undefined);
    if (!key) throw errors.noApiKey();
    try {
      const claims = verifyToken(key, config.jwt.secret);
      if (claims.role !== "anon" && claims.role !== "service_role") throw errors.invalidApiKey();
    } catch (err) {
      if (err instanceof InvalidTokenError) throw errors.invalidApiKey();
      throw err;
    }
    next();
  });

  r.get("/settings", (_req, res) => {
    res.json({
      external: { email: true, phone: false, anonymous_users: false },
      disable_signup: false,
      mailer_autoconfirm: config.auth.autoconfirm,
      phone_autoconfirm: false,
      sms_provider: "",
      saml_enabled: false,
    });
  });

  r.post("/signup", async (req, res) => {
    const body = parseBody(signupBody, req.body);
    if (!body.email) throw errors.validation(body.phone ? "Phone signups are disabled" : "To signup, please provide your email");
    const password = auth.checkPassword(body.password);
    await auth.limiter.consume("signup", req.ip ?? "", body.email);
    const hash = await auth.hasher.hash(password);
    const redirectTo = auth.redirectTarget(req.query.redirect_to);
    const email = body.email;
    try {
      const result = await auth.tx(async (db) => {
        const existing = await store.findUserByEmail(db, email, true);
        if (existing?.email_confirmed_at) {
          if (config.auth.autoconfirm) throw errors.userAlreadyExists();
          return { fake: true } as const;
        }
        if (existing) {
          await auth.sendCode(db, existing, "confirmation", redirectTo);
          return { user: await auth.userJson(db, existing.id) };
        }
        const user = await store.insertUser(db, {
          email,
          encryptedPassword: hash,
          confirmed: config.auth.autoconfirm,
          userMetadata: body.data ?? {},
        });
        if (config.auth.autoconfirm) return { session: await auth.issueSession(db, user.id, "password", req) };
        await auth.sendCode(db, user, "confirmation", redirectTo);
        return { user: await auth.userJson(db, user.id) };
      });
      if ("fake" in result) {
        // Confirmation on and the address taken: answer like a sign-up, reveal nothing.
        const now = new Date().toISOString();
        res.json({
          id: crypto.randomUUID(),
          aud: "authenticated",
          role: "authenticated",
          email,
          phone: "",
          app_metadata: store.EMAIL_APP_METADATA,
          user_metadata: body.data ?? {},
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
  });

  r.post("/token", async (req, res) => {
    const grant = req.query.grant_type;
    if (grant === "password") {
      const body = parseBody(passwordGrantBody, req.body);
      await auth.limiter.consume("signin", req.ip ?? "", body.email);
      const user = await store.findUserByEmail(deps.pool, body.email);
      const ok = await auth.hasher.verify(body.password, user?.encrypted_password ?? null);
      if (!user || !ok) throw errors.invalidCredentials();
      if (!user.email_confirmed_at) throw errors.emailNotConfirmed();
      if (user.banned_until && user.banned_until > new Date()) throw errors.userBanned();
      res.json(await auth.tx((db) => auth.issueSession(db, user.id, "password", req)));
      return;
    }
    if (grant === "refresh_token") {
      const { refresh_token: presented } = parseBody(refreshGrantBody, req.body);
      const child = auth.childOf(presented);
      // One statement: the function locks, rotates and commits atomically.
      const rotated = await store.rotateRefreshToken(deps.pool, hashToken(presented), hashToken(child), config.auth.refreshReuseIntervalS);
      if (rotated.status === "not_found") throw errors.refreshTokenNotFound();
      if (rotated.status === "session_expired") throw errors.sessionExpired();
      if (rotated.status === "already_used") throw errors.refreshTokenAlreadyUsed();
      const found = await store.findUserSession(deps.pool, rotated.user_id!, rotated.session_id!);
      if (!found) throw errors.refreshTokenNotFound();
      const token = rotated.status === "rotated" ? child : descendantToken(presented, rotated.depth, auth.refreshKey);
      res.json(auth.sessionJson(found.user, found.identities, found.session, token));
      return;
    }
    throw new AuthApiError(400, "invalid_credentials", "unsupported_grant_type");
  });

  r.get("/user", async (req, res) => {
    const { user } = await auth.authenticate(req);
    res.json(await auth.userJson(deps.pool, user.id));
  });

  r.put("/user", async (req, res) => {
    const { user, sessionId } = await auth.authenticate(req);
    const body = parseBody(updateUserBody, req.body);
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
          auth.onSessionsEnded(user.id);
        }
        if (body.email && body.email !== user.email) {
          const taken = await store.findUserByEmail(db, body.email);
          if (taken) throw errors.emailExists();
          if (config.auth.autoconfirm) {
            await store.setEmail(db, user.id, body.email);
          } else {
            await db.query("update auth.users set email_change = $2 where id = $1", [user.id, body.email]);
            const locked = (await store.findUserById(db, user.id, true))!;
            await auth.sendCode(db, locked, "email_change", redirectTo);
          }
        }
        return await auth.userJson(db, user.id);
      });
      res.json(json);
    } catch (err) {
      if (isEmailTaken(err)) throw errors.emailExists();
      throw err;
    }
  });

  r.post("/logout", async (req, res) => {
    const { user, sessionId } = await auth.authenticate(req);
    const scope = req.query.scope ?? "global";
    if (scope === "global") await deps.pool.query("delete from auth.sessions where user_id = $1", [user.id]);
    else if (scope === "local") await deps.pool.query("delete from auth.sessions where id = $1", [sessionId]);
    else if (scope === "others")
      await deps.pool.query("delete from auth.sessions where user_id = $1 and id is distinct from $2::uuid", [user.id, sessionId ?? null]);
    else throw errors.validation("scope must be global, local or others");
    auth.onSessionsEnded(user.id);
    res.status(204).end();
  });

  r.post("/recover", async (req, res) => {
    const { email } = parseBody(emailBody, req.body);
    await auth.limiter.consume("recover", req.ip ?? "", email);
    const redirectTo = auth.redirectTarget(req.query.redirect_to);
    await auth.tx(async (db) => {
      const user = await store.findUserByEmail(db, email, true);
      if (user) await auth.sendCode(db, user, "recovery", redirectTo);
    });
    res.json({});
  });

  r.post("/otp", async (req, res) => {
    const body = parseBody(otpBody, req.body);
    await auth.limiter.consume("otp", req.ip ?? "", body.email);
    const redirectTo = auth.redirectTarget(req.query.redirect_to);
    try {
      await auth.tx(async (db) => {
        let user = await store.findUserByEmail(db, body.email, true);
        if (!user) {
          if (!body.create_user) throw errors.otpDisabled();
          user = await store.insertUser(db, {
            email: body.email,
            encryptedPassword: null,
            confirmed: false,
            userMetadata: body.data ?? {},
          });
        }
        await auth.sendCode(db, user, user.email_confirmed_at ? "magiclink" : "confirmation", redirectTo);
      });
    } catch (err) {
      if (isEmailTaken(err)) throw errors.overEmailSendRateLimit(config.auth.emailMinIntervalS);
      throw err;
    }
    res.json({});
  });

  r.post("/verify", async (req, res) => {
    const body = parseBody(verifyBody, req.body);
    if ((body.token === undefined) === (body.token_hash === undefined))
      throw errors.validation("Verify requires either a token or a token hash");
    if (body.token !== undefined && !body.email)
      throw errors.validation("Only an email address or phone number should be provided on verify");
    await auth.limiter.consume("verify", req.ip ?? "", body.email);
    res.json(await verify(body.type, body.email, body.token, body.token_hash, req));
  });

  r.post("/resend", async (req, res) => {
    const body = parseBody(resendBody, req.body);
    await auth.limiter.consume("resend", req.ip ?? "", body.email);
    const redirectTo = auth.redirectTarget(req.query.redirect_to);
    await auth.tx(async (db) => {
      if (body.type === "signup") {
        const user = await store.findUserByEmail(db, body.email, true);
        if (user && !user.email_confirmed_at) await auth.sendCode(db, user, "confirmation", redirectTo);
      } else {
        const { rows } = await db.query<store.UserRow>("select * from auth.users where email_change = $1 or email = $1 for update", [
          body.email,
        ]);
        const user = rows.find((u) => u.email_change);
        if (user) await auth.sendCode(db, user, "email_change", redirectTo);
      }
    });
    res.json({});
  });

  r.get("/reauthenticate", async (req, res) => {
    const { user } = await auth.authenticate(req);
    await auth.tx(async (db) => {
      const locked = (await store.findUserById(db, user.id, true))!;
      await auth.sendCode(db, locked, "reauthentication", config.siteUrl);
    });
    res.json({});
  });

  r.use("/admin", adminRouter(auth));

  r.use(() => {
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

  /** Check a one-time code (OTP or link token hash), apply it, sign in. */
  async function verify(
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

  return r;
}
