/**
 * Configuration: read once from the environment, validated, typed.
 *
 * A bad value stops the process with one line that names the variable, e.g.
 *   Invalid configuration: PORT must be an integer between 0 and 65535 (got "http")
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { messageKeyring, type MessageKeyring } from "../domain/message-keys.ts";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

const DEV_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
const DEV_MESSAGE_ENCRYPTION_KEY = "development-message-key-never-use-in-production";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce
  .number({ error: "must be an integer between 0 and 65535" })
  .int({ error: "must be an integer between 0 and 65535" })
  .min(0, { error: "must be an integer between 0 and 65535" })
  .max(65535, { error: "must be an integer between 0 and 65535" });

const positiveInt = (max: number) =>
  z.coerce
    .number({ error: `must be an integer between 1 and ${max}` })
    .int({ error: `must be an integer between 1 and ${max}` })
    .min(1, { error: `must be an integer between 1 and ${max}` })
    .max(max, { error: `must be an integer between 1 and ${max}` });

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), { error: "must be a postgres:// URL" });

const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), { error: "must be a redis:// or rediss:// URL" });

const httpUrl = z.string().refine((v) => /^https?:\/\//.test(v), { error: "must be an http:// or https:// URL" });

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      error: "must be development, production or test",
    })
    .default("development"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: port.default(3000),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .optional(),

  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  DATABASE_AUTHENTICATOR_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  AUTHENTICATOR_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8, { error: "must be at least 8 characters" }).optional()),
  DATABASE_POOL_SIZE: positiveInt(500).default(20),
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  EMBEDDED_PG_PORT: port.default(54329),

  REDIS_URL: z.preprocess(emptyAsUndefined, redisUrl.optional()),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, { error: "must be 1-64 characters of A-Z a-z 0-9 : _ . -" })
    .default("pgsocial:"),

  JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, { error: "must be at least 32 characters" }).optional()),
  JWT_EXPIRY: positiveInt(604800).default(900),

  MESSAGE_ENCRYPTION_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, { error: "must be at least 32 characters" }).optional()),
  MESSAGE_ENCRYPTION_OLD_KEYS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((k) => k.length >= 32), { error: "must be comma-separated keys of at least 32 characters each" }),

  CORS_ORIGINS: z.string().default("*"),
  GRAPHQL_DEPTH_LIMIT: positiveInt(100).default(12),
  GRAPHQL_LIST_DEPTH_LIMIT: positiveInt(100).default(6),
  GRAPHQL_MAX_PAGE_SIZE: positiveInt(10_000).default(100),
  GRAPHQL_MAX_DOCUMENT_BYTES: positiveInt(10_000_000).default(32_768),
  GRAPHQL_MAX_ALIASES: positiveInt(100_000).default(30),
  GRAPHQL_MAX_FIELDS: positiveInt(1_000_000).default(500),
  GRAPHQL_MAX_COST: positiveInt(100_000_000).default(50_000),
  GRAPHQL_MAX_BODY_BYTES: positiveInt(100_000_000).default(2_000_000),
  GRAPHQL_PLANNING_TIMEOUT_MS: positiveInt(600_000).default(5000),
  GRAPHQL_EXECUTION_TIMEOUT_MS: positiveInt(600_000).default(10_000),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_TRUSTED_DOCUMENTS_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  GRAPHQL_ALLOW_UNTRUSTED_DOCUMENTS: bool.optional(),
  SESSION_CHECK_CACHE_MS: z.coerce.number({ error: "must be a number of milliseconds" }).int().min(0).max(600_000).default(5000),
  STATEMENT_TIMEOUT_MS: positiveInt(600000).default(5000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(60000).default(8000),

  WORKER_CONCURRENCY: positiveInt(100).default(4),
  WORKER_POLL_INTERVAL_MS: positiveInt(60000).default(1000),

  SITE_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  API_EXTERNAL_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  ADDITIONAL_REDIRECT_URLS: z.string().default(""),
  TRUST_PROXY: z.string().default("loopback"),

  BCRYPT_COST: z.coerce
    .number({ error: "must be an integer between 4 and 15" })
    .int({ error: "must be an integer between 4 and 15" })
    .min(4, { error: "must be an integer between 4 and 15" })
    .max(15, { error: "must be an integer between 4 and 15" })
    .default(12),
  AUTH_AUTOCONFIRM: bool.optional(),
  AUTH_PASSWORD_MIN_LENGTH: positiveInt(72).default(6),
  AUTH_RATE_LIMIT_PER_MINUTE: positiveInt(1_000_000).default(10),
  AUTH_EMAIL_MIN_INTERVAL_S: z.coerce.number({ error: "must be a number of seconds" }).int().min(0).default(60),
  AUTH_REFRESH_REUSE_INTERVAL_S: z.coerce.number({ error: "must be a number of seconds" }).int().min(0).default(10),
  AUTH_SESSION_DAYS: positiveInt(3650).default(30),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), { error: "must be an smtp:// or smtps:// URL" })
      .optional(),
  ),
  MAIL_FROM: z.string().default("pgsocial <no-reply@localhost>"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  isProduction: boolean;
  host: string;
  port: number;
  logLevel: string;
  /** Owner connection (runs migrations, worker, auth). Undefined: use an embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Connection for PostGraphile as the LOGIN NOINHERIT `authenticator` role. */
  authenticatorUrl: string | undefined;
  authenticatorPassword: string;
  databasePoolSize: number;
  embedded: { dir: string; port: number };
  redisUrl: string | undefined;
  /** Prefix of every Redis key this process writes (several deployments, or tests, may share a Redis). */
  redisKeyPrefix: string;
  jwt: { secret: string; expirySeconds: number; isDevelopmentDefault: boolean };
  /** Direct-message encryption keys (never stored in the database; see docs/messaging.md). */
  messages: { keyring: MessageKeyring; isDevelopmentDefault: boolean };
  corsOrigins: "*" | string[];
  graphql: {
    depthLimit: number;
    listDepthLimit: number;
    statementTimeoutMs: number;
    maxPageSize: number;
    maxDocumentBytes: number;
    maxAliases: number;
    maxFields: number;
    maxCost: number;
    maxBodyBytes: number;
    planningTimeoutMs: number;
    executionTimeoutMs: number;
    /** Schema introspection (GraphiQL, codegen): on except in production. */
    introspection: boolean;
    /** Trusted documents (persisted operations): a directory of `<sha256>.graphql` files, or undefined (off). */
    trustedDocumentsDir: string | undefined;
    /** With trusted documents on, whether other documents are still accepted. */
    allowUntrustedDocuments: boolean;
  };
  /** How long a token's session is known to be alive (or gone) before it is looked up again. */
  sessionCheckCacheMs: number;
  shutdownTimeoutMs: number;
  worker: { concurrency: number; pollIntervalMs: number };
  siteUrl: string;
  apiExternalUrl: string;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe (rate limits key on the client IP). */
  trustProxy: boolean | number | string;
  auth: {
    bcryptCost: number;
    autoconfirm: boolean;
    passwordMinLength: number;
    rateLimitPerMinute: number;
    emailMinIntervalS: number;
    refreshReuseIntervalS: number;
    sessionDays: number;
    /** Where email links may send the user after verification, besides SITE_URL. */
    redirectUrls: string[];
  };
  mail: { smtpUrl: string | undefined; from: string };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse and validate an environment. Throws ConfigError with a one-line message. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const got = source[name];
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";

  if (isProduction && !e.JWT_SECRET) {
    throw new ConfigError("Invalid configuration: JWT_SECRET is required when NODE_ENV=production");
  }
  if (isProduction && !e.MESSAGE_ENCRYPTION_KEY) {
    throw new ConfigError("Invalid configuration: MESSAGE_ENCRYPTION_KEY is required when NODE_ENV=production");
  }
  if (isProduction && !e.DATABASE_URL) {
    throw new ConfigError("Invalid configuration: DATABASE_URL is required when NODE_ENV=production");
  }
  if (isProduction && !e.AUTHENTICATOR_PASSWORD && !e.DATABASE_AUTHENTICATOR_URL) {
    throw new ConfigError(
      "Invalid configuration: AUTHENTICATOR_PASSWORD (or DATABASE_AUTHENTICATOR_URL) is required when NODE_ENV=production",
    );
  }

  const corsOrigins =
    e.CORS_ORIGINS.trim() === "*"
      ? ("*" as const)
      : e.CORS_ORIGINS.split(",")
          .map((s) => s.trim())
          .filter(Boolean);

  const siteUrl = e.SITE_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "warn" : "info"),
    databaseUrl: e.DATABASE_URL,
    authenticatorUrl: e.DATABASE_AUTHENTICATOR_URL,
    authenticatorPassword: e.AUTHENTICATOR_PASSWORD ?? "authenticator-development-password",
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embedded: { dir: path.resolve(projectRoot, e.EMBEDDED_PG_DIR), port: e.EMBEDDED_PG_PORT },
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    jwt: {
      secret: e.JWT_SECRET ?? DEV_JWT_SECRET,
      expirySeconds: e.JWT_EXPIRY,
      isDevelopmentDefault: !e.JWT_SECRET,
    },
    messages: {
      keyring: messageKeyring(e.MESSAGE_ENCRYPTION_KEY ?? DEV_MESSAGE_ENCRYPTION_KEY, e.MESSAGE_ENCRYPTION_OLD_KEYS),
      isDevelopmentDefault: !e.MESSAGE_ENCRYPTION_KEY,
    },
    corsOrigins,
    graphql: {
      depthLimit: e.GRAPHQL_DEPTH_LIMIT,
      listDepthLimit: e.GRAPHQL_LIST_DEPTH_LIMIT,
      statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
      maxPageSize: e.GRAPHQL_MAX_PAGE_SIZE,
      maxDocumentBytes: e.GRAPHQL_MAX_DOCUMENT_BYTES,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxFields: e.GRAPHQL_MAX_FIELDS,
      maxCost: e.GRAPHQL_MAX_COST,
      maxBodyBytes: e.GRAPHQL_MAX_BODY_BYTES,
      planningTimeoutMs: e.GRAPHQL_PLANNING_TIMEOUT_MS,
      executionTimeoutMs: e.GRAPHQL_EXECUTION_TIMEOUT_MS,
      introspection: e.GRAPHQL_INTROSPECTION ?? !isProduction,
      trustedDocumentsDir: e.GRAPHQL_TRUSTED_DOCUMENTS_DIR && path.resolve(projectRoot, e.GRAPHQL_TRUSTED_DOCUMENTS_DIR),
      allowUntrustedDocuments: e.GRAPHQL_ALLOW_UNTRUSTED_DOCUMENTS ?? !e.GRAPHQL_TRUSTED_DOCUMENTS_DIR,
    },
    sessionCheckCacheMs: e.SESSION_CHECK_CACHE_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    worker: { concurrency: e.WORKER_CONCURRENCY, pollIntervalMs: e.WORKER_POLL_INTERVAL_MS },
    siteUrl,
    apiExternalUrl: e.API_EXTERNAL_URL ?? `http://localhost:${e.PORT}`,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    auth: {
      bcryptCost: e.BCRYPT_COST,
      autoconfirm: e.AUTH_AUTOCONFIRM ?? !isProduction,
      passwordMinLength: e.AUTH_PASSWORD_MIN_LENGTH,
      rateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
      emailMinIntervalS: e.AUTH_EMAIL_MIN_INTERVAL_S,
      refreshReuseIntervalS: e.AUTH_REFRESH_REUSE_INTERVAL_S,
      sessionDays: e.AUTH_SESSION_DAYS,
      redirectUrls: e.ADDITIONAL_REDIRECT_URLS.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
  };
}

function parseTrustProxy(v: string): boolean | number | string {
  if (v === "true") return true;
  if (v === "false" || v === "") return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** A random secret, for tests that need one. */
export function randomSecret(): string {
  return randomBytes(32).toString("hex");
}
