/**
 * Password hashing off the event loop: bcryptjs in a pool of worker threads,
 * one per core, so that a login storm queues behind itself and does not stall
 * other requests.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { BcryptTask } from "./bcrypt.worker.ts";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string | null): Promise<boolean>;
  close(): Promise<void>;
}

export function createPasswordHasher(cost: number): PasswordHasher {
  const pool = new Piscina<BcryptTask, string | boolean>({
    filename: new URL("./bcrypt.worker.ts", import.meta.url).href,
    maxThreads: Math.max(1, availableParallelism()),
    idleTimeout: 60_000,
  });
  // Compared against when there is no user, so that "unknown email" takes as
  // long as "wrong password" and does not reveal which accounts exist.
  const dummy = pool.run({ op: "hash", password: "dummy-password", cost }) as Promise<string>;
  return {
    async hash(password) {
      return (await pool.run({ op: "hash", password, cost })) as string;
    },
    async verify(password, hash) {
      const ok = (await pool.run({ op: "compare", password, hash: hash ?? (await dummy) })) as boolean;
      return hash !== null && ok;
    },
    async close() {
      await dummy.catch(() => undefined);
      await pool.destroy();
    },
  };
}
