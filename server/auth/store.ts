/**
 * The auth server's SQL: users, identities, sessions, refresh tokens and mail,
 * as GoTrue keeps them. Runs as the database owner; callers pass the client
 * of their transaction.
 */
import type { PoolClient } from "../../db/pool.ts";

type Queryable = Pick<PoolClient, "query">;

export interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change_token_new: string | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  reauthentication_token: string | null;
  reauthentication_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  is_anonymous: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Banned (GoTrue's admin `ban_duration`) until a time still to come: no sign-in, no refresh. */
export function isBanned(user: Pick<UserRow, "banned_until">, now = new Date()): boolean {
  return user.banned_until !== null && user.banned_until > now;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  email: string | null;
}

export interface SessionRow {
  id: string;
  user_id: string;
  amr: { method: string; timestamp: number }[];
  aal: string;
  not_after: Date;
}

export const EMAIL_APP_METADATA = { provider: "email", providers: ["email"] };

/**
 * SQL that merges the JSON object in `param` into the jsonb `column` as GoTrue
 * merges metadata: keys set to null are removed.
 */
export function mergeMetadataSql(column: string, param: string): string {
  return `(${column} || ${param}::jsonb) - coalesce(array(select key from jsonb_each(${param}::jsonb) where value = 'null'::jsonb), '{}')`;
}

export async function findUserByEmail(db: Queryable, email: string, lock = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select * from auth.users where email = $1${lock ? " for update" : ""}`, [email]);
  return rows[0];
}

export async function findUserById(db: Queryable, id: string, lock = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select * from auth.users where id = $1${lock ? " for update" : ""}`, [id]);
  return rows[0];
}

const TOKEN_COLUMNS = {
  confirmation: "confirmation_token",
  recovery: "recovery_token",
  email_change: "email_change_token_new",
} as const;
export type TokenKind = keyof typeof TOKEN_COLUMNS;

export async function findUserByToken(db: Queryable, kind: TokenKind, tokenHash: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`select * from auth.users where ${TOKEN_COLUMNS[kind]} = $1 for update`, [tokenHash]);
  return rows[0];
}

export async function identitiesOf(db: Queryable, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>("select * from auth.identities where user_id = $1 order by created_at", [userId]);
  return rows;
}

export async function insertUser(
  db: Queryable,
  u: {
    id?: string;
    email: string;
    encryptedPassword: string | null;
    confirmed: boolean;
    userMetadata: Record<string, unknown>;
    appMetadata?: Record<string, unknown>;
  },
): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
     values (coalesce($1::uuid, gen_random_uuid()), $2, $3, case when $4 then now() end, $5, $6)
     returning *`,
    [u.id ?? null, u.email, u.encryptedPassword, u.confirmed, { ...u.appMetadata, ...EMAIL_APP_METADATA }, u.userMetadata],
  );
  const user = rows[0]!;
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider)
     values ($1::text, $1::uuid, $2, 'email')`,
    [user.id, { sub: user.id, email: user.email, email_verified: u.confirmed, phone_verified: false }],
  );
  return user;
}

/** Mark the email verified, on the user and its identity (as GoTrue does on confirmation). */
export async function confirmEmail(db: Queryable, userId: string): Promise<void> {
  await db.query(
    `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()),
            confirmation_token = null,
            raw_user_meta_data = raw_user_meta_data || '{"email_verified": true}'
      where id = $1`,
    [userId],
  );
  await db.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}', updated_at = now()
      where user_id = $1 and provider = 'email'`,
    [userId],
  );
}

/** Make `email` the user's address (confirmed), on the user and its identity. */
export async function setEmail(db: Queryable, userId: string, email: string): Promise<void> {
  await db.query(
    `update auth.users set email = $2, email_change = null, email_change_token_new = null,
            email_confirmed_at = coalesce(email_confirmed_at, now())
      where id = $1`,
    [userId, email],
  );
  await db.query(
    `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', true), updated_at = now()
      where user_id = $1 and provider = 'email'`,
    [userId, email],
  );
}

export async function createSession(
  db: Queryable,
  s: {
    userId: string;
    method: string;
    refreshTokenHash: string;
    sessionDays: number;
    userAgent: string | undefined;
    ip: string | undefined;
  },
): Promise<SessionRow> {
  const amr = [{ method: s.method, timestamp: Math.floor(Date.now() / 1000) }];
  const { rows } = await db.query<SessionRow>(
    `insert into auth.sessions (user_id, not_after, amr, user_agent, ip)
     values ($1, now() + make_interval(days => $2), $3, $4, $5::inet)
     returning id, user_id, amr, aal, not_after`,
    [s.userId, s.sessionDays, JSON.stringify(amr), s.userAgent ?? null, s.ip ?? null],
  );
  const session = rows[0]!;
  await db.query("insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)", [
    s.refreshTokenHash,
    s.userId,
    session.id,
  ]);
  await db.query("update auth.users set last_sign_in_at = now() where id = $1", [s.userId]);
  await db.query("update auth.identities set last_sign_in_at = now() where user_id = $1", [s.userId]);
  return session;
}

/** A user, its identities and one of its live sessions, in one round trip (for refresh). */
export async function findUserSession(
  db: Queryable,
  userId: string,
  sessionId: string,
): Promise<{ user: UserRow; identities: IdentityRow[]; session: SessionRow } | undefined> {
  const { rows } = await db.query<UserRow & { identities_json: IdentityRow[]; session_json: SessionRow }>(
    `select u.*,
            (select coalesce(json_agg(i order by i.created_at), '[]') from auth.identities i where i.user_id = u.id) as identities_json,
            json_build_object('id', s.id, 'user_id', s.user_id, 'amr', s.amr, 'aal', s.aal, 'not_after', s.not_after) as session_json
       from auth.users u join auth.sessions s on s.user_id = u.id
      where u.id = $1 and s.id = $2 and s.not_after > now()`,
    [userId, sessionId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { identities_json, session_json, ...user } = row;
  return { user, identities: identities_json, session: session_json };
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>(
    "select id, user_id, amr, aal, not_after from auth.sessions where id = $1 and not_after > now()",
    [id],
  );
  return rows[0];
}

export interface RotateResult {
  status: "rotated" | "reused" | "already_used" | "not_found" | "session_expired";
  session_id: string | null;
  user_id: string | null;
  depth: number;
}

export async function rotateRefreshToken(
  db: Queryable,
  presentedHash: string,
  childHash: string,
  reuseIntervalS: number,
): Promise<RotateResult> {
  const { rows } = await db.query<RotateResult>("select * from auth.rotate_refresh_token($1, $2, make_interval(secs => $3))", [
    presentedHash,
    childHash,
    reuseIntervalS,
  ]);
  return rows[0]!;
}

export type MailTemplate = "confirmation" | "recovery" | "magiclink" | "email_change" | "reauthentication" | "invite";

/** Queue a mail in the caller's transaction (the worker sends it). */
export async function queueMail(db: Queryable, recipient: string, template: MailTemplate, data: Record<string, unknown>): Promise<void> {
  await db.query("insert into app_private.mail_outbox (recipient, template, data) values ($1, $2, $3)", [recipient, template, data]);
}

/** The user object as GoTrue serialises it: null fields left out. */
export function userJson(u: UserRow, identities: IdentityRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: u.id,
    aud: u.aud,
    role: u.role,
    email: u.email ?? "",
    phone: u.phone ?? "",
    app_metadata: u.raw_app_meta_data,
    user_metadata: u.raw_user_meta_data,
    identities: identities.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: i.last_sign_in_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      email: i.email,
    })),
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: u.is_anonymous,
  };
  const optional: [string, unknown][] = [
    ["email_confirmed_at", u.email_confirmed_at],
    ["phone_confirmed_at", u.phone_confirmed_at],
    ["confirmed_at", u.confirmed_at],
    ["confirmation_sent_at", u.confirmation_sent_at],
    ["recovery_sent_at", u.recovery_sent_at],
    ["new_email", u.email_change],
    ["email_change_sent_at", u.email_change_sent_at],
    ["last_sign_in_at", u.last_sign_in_at],
    ["invited_at", u.invited_at],
    ["banned_until", u.banned_until],
  ];
  for (const [k, v] of optional) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
