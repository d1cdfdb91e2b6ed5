/** The official Supabase auth clients, pointed at a test server. */
import { GoTrueAdminApi as AuthJsAdmin, GoTrueClient as AuthJsClient } from "@supabase/auth-js";
import { GoTrueAdminApi as GoTrueJsAdmin, GoTrueClient as GoTrueJsClient } from "@supabase/gotrue-js";
import { signApiKey } from "../../server/auth/jwt.ts";
import { TEST_JWT_SECRET } from "./system.ts";

export const ANON_KEY = signApiKey("anon", TEST_JWT_SECRET);
export const SERVICE_ROLE_KEY = signApiKey("service_role", TEST_JWT_SECRET);

/** Settings for auth tests: cheap bcrypt, limits out of the way unless a test sets them. */
export const AUTH_TEST_ENV = { BCRYPT_COST: "4", AUTH_RATE_LIMIT_PER_MINUTE: "100000", AUTH_EMAIL_MIN_INTERVAL_S: "0" };

export const CLIENT_KINDS = ["auth-js", "gotrue-js"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];
export type AnyClient = AuthJsClient | GoTrueJsClient;

let n = 0;
export function makeClient(kind: ClientKind, baseUrl: string) {
  const options = {
    url: `${baseUrl}/auth/v1`,
    headers: { apikey: ANON_KEY, Authorization: `Bearer ${ANON_KEY}` },
    autoRefreshToken: false,
    persistSession: false,
    storageKey: `test-${process.pid}-${++n}`,
  };
  return kind === "auth-js" ? new AuthJsClient(options) : new GoTrueJsClient(options);
}

export function makeAdmin(kind: ClientKind, baseUrl: string, key = SERVICE_ROLE_KEY) {
  const options = { url: `${baseUrl}/auth/v1`, headers: { apikey: key, Authorization: `Bearer ${key}` } };
  return kind === "auth-js" ? new AuthJsAdmin(options) : new GoTrueJsAdmin(options);
}

let emails = 0;
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${++emails}@example.com`;
}
