/**
 * Per-user LISTEN/NOTIFY channels (`<prefix>:<user id>`) for subscriptions.
 * The user is the one the verified token names (pgSettings, set by the
 * context exactly as over HTTP), so a subscriber only ever listens to their
 * own channel; anonymous subscribers are refused.
 */
import { SafeError } from "postgraphile/grafast";

export type ChannelPrefix = "feed" | "notifications" | "messages";

export function userChannel(prefix: ChannelPrefix, pgSettings: Record<string, string | undefined> | null | undefined): string {
  const claims = JSON.parse(pgSettings?.["request.jwt.claims"] ?? "{}") as { sub?: unknown };
  if (typeof claims.sub !== "string") throw new SafeError(`You must be signed in to follow your ${prefix}`, { code: "LOGIN" });
  return `${prefix}:${claims.sub}`;
}
