/**
 * GoTrue's error contract. Bodies carry both shapes, so that the Supabase
 * clients read the right `code` whichever API version they assume:
 *   {"code": "invalid_credentials", "error_code": "invalid_credentials",
 *    "msg": "Invalid login credentials", "message": "Invalid login credentials"}
 * with the `x-sb-error-code` header. The client's `X-Supabase-Api-Version` is
 * echoed on every response (see router).
 */
import type { Response } from "express";

export class AuthApiError extends Error {
  override name = "AuthApiError";
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

export function sendAuthError(res: Response, err: AuthApiError): void {
  res.setHeader("x-sb-error-code", err.code);
  // A 429 says when to come back (RFC 9110 Retry-After, in seconds).
  if (typeof err.extra.retry_after === "number") res.setHeader("Retry-After", String(Math.max(1, Math.ceil(err.extra.retry_after))));
  res.status(err.status).json({ code: err.code, error_code: err.code, msg: err.message, message: err.message, ...err.extra });
}

export const errors = {
  validation: (message: string) => new AuthApiError(400, "validation_failed", message),
  badJson: () => new AuthApiError(400, "bad_json", "Could not parse request body as JSON"),
  invalidCredentials: () => new AuthApiError(400, "invalid_credentials", "Invalid login credentials"),
  emailNotConfirmed: () => new AuthApiError(400, "email_not_confirmed", "Email not confirmed"),
  userBanned: () => new AuthApiError(400, "user_banned", "User is banned"),
  userAlreadyExists: () => new AuthApiError(422, "user_already_exists", "User already registered"),
  emailExists: () => new AuthApiError(422, "email_exists", "A user with this email address has already been registered"),
  weakPassword: (minLength: number) =>
    new AuthApiError(422, "weak_password", `Password should be at least ${minLength} characters.`, {
      weak_password: { reasons: ["length"] },
    }),
  samePassword: () => new AuthApiError(422, "same_password", "New password should be different from the old password."),
  refreshTokenNotFound: () => new AuthApiError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found"),
  refreshTokenAlreadyUsed: () => new AuthApiError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used"),
  sessionExpired: () => new AuthApiError(400, "session_expired", "Session Expired"),
  sessionNotFound: () => new AuthApiError(403, "session_not_found", "Session from session_id claim in JWT does not exist"),
  noAuthorization: () => new AuthApiError(401, "no_authorization", "This endpoint requires a valid Bearer token"),
  badJwt: (detail: string) => new AuthApiError(403, "bad_jwt", `invalid JWT: unable to parse or verify signature, ${detail}`),
  userNotFound: () => new AuthApiError(404, "user_not_found", "User not found"),
  userGone: () => new AuthApiError(403, "user_not_found", "User from sub claim in JWT does not exist"),
  notAdmin: () => new AuthApiError(403, "not_admin", "User not allowed"),
  otpExpired: () => new AuthApiError(403, "otp_expired", "Token has expired or is invalid"),
  otpDisabled: () => new AuthApiError(422, "otp_disabled", "Signups not allowed for otp"),
  reauthenticationInvalid: () => new AuthApiError(400, "reauthentication_not_valid", "Verification code is invalid"),
  overRequestRateLimit: (retryAfterS: number) =>
    new AuthApiError(429, "over_request_rate_limit", "Request rate limit reached", { retry_after: retryAfterS }),
  overEmailSendRateLimit: (seconds: number) =>
    new AuthApiError(429, "over_email_send_rate_limit", `For security purposes, you can only request this after ${seconds} seconds.`, {
      retry_after: seconds,
    }),
  noApiKey: () => new AuthApiError(401, "no_api_key", "No API key found in request"),
  invalidApiKey: () => new AuthApiError(401, "invalid_api_key", "Invalid API key"),
  notFound: () => new AuthApiError(404, "not_found", "Not found"),
};
