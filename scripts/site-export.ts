// npm run --silent site:export -- DIR: writes every published fact-check as static files laid out
// by URL (README, "Serving fact-checks from a static host") and prints {"files":N,"bytes":N}.
// The files come from the production build's own request handler, as server.js serves them, so
// run `npm run build` (or `npm start`) first. Errors are sentences on standard error, exit 1 or 2.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";
// Nothing that renders is imported here: React must be loaded after NODE_ENV is set, by the build.
import { prepareExportFolder } from "../app/publishing/export-folder.server";
import type { exportSite } from "../app/publishing/site-export.server";
import { databaseKind, databasePath, publicUrl } from "../app/utils/config.server";
import { UserError } from "../app/utils/errors";

// As in server.js: production unless told otherwise, before React and React Router are loaded.
process.env.NODE_ENV ||= "production";
// Standard output carries the one line of counts; anything else the app says goes to standard error.
console.log = console.info = (...args: unknown[]) => console.error(...args);

function fail(message: string, code = 1): never {
  console.error(`site:export: ${message}`);
  process.exit(code);
}

const [dir, ...extra] = process.argv.slice(2);
if (!dir || extra.length > 0) fail("usage: npm run --silent site:export -- DIR", 2);
const serverBuild = path.resolve("build/server/index.js");
if (!existsSync(serverBuild))
  fail(
    "there is no production build (build/server/index.js): run npm run build first. Nothing was exported.",
  );
if (databaseKind() === "sqlite" && !existsSync(databasePath()))
  fail(`there is no database at ${databasePath()} (DATABASE_URL). Nothing was exported.`);
const folder = path.resolve(dir);
try {
  await prepareExportFolder(folder);
} catch (error) {
  if (error instanceof UserError) fail(`${error.message} Nothing was exported.`);
  throw error;
}
// Loaded after NODE_ENV is set, as the rendering is: seeding publishes a page.
const { prepareDatabase } = await import("../app/startup/prepare.server");
await prepareDatabase({ seeding: false });

const { createRequestHandler } = await import("react-router");
const build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
const run = (build.entry.module as { exportSite?: typeof exportSite }).exportSite;
if (typeof run !== "function")
  fail("the production build is older than this command: run npm run build again.");
const handle = createRequestHandler(build, process.env.NODE_ENV);
// Asked as a reader at the public address would ask: a GET with no cookie.
const origin = publicUrl();

try {
  const counts = await run({
    dir: folder,
    get: (address) => handle(new Request(origin + address)),
    clientDir: path.resolve("build/client"),
  });
  process.stdout.write(JSON.stringify(counts) + "\n");
} catch (error) {
  console.error(error);
  fail(`the export stopped; what was written so far is in ${folder}.`);
}
