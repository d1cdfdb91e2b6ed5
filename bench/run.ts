/**
 * `npm run bench [-- scenario ...]`: run benchmark scenarios against the real
 * server; results in bench/results/<scenario>.json and bench/results/summary.md.
 * BENCH_DURATION (s, default 15) and BENCH_CONNECTIONS (default 50) tune them.
 */
import { benchDatabase } from "./lib.ts";
import { authRefresh, loginStorm } from "./scenarios/auth.ts";
import { economyScenarios } from "./scenarios/economy.ts";
import { feedScenarios } from "./scenarios/feed.ts";
import type { Database } from "../db/prepare.ts";

process.env.GRAPHILE_ENV ??= "production";

const SCENARIOS: Record<string, (db: Database) => Promise<void>> = {
  "auth-refresh": authRefresh,
  "login-storm": loginStorm,
  feed: feedScenarios,
  economy: economyScenarios,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in SCENARIOS));
if (unknown.length) {
  process.stderr.write(`unknown scenario(s): ${unknown.join(", ")}; known: ${Object.keys(SCENARIOS).join(", ")}\n`);
  process.exit(2);
}
const db = await benchDatabase();
try {
  for (const name of wanted.length ? wanted : Object.keys(SCENARIOS)) {
    process.stdout.write(`running ${name}\n`);
    await SCENARIOS[name]!(db);
  }
} finally {
  await db.stop();
}
