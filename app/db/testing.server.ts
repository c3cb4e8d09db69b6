import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as ClientModule from "./client.server";
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

/**
 * For `vi.mock("../db/client.server", ...)`: the app's own client module, whose client pushes
 * every SQL statement it runs onto `log`, so a test can count what an operation costs.
 */
export function loggingClientModule(actual: typeof ClientModule, log: string[]): typeof ClientModule {
  let client: ReturnType<typeof actual.db> | undefined;
  return { ...actual, db: () => (client ??= actual.createClient({ onStatement: (sql) => log.push(sql) })) };
}
