import path from "node:path";
import { seedIfEmpty } from "./seed.server";
import { databaseKind, databasePath, env } from "../utils/config.server";
import { migrate, whileHoldingStartupLock } from "../db/migrate.server";
import { migratePostgres } from "../db/migrate-postgres.server";
import { loadReferenceIfEmpty } from "../reference/reference.server";

/** Each database's hand-written migrations. */
export const MIGRATIONS = {
  sqlite: path.resolve("prisma/migrations"),
  postgres: path.resolve("prisma/postgres/migrations"),
} as const;

/**
 * Start-up: apply pending migrations, fill an empty hardware reference table (product data, not
 * a demo: it loads whatever CLAIMDESK_SEED says), then seed an empty database (unless
 * CLAIMDESK_SEED=off, or `seeding` is false: the shell's data commands only migrate).
 */
export async function prepareDatabase({ seeding = env().CLAIMDESK_SEED === "on" } = {}): Promise<{
  migrations: string[];
  seeded: boolean;
}> {
  const seed = async () => {
    await loadReferenceIfEmpty();
    return seeding ? seedIfEmpty() : false;
  };
  if (databaseKind() === "postgres") {
    const { applied, result } = await migratePostgres(env().DATABASE_URL, MIGRATIONS.postgres, seed);
    return { migrations: applied, seeded: result };
  }
  return whileHoldingStartupLock(databasePath(), async () => {
    const migrations = migrate(databasePath(), MIGRATIONS.sqlite);
    return { migrations, seeded: await seed() };
  });
}
