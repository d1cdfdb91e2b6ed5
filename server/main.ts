/**
 * `npm start`: HTTP server and worker in one process.
 * `npm run server` (`--no-worker`): the HTTP server alone, to scale separately.
 */
import { runProcess } from "../lib/infra/main.ts";
import { signApiKey } from "./auth/jwt.ts";

const withWorker = !process.argv.includes("--no-worker");
await runProcess(withWorker ? "pgsocial" : "server", { server: true, worker: withWorker }, (system, logger, config) => {
  if (config.jwt.isDevelopmentDefault) {
    logger.warn("JWT_SECRET is not set: using the development default. Never do this in production.");
  }
  if (config.messages.isDevelopmentDefault) {
    logger.warn("MESSAGE_ENCRYPTION_KEY is not set: direct messages use the development key. Never do this in production.");
  }
  if (!config.isProduction) {
    // As the Supabase CLI does: the keys clients pass as `apikey` (and admins as Bearer).
    logger.info(
      {
        api_url: system.url,
        anon_key: signApiKey("anon", config.jwt.secret),
        service_role_key: signApiKey("service_role", config.jwt.secret),
      },
      "development API keys",
    );
  }
});
