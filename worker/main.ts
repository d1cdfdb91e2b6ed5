/** `npm run worker`: the job worker alone (no HTTP server). */
import { runProcess } from "../lib/infra/main.ts";

await runProcess("worker", { server: false, worker: true });
