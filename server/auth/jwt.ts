/**
 * JWTs as GoTrue issues them: HS256, `aud: authenticated` for users, and the
 * Supabase-style `anon` / `service_role` API keys signed with the same secret.
 */
import { createSecretKey, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";

export const REQUEST_ROLES = ["anon", "authenticated", "service_role"] as const;
export type RequestRole = (typeof REQUEST_ROLES)[number];

export interface JwtClaims {
  role: RequestRole;
  sub?: string;
  aud?: string;
  exp?: number;
  iat?: number;
  iss?: string;
  email?: string;
  phone?: string;
  session_id?: string;
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
  aal?: string;
  amr?: { method: string; timestamp: number }[];
  is_anonymous?: boolean;
  [claim: string]: unknown;
}

export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
}

function isRequestRole(v: unknown): v is RequestRole {
  return typeof v === "string" && (REQUEST_ROLES as readonly string[]).includes(v);
}

const keys = new Map<string, KeyObject>();

/**
 * The secret as a KeyObject, made once: given a string, jsonwebtoken derives
 * (and first tries to parse as a public key) the key on every call, which was
 * ~9% of a simple GraphQL request's CPU.
 */
export function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  return key;
}

/** Verify an HS256 token; its `role` must be one of the request roles. */
export function verifyToken(token: string, secret: string): JwtClaims {
  let decoded: string | jwt.JwtPayload;
  try {
    decoded = jwt.verify(token, secretKey(secret), { algorithms: ["HS256"] });
  } catch (err) {
    throw new InvalidTokenError(err instanceof jwt.TokenExpiredError ? "JWT expired" : "Invalid JWT", { cause: err });
  }
  if (typeof decoded !== "object" || !isRequestRole(decoded.role)) {
    throw new InvalidTokenError("Invalid JWT: unknown role");
  }
  if (decoded.role === "authenticated" && typeof decoded.sub !== "string") {
    throw new InvalidTokenError("Invalid JWT: missing sub claim");
  }
  return decoded as JwtClaims;
}

/** A long-lived API key (`anon` or `service_role`), as the Supabase CLI prints. */
export function signApiKey(role: "anon" | "service_role", secret: string, issuer = "pgsocial"): string {
  return jwt.sign({ role, iss: issuer }, secretKey(secret), { algorithm: "HS256", expiresIn: "10y" });
}

/** The bearer token of an Authorization header value, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
