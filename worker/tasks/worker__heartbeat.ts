import { hostname } from "node:os";
import type { Task } from "graphile-worker";

const startedAt = new Date();
const workerId = `${hostname()}:${process.pid}`;

/** Record that this worker process is alive and processing jobs (read by /health). */
export const worker__heartbeat: Task = async (_payload, helpers) => {
  await helpers.withPgClient((client) =>
    client.query("select app_private.worker_heartbeat($1, $2, $3, $4)", [workerId, hostname(), process.pid, startedAt]),
  );
};
