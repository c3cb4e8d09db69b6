import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "./migrate.server";

/**
 * Points this test process at a new, migrated SQLite file. Call before the first use of db():
 * the client and the configuration are created on first use.
 */
export function useFreshDatabase(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-test-")), "test.db");
  process.env.DATABASE_URL = `file:${file}`;
  process.env.CLAIMDESK_SEED = "off";
  migrate(file, path.resolve("prisma/migrations"));
  return file;
}
