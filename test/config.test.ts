import t from "tap";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ConfigError, loadConfig, projectRoot } from "../lib/infra/config.ts";

t.test("defaults for development", async (t) => {
  const c = loadConfig({});
  t.equal(c.env, "development");
  t.equal(c.port, 3000);
  t.equal(c.databaseUrl, undefined, "embedded PostgreSQL");
  t.ok(c.jwt.isDevelopmentDefault);
  t.equal(c.jwt.expirySeconds, 900);
  t.equal(c.corsOrigins, "*");
});

t.test("a bad value stops start-up with one line naming the variable", async (t) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: "http" }, /^Invalid configuration: PORT must be an integer between 0 and 65535 \(got "http"\)$/],
    [{ DATABASE_URL: "mysql://x" }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL/],
    [{ REDIS_URL: "localhost:6379" }, /^Invalid configuration: REDIS_URL must be a redis:\/\//],
    [{ JWT_SECRET: "short" }, /^Invalid configuration: JWT_SECRET must be at least 32 characters/],
    [{ NODE_ENV: "prod" }, /^Invalid configuration: NODE_ENV must be development, production or test/],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://x/y" }, /JWT_SECRET is required when NODE_ENV=production/],
    [{ MESSAGE_ENCRYPTION_KEY: "short" }, /^Invalid configuration: MESSAGE_ENCRYPTION_KEY must be at least 32 characters/],
    [
      { MESSAGE_ENCRYPTION_OLD_KEYS: "short" },
      /^Invalid configuration: MESSAGE_ENCRYPTION_OLD_KEYS must be comma-separated keys of at least 32 characters/,
    ],
    [
      { NODE_ENV: "production", DATABASE_URL: "postgres://x/y", JWT_SECRET: "x".repeat(32), AUTHENTICATOR_PASSWORD: "password" },
      /MESSAGE_ENCRYPTION_KEY is required when NODE_ENV=production/,
    ],
  ];
  for (const [env, message] of cases) {
    const err = t.throws(() => loadConfig(env), ConfigError, JSON.stringify(env)) as Error;
    t.match(err.message, message);
    t.notMatch(err.message, /\n/, "one line");
  }
});

t.test("message keys: the current one first, old ones still readable, ids that do not reveal the keys", async (t) => {
  const dev = loadConfig({});
  t.ok(dev.messages.isDevelopmentDefault, "a development default");
  const [current, old] = ["c".repeat(32), "o".repeat(32)];
  const c = loadConfig({ MESSAGE_ENCRYPTION_KEY: current, MESSAGE_ENCRYPTION_OLD_KEYS: `${old}, ` });
  t.notOk(c.messages.isDevelopmentDefault);
  const setting = JSON.parse(c.messages.keyring.setting) as { current: string; keys: Record<string, string> };
  t.equal(setting.current, c.messages.keyring.currentId);
  t.same(Object.values(setting.keys).sort(), [current, old].sort());
  t.equal(setting.keys[setting.current], current);
  t.match(setting.current, /^[0-9a-f]{16}$/);
  t.notOk(current.includes(setting.current) || old.includes(setting.current));
  t.not(loadConfig({ MESSAGE_ENCRYPTION_KEY: old }).messages.keyring.currentId, setting.current, "each key its own id");
});

t.test("CORS_ORIGINS is a comma-separated list", async (t) => {
  t.same(loadConfig({ CORS_ORIGINS: "https://a.example, https://b.example" }).corsOrigins, ["https://a.example", "https://b.example"]);
});

t.test("the process exits 1 with that line", async (t) => {
  const r = spawnSync(process.execPath, [path.join(projectRoot, "server/main.ts")], {
    env: { ...process.env, PORT: "-1", DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 20_000,
  });
  t.equal(r.status, 1);
  t.equal(r.stderr.trim(), 'Invalid configuration: PORT must be an integer between 0 and 65535 (got "-1")');
});
