/** Runs in a worker thread (piscina): bcrypt costs ~280 ms of CPU at cost 12. */
import bcrypt from "bcryptjs";

export type BcryptTask = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

export default function run(task: BcryptTask): string | boolean {
  return task.op === "hash" ? bcrypt.hashSync(task.password, task.cost) : bcrypt.compareSync(task.password, task.hash);
}
