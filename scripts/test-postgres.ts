// A throwaway PostgreSQL for the tests: a new cluster in a temporary directory, on loopback, with
// Debian's server binaries (`apt-get install postgresql`; `.ci/run` installs them). Or, with
// CLAIMDESK_TEST_POSTGRES_URL set, an existing server the tests may create databases on.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, MISSING_POSTGRES } from "../app/db/testing.server";

/** The newest installed server's bin directory (Debian installs /usr/lib/postgresql/<major>/bin). */
function serverBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(root, majors[0]!, "bin") : null;
}

export interface TestPostgres {
  /** A URL to the `postgres` maintenance database, for creating test databases. */
  adminUrl: string;
  stop(): void;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function asServerUser(bin: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const [command, commandArgs] = root ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const result = spawnSync(command, commandArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(bin)} failed: ${result.stderr || result.stdout || result.error?.message}`,
    );
  }
}

/** Starts a new cluster on `port` (its files under a temporary directory) and returns how to reach it. */
export function startTestPostgres(port: number): TestPostgres {
  const external = process.env.CLAIMDESK_TEST_POSTGRES_URL;
  if (external) return { adminUrl: external, stop: () => undefined };
  const bin = serverBinaries();
  if (!bin) throw new Error(MISSING_POSTGRES);
  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-postgres-"));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  asServerUser(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  asServerUser(path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    path.join(dir, "server.log"),
    "-w",
    "-o",
    // Loopback only, sockets in the cluster's own directory, no waiting for the disk: it is thrown away.
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`,
    "start",
  ]);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * `run COMMAND…`: runs the command with CLAIMDESK_TEST_POSTGRES_URL pointing at a PostgreSQL made
 * for it (unless one is given, or CLAIMDESK_TEST_POSTGRES=off), stopped and removed afterwards.
 * `create NAME`: makes database NAME afresh on that server and prints its URL.
 */
async function main([verb, ...args]: string[]) {
  if (verb === "create") {
    const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
    if (!admin) throw new Error(MISSING_POSTGRES);
    console.log(await createTestDatabase(admin, args[0]));
    return;
  }
  if (verb !== "run" || args.length === 0)
    throw new Error("usage: test-postgres.ts run COMMAND… | create NAME");
  let server: TestPostgres | null = null;
  if (process.env.CLAIMDESK_TEST_POSTGRES === "off") {
    console.warn("CLAIMDESK_TEST_POSTGRES=off: the PostgreSQL tests are skipped; CI runs them.");
  } else {
    try {
      server = startTestPostgres(await freePort());
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
  }
  const env = server ? { ...process.env, CLAIMDESK_TEST_POSTGRES_URL: server.adminUrl } : process.env;
  const child = spawnSync(args[0]!, args.slice(1), { stdio: "inherit", env });
  server?.stop();
  process.exit(child.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
