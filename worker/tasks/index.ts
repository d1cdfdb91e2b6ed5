import type { TaskList } from "graphile-worker";
import { worker__heartbeat } from "./worker__heartbeat.ts";

/** Everything the worker can run. Each task calls SQL; none re-implements a rule. */
export function makeTaskList(): TaskList {
  return {
    worker__heartbeat,
  };
}
