/** `npm run keys`: print the anon and service_role API keys for the configured JWT_SECRET. */
import { loadConfig } from "../lib/infra/config.ts";
import { signApiKey } from "./auth/jwt.ts";

const config = loadConfig();
process.stdout.write(
  `anon key:         ${signApiKey("anon", config.jwt.secret)}\nservice_role key: ${signApiKey("service_role", config.jwt.secret)}\n`,
);
