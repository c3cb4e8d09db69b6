import { randomUUID } from "node:crypto";
import pg from "pg";
import { MigrationError, readMigrations } from "./migrate.server";

/** The session-level advisory lock held while one process migrates and seeds. */
export const STARTUP_LOCK = 0x436c6d6e; // "Clmn"

/** Prisma's own `_prisma_migrations` table on PostgreSQL, so `prisma migrate status` agrees. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the hand-written migrations in `migrationsDir` (prisma/postgres/migrations) to the
 * PostgreSQL database at `url`, each in its own transaction, then runs `whileLocked` (seeding).
 * Both happen under one advisory lock, so servers started together wait for each other: one
 * migrates and seeds, the others then find nothing to do.
 */
export async function migratePostgres<T>(
  url: string,
  migrationsDir: string,
  whileLocked: () => Promise<T>,
): Promise<{ applied: string[]; result: T }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${STARTUP_LOCK})`);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
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
      const startedAt = new Date();
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      done.push(migration.name);
    }
    return { applied: done, result: await whileLocked() };
  } finally {
    // Ending the session releases its advisory lock.
    await client.end();
  }
}
