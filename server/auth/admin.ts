/**
 * GoTrue's admin API (service_role key only): list, create, get, update and
 * delete users. Staff roles are `app_metadata.role` = moderator | admin.
 */
import { Router, type Request } from "express";
import { z } from "zod";
import { emailField, isEmailTaken, metadataField, parseBody, queryText, type AuthContext } from "./context.ts";
import { errors } from "./errors.ts";
import { bearerToken, InvalidTokenError, verifyToken } from "./jwt.ts";
import * as store from "./store.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const banDuration = z
  .string()
  .regex(/^(none|\d+(h|m|s))$/, { error: "ban_duration must be 'none' or a duration such as '24h'" })
  .optional();

const createBody = z.object({
  id: z.string().regex(UUID, { error: "must be a UUID" }).optional(),
  email: emailField.optional(),
  phone: z.string().max(32).optional(),
  password: z.string().max(1024).optional(),
  email_confirm: z.boolean().optional(),
  user_metadata: metadataField.nullish(),
  app_metadata: metadataField.nullish(),
  ban_duration: banDuration,
});
const updateBody = createBody.omit({ id: true });

function banUntil(duration: string | undefined): Date | null | undefined {
  if (duration === undefined) return undefined;
  if (duration === "none") return null;
  const m = /^(\d+)(h|m|s)$/.exec(duration)!;
  const unit = { h: 3_600_000, m: 60_000, s: 1000 }[m[2] as "h" | "m" | "s"];
  return new Date(Date.now() + Number(m[1]) * unit);
}

export function adminRouter(auth: AuthContext): Router {
  const r = Router();
  const { pool } = auth;

  r.use((req: Request, _res, next) => {
    const token = bearerToken(req.get("authorization"));
    if (!token) throw errors.noAuthorization();
    try {
      if (verifyToken(token, auth.config.jwt.secret).role !== "service_role") throw errors.notAdmin();
    } catch (err) {
      if (err instanceof InvalidTokenError) throw errors.badJwt(err.message);
      throw err;
    }
    next();
  });

  const userParam = (req: Request): string => {
    const id = String(req.params.id);
    if (!UUID.test(id)) throw errors.userNotFound();
    return id;
  };

  r.get("/users", async (req, res) => {
    const page = Math.max(1, Number.parseInt(queryText(req.query.page), 10) || 1);
    const perPage = Math.min(1000, Math.max(1, Number.parseInt(queryText(req.query.per_page), 10) || 50));
    const total = (await pool.query<{ n: number }>("select count(*)::int as n from auth.users")).rows[0]!.n;
    const { rows } = await pool.query<store.UserRow>("select * from auth.users order by created_at desc, id desc limit $1 offset $2", [
      perPage,
      (page - 1) * perPage,
    ]);
    const identities = await pool.query<store.IdentityRow>(
      "select * from auth.identities where user_id = any($1::uuid[]) order by created_at",
      [rows.map((u) => u.id)],
    );
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const path = `${req.baseUrl}${req.path}`;
    // The clients' parser wants `page` first in each URL.
    const links = [];
    if (page < lastPage) links.push(`<${path}?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    links.push(`<${path}?page=${lastPage}&per_page=${perPage}>; rel="last"`);
    res.setHeader("X-Total-Count", String(total));
    res.setHeader("Link", links.join(", "));
    res.json({
      users: rows.map((u) =>
        store.userJson(
          u,
          identities.rows.filter((i) => i.user_id === u.id),
        ),
      ),
      aud: "authenticated",
    });
  });

  r.post("/users", async (req, res) => {
    const body = parseBody(createBody, req.body);
    if (!body.email)
      throw errors.validation(body.phone ? "Phone numbers are not supported" : "Unable to validate email address: invalid format");
    const hash = body.password !== undefined ? await auth.hasher.hash(auth.checkPassword(body.password)) : null;
    const email = body.email;
    try {
      const json = await auth.tx(async (db) => {
        const user = await store.insertUser(db, {
          id: body.id,
          email,
          encryptedPassword: hash,
          confirmed: body.email_confirm === true,
          userMetadata: body.user_metadata ?? {},
          appMetadata: body.app_metadata ?? {},
        });
        const until = banUntil(body.ban_duration);
        if (until !== undefined) await db.query("update auth.users set banned_until = $2 where id = $1", [user.id, until]);
        return await auth.userJson(db, user.id);
      });
      res.json(json);
    } catch (err) {
      if (isEmailTaken(err) || (err as { constraint?: string }).constraint === "users_pkey") throw errors.emailExists();
      throw err;
    }
  });

  r.get("/users/:id", async (req, res) => {
    res.json(await auth.userJson(pool, userParam(req)));
  });

  r.put("/users/:id", async (req, res) => {
    const id = userParam(req);
    const body = parseBody(updateBody, req.body);
    const hash = body.password !== undefined ? await auth.hasher.hash(auth.checkPassword(body.password)) : undefined;
    try {
      const json = await auth.tx(async (db) => {
        if (!(await store.findUserById(db, id, true))) throw errors.userNotFound();
        if (body.user_metadata)
          await db.query(`update auth.users set raw_user_meta_data = ${store.mergeMetadataSql("raw_user_meta_data", "$2")} where id = $1`, [
            id,
            body.user_metadata,
          ]);
        if (body.app_metadata)
          await db.query(`update auth.users set raw_app_meta_data = ${store.mergeMetadataSql("raw_app_meta_data", "$2")} where id = $1`, [
            id,
            body.app_metadata,
          ]);
        if (hash) await db.query("update auth.users set encrypted_password = $2 where id = $1", [id, hash]);
        if (body.email) {
          await db.query("update auth.users set email = $2 where id = $1", [id, body.email]);
          await db.query(
            "update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text) where user_id = $1 and provider = 'email'",
            [id, body.email],
          );
        }
        if (body.email_confirm === true) await store.confirmEmail(db, id);
        const until = banUntil(body.ban_duration);
        if (until !== undefined) {
          await db.query("update auth.users set banned_until = $2 where id = $1", [id, until]);
          if (until) await db.query("delete from auth.sessions where user_id = $1", [id]);
        }
        return await auth.userJson(db, id);
      });
      auth.onSessionsEnded(id);
      res.json(json);
    } catch (err) {
      if (isEmailTaken(err)) throw errors.emailExists();
      throw err;
    }
  });

  r.delete("/users/:id", async (req, res) => {
    const id = userParam(req);
    const { rowCount } = await pool.query("delete from auth.users where id = $1", [id]);
    if (!rowCount) throw errors.userNotFound();
    auth.onSessionsEnded(id);
    res.json({});
  });

  return r;
}
