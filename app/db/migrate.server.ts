import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Applies the hand-written migrations in prisma/migrations/ (Prisma's layout) and records them
 * in `_prisma_migrations` with Prisma's columns and sha256 checksums, so `prisma migrate status`
 * agrees. Each migration runs in its own transaction: a failed one leaves the database as it was.
 * See docs/decisions/002-hand-written-migrations.md.
 */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

/**
 * Rows SQLite's ANALYZE samples per index: statistics in tens of milliseconds whatever the
 * workspace's size, enough for the planner to choose the list indexes.
 */
export const ANALYSIS_LIMIT = 1000;

/**
 * Gives the query planner fresh statistics (sqlite_stat1). Without them it guesses, and a
 * status filter can walk the wrong index. Runs at every start-up, so a database filled
 * offline (data:import, a restored backup) is analysed before the first request.
 */
function analyze(db: Database.Database): void {
  db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  writing(db, () => db.exec("ANALYZE"));
}

/**
 * Runs a write as one IMMEDIATE transaction: it takes the write lock before reading, so when
 * servers start together it waits for the others (the busy timeout) instead of failing with
 * "database is locked", as a statement that reads and then writes does when another process
 * wrote in between (SQLite cannot wait then: its snapshot is already stale).
 */
function writing<T>(db: Database.Database, write: () => T): T {
  return db.transaction(write).immediate();
}

/**
 * Switches the file to write-ahead logging. On a new file that another process is opening at the
 * same moment, SQLite can answer "busy" at once instead of waiting out the busy timeout (a CI run
 * caught it), so the switch is tried again until `waitMs` has passed.
 */
function useWriteAheadLog(db: Database.Database, waitMs: number): void {
  const until = Date.now() + waitMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > until) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

export function migrate(databaseFile: string, migrationsDir: string): string[] {
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  // Servers starting together wait for each other (a busy machine can take seconds per migration).
  const db = new Database(databaseFile, { timeout: 30_000 });
  try {
    useWriteAheadLog(db, 30_000);
    db.pragma("foreign_keys = ON");
    writing(db, () => db.exec(MIGRATIONS_TABLE));
    const applied = new Map(
      db
        .prepare(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((row) => {
          const r = row as { migration_name: string; checksum: string };
          return [r.migration_name, r.checksum] as const;
        }),
    );
    const done: string[] = [];
    for (const migration of readMigrations(migrationsDir)) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied; restore the original file.`,
          );
        }
        continue;
      }
      const apply = db.transaction(() => {
        // Another process starting at the same moment may have applied it while we waited for the lock.
        const already = db
          .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`)
          .get(migration.name);
        if (already) return false;
        const startedAt = new Date().toISOString();
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
        return true;
      });
      let appliedNow: boolean;
      try {
        appliedNow = apply.immediate();
      } catch (error) {
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      if (appliedNow) done.push(migration.name);
    }
    analyze(db);
    return done;
  } finally {
    db.close();
  }
}

/** How long a starting server waits for another that is preparing the same database. */
const STARTUP_WAIT_MS = 300_000;

/**
 * Runs `work` (migrating and seeding) while holding SQLite's exclusive lock on a small file
 * beside the database, as PostgreSQL's advisory lock does in migrate-postgres.server.ts: servers
 * started together take turns, so none serves a database another is still seeding. The lock is
 * the operating system's, released even when the process holding it is killed. It is a file of
 * its own because the work writes through other connections, which a lock on the database itself
 * would block.
 */
export async function whileHoldingStartupLock<T>(databaseFile: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const lock = new Database(`${databaseFile}-startup-lock`, { timeout: STARTUP_WAIT_MS });
  try {
    try {
      lock.exec("BEGIN EXCLUSIVE");
    } catch (error) {
      throw new MigrationError(
        `Another Claimdesk process has been preparing ${databaseFile} for ${STARTUP_WAIT_MS / 60_000} minutes (${(error as Error).message}); stop it or try again.`,
      );
    }
    try {
      return await work();
    } finally {
      lock.exec("COMMIT");
    }
  } finally {
    lock.close();
  }
}
