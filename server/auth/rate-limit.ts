/**
 * Rate limits on the sensitive auth endpoints (sign-in, sign-up, recover,
 * verify, OTP): N per minute per client IP and per email address, per action.
 * Counted in Redis when configured (shared by all server processes), in memory
 * otherwise, and in memory while Redis is unreachable.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "../../lib/infra/redis.ts";
import { errors } from "./errors.ts";

export type LimitedAction = "signin" | "signup" | "recover" | "verify" | "otp" | "resend";

export interface AuthRateLimiter {
  /** Throws AuthApiError 429 when the IP or the email is over its limit. */
  consume(action: LimitedAction, ip: string, email?: string): Promise<void>;
}

export function createAuthRateLimiter(perMinute: number, redis: Redis | undefined): AuthRateLimiter {
  const make = (keyPrefix: string): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points: perMinute, duration: 60 });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `rl:${keyPrefix}`,
          points: perMinute,
          duration: 60,
          insuranceLimiter: memory,
          rejectIfRedisNotReady: true,
        })
      : memory;
  };
  const byIp = make("auth-ip");
  const byEmail = make("auth-email");

  const take = async (limiter: RateLimiterAbstract, key: string) => {
    try {
      await limiter.consume(key);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw errors.overRequestRateLimit(Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  };

  return {
    async consume(action, ip, email) {
      await take(byIp, `${action}:${ip}`);
      if (email) await take(byEmail, `${action}:${email}`);
    },
  };
}
