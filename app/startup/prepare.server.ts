import path from "node:path";
import { seedIfEmpty } from "./seed.server";
import { databasePath, env } from "../utils/config.server";
import { migrate } from "../db/migrate.server";

/** Start-up: apply pending migrations, then seed an empty database. */
export async function prepareDatabase(): Promise<{ migrations: string[]; seeded: boolean }> {
  const migrations = migrate(databasePath(), path.resolve("prisma/migrations"));
  const seeded = env().CLAIMDESK_SEED === "on" ? await seedIfEmpty() : false;
  return { migrations, seeded };
}
