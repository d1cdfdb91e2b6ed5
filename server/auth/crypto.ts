/** Token material: refresh tokens, one-time codes, access tokens. */
import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";
import jwt from "jsonwebtoken";
import { secretKey, type JwtClaims } from "./jwt.ts";

/** A new opaque refresh token: 32 random bytes, base64url. */
export function newRefreshToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The token that replaces `token` when it is rotated: HMAC(key, token). Being
 * derived, it can be handed out again to a parallel or retried refresh of the
 * same token (within the reuse interval) although only hashes are stored.
 */
export function childToken(token: string, key: Buffer): string {
  return createHmac("sha256", key).update(token).digest("base64url");
}

export function descendantToken(token: string, depth: number, key: Buffer): string {
  let t = token;
  for (let i = 0; i < depth; i++) t = childToken(t, key);
  return t;
}

/** What the database stores for a refresh token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The key refresh tokens are derived with: separate from, but derived from, the JWT secret. */
export function refreshKey(jwtSecret: string): Buffer {
  return createHmac("sha256", jwtSecret).update("pgsocial refresh-token derivation v1").digest();
}

/** A 6-digit one-time code. */
export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** GoTrue's stored form of a one-time code, which is also the link's token_hash. */
export function otpHash(email: string, otp: string): string {
  return createHash("sha224")
    .update(email + otp)
    .digest("hex");
}

export interface AccessToken {
  token: string;
  expiresAt: number;
  expiresIn: number;
}

export function signAccessToken(claims: Omit<JwtClaims, "exp" | "iat">, secret: string, expiresIn: number): AccessToken {
  const iat = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ ...claims, iat }, secretKey(secret), { algorithm: "HS256", expiresIn });
  return { token, expiresAt: iat + expiresIn, expiresIn };
}
