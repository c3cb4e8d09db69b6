// npm run data:export -- FILE   (FILE "-" writes to standard output)
// Writes the whole workspace as JSON: see app/backup/workspace.server.ts.
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { exportWorkspace } from "../app/backup/workspace.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { databaseKind, databasePath } from "../app/utils/config.server";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run data:export -- FILE   (or - for standard output)");
  process.exit(2);
}
if (databaseKind() === "sqlite" && !existsSync(databasePath())) {
  console.error(
    `data:export: there is no database at ${databasePath()} (DATABASE_URL). Nothing was exported.`,
  );
  process.exit(1);
}
await prepareDatabase({ seeding: false });
const workspace = await exportWorkspace();
const json = JSON.stringify(workspace, null, 1) + "\n";
if (file === "-") {
  process.stdout.write(json);
} else {
  // Written beside the target and renamed: an interrupted export never leaves half a file.
  const partial = `${file}.partial`;
  writeFileSync(partial, json);
  renameSync(partial, file);
  const counts = Object.entries(workspace)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${(v as unknown[]).length} ${k}`);
  console.error(`Exported ${counts.join(", ")} to ${file}.`);
}
