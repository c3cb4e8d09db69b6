import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as ClientModule from "./client.server";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "./migrate.server";
import { migratePostgres } from "./migrate-postgres.server";

export const MISSING_POSTGRES = `The tests run against PostgreSQL as well as SQLite, and no PostgreSQL was given.
npm test starts one with Debian's server package (apt-get install -y postgresql; .ci/run installs it).
Or set CLAIMDESK_TEST_POSTGRES_URL=postgresql://USER:PASSWORD@HOST:PORT/postgres to a server where
the tests may create and drop databases, or CLAIMDESK_TEST_POSTGRES=off to run the SQLite half alone.`;

/** A new, empty database on the PostgreSQL server at `adminUrl` (made afresh if it exists); returns its URL. */
export async function createTestDatabase(
  adminUrl: string,
  name = `claimdesk_${randomBytes(6).toString("hex")}`,
): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new folder holding the migrations of `folder` that come before `migration`. */
function migrationsBefore(folder: string, migration: string): string {
  const before = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-migrations-")), "before");
  for (const name of readdirSync(folder).filter((n) => n < migration))
    cpSync(path.join(folder, name), path.join(before, name), { recursive: true });
  return before;
}

/**
 * A new SQLite file migrated up to just before `migration`: a database as it was before it, for
 * a test of what that migration does to the rows it finds.
 */
export function sqliteBefore(migration: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-before-")), "db.sqlite");
  migrate(file, migrationsBefore(path.resolve("prisma/migrations"), migration));
  return file;
}

/** The same on PostgreSQL: a new database on the server at `adminUrl`. Returns its URL. */
export async function postgresBefore(adminUrl: string, migration: string): Promise<string> {
  const url = await createTestDatabase(adminUrl);
  await migratePostgres(
    url,
    migrationsBefore(path.resolve("prisma/postgres/migrations"), migration),
    async () => undefined,
  );
  return url;
}

/** Whether this test run is the PostgreSQL one (vitest.config.ts's "postgres" project). */
export const testingPostgres = () => process.env.CLAIMDESK_TEST_DATABASE === "postgres";

/**
 * Points this test process at a new, migrated database: a SQLite file, or in the PostgreSQL run a
 * new database on the test server. Call before the first use of db(): the client and the
 * configuration are created on first use. Returns the file, or the PostgreSQL URL.
 */
export async function useFreshDatabase(): Promise<string> {
  process.env.CLAIMDESK_SEED = "off";
  if (testingPostgres()) {
    const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
    if (!admin) throw new Error(MISSING_POSTGRES);
    const url = await createTestDatabase(admin);
    process.env.DATABASE_URL = url;
    await migratePostgres(url, path.resolve("prisma/postgres/migrations"), async () => undefined);
    return url;
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-test-")), "test.db");
  process.env.DATABASE_URL = `file:${file}`;
  migrate(file, path.resolve("prisma/migrations"));
  return file;
}

/**
 * For `vi.mock("../db/client.server", ...)`: the app's own client module, whose client pushes
 * every SQL statement it runs onto `log`, so a test can count what an operation costs.
 */
export function loggingClientModule(actual: typeof ClientModule, log: string[]): typeof ClientModule {
  let client: ReturnType<typeof actual.db> | undefined;
  return { ...actual, db: () => (client ??= actual.createClient({ onStatement: (sql) => log.push(sql) })) };
}

/** Runs one statement on a connection of its own (another process's, as far as the app can tell). */
export async function runOnOtherConnection(sql: string): Promise<void> {
  const url = process.env.DATABASE_URL!;
  if (testingPostgres()) {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query(sql).finally(() => other.end());
    return;
  }
  const other = new Database(url.replace(/^file:/, ""));
  try {
    other.prepare(sql).run();
  } finally {
    other.close();
  }
}

/**
 * Runs a TypeScript probe in a process of its own, as a separately started server would run, with
 * `env` added to this one's; resolves with the JSON on the last line it prints, or rejects with all
 * it printed when it exits non-zero.
 */
export function runProbe<T>(probe: string, env: Record<string, string>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", probe], { env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as T) : reject(new Error(out)),
    );
  });
}
