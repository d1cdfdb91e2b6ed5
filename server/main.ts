/**
 * `npm start`: HTTP server and worker in one process.
 * `npm run server` (`--no-worker`): the HTTP server alone, to scale separately.
 */
import { runProcess } from "../lib/main.ts";

const withWorker = !process.argv.includes("--no-worker");
await runProcess(withWorker ? "pgsocial" : "server", { server: true, worker: withWorker });
