// npm run data:import -- FILE
// Restores a workspace export into an empty database (DATABASE_URL), all or nothing, then prints
// an invitation link per active user: exports carry no passwords.
import { readFileSync } from "node:fs";
import { importWorkspace, RestoreRefused } from "../app/backup/workspace.server";
import { invitePasswordlessUsers, passwordLinkUrl } from "../app/auth/users.server";
import { databaseKind, databasePath } from "../app/utils/config.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { refreshPlannerStatistics } from "../app/db/sql.server";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run data:import -- FILE");
  process.exit(2);
}
let document: unknown;
try {
  document = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(
    `data:import: ${file} cannot be read as JSON (${(error as Error).message}). Nothing was imported.`,
  );
  process.exit(2);
}
await prepareDatabase({ seeding: false });
try {
  const counts = await importWorkspace(document);
  console.log(
    `Imported ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ")} into ${databaseKind() === "sqlite" ? databasePath() : "the PostgreSQL database"}.`,
  );
  const links = await invitePasswordlessUsers();
  if (links.length) {
    console.log(
      "Exports carry no passwords. Send each person their link to choose a new one (valid 7 days):",
    );
    for (const { email, token } of links) console.log(`  ${email}  ${passwordLinkUrl(token)}`);
  }
  await refreshPlannerStatistics().catch((error: unknown) =>
    console.warn(
      `data:import: the workspace is imported, but gathering the planner's statistics failed (${(error as Error).message}). Run VACUUM (ANALYZE) on the database by hand.`,
    ),
  );
} catch (error) {
  if (error instanceof RestoreRefused) {
    console.error(`data:import: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
