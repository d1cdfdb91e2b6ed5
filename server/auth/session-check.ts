/**
 * Whether a verified access token still speaks for someone: its user exists
 * and is not banned, and its session (the `session_id` claim) has not ended
 * (signed out, expired, revoked with a password change or a ban). A token
 * minted without a session (API tests, scripts holding the JWT secret) is
 * checked for its user only.
 *
 * Looked up once per user and session every SESSION_CHECK_CACHE_MS (one
 * indexed query), in memory; this process forgets a user at once when it
 * signs them out, bans or deletes them (`forget`), other processes within the
 * cache time.
 */
import type { Pool } from "../../db/pool.ts";
import type { JwtClaims } from "./jwt.ts";

const MAX_ENTRIES = 100_000;

export interface SessionCheck {
  /** True when the token's user and session are alive. Anon and service_role keys always are. */
  isAlive(claims: JwtClaims): Promise<boolean>;
  /** Drop what is known of this user (after a sign-out, a ban, a deletion). */
  forget(userId: string): void;
}

export function createSessionCheck(pool: Pool, cacheMs: number): SessionCheck {
  let known = new Map<string, { alive: boolean; until: number; userId: string }>();

  async function lookUp(userId: string, sessionId: string | undefined): Promise<boolean> {
    const { rows } = await pool.query<{ alive: boolean }>(
      `select exists (
         select 1 from auth.users u
          where u.id = $1 and (u.banned_until is null or u.banned_until <= now())
            and ($2::uuid is null or exists (select 1 from auth.sessions s where s.id = $2::uuid and s.user_id = u.id and s.not_after > now()))
       ) as alive`,
      [userId, sessionId ?? null],
    );
    return rows[0]?.alive ?? false;
  }

  return {
    async isAlive(claims) {
      if (claims.role !== "authenticated") return true;
      const userId = claims.sub;
      if (typeof userId !== "string" || !/^[0-9a-f-]{36}$/i.test(userId)) return false;
      const sessionId = typeof claims.session_id === "string" ? claims.session_id : undefined;
      if (sessionId !== undefined && !/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
      const key = `${userId}/${sessionId ?? ""}`;
      const now = Date.now();
      const hit = known.get(key);
      if (hit && hit.until > now) return hit.alive;
      const alive = await lookUp(userId, sessionId);
      if (known.size >= MAX_ENTRIES) known = new Map();
      if (cacheMs > 0) known.set(key, { alive, until: now + cacheMs, userId });
      return alive;
    },
    forget(userId) {
      for (const [key, entry] of known) if (entry.userId === userId) known.delete(key);
    },
  };
}
