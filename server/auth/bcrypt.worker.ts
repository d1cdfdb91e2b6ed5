/** Runs in a worker thread (piscina): bcrypt costs ~280 ms of CPU at cost 12. */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import bcrypt from "bcryptjs";

export type BcryptTask = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

// Hashing yields the CPU to the event loop: on Linux a thread has its own nice
// value, so this thread alone runs at lower priority (elsewhere: unchanged).
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (tid > 0) setPriority(tid, 10);
} catch {
  // not Linux, or not permitted: run at normal priority
}

export default function run(task: BcryptTask): string | boolean {
  return task.op === "hash" ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
