/** `npm run keys`: print the anon and service_role API keys for the configured JWT_SECRET. */
import { ConfigError, loadConfig } from "../lib/infra/config.ts";
import { signApiKey } from "./auth/jwt.ts";

try {
  const config = loadConfig();
  process.stdout.write(
    `anon key:         ${signApiKey("anon", config.jwt.secret)}\nservice_role key: ${signApiKey("service_role", config.jwt.secret)}\n`,
  );
} catch (err) {
  // One line, not a stack trace: the configuration is the user's to fix.
  process.stderr.write(`${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
