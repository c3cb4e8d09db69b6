import { mkdir, readdir, stat } from "node:fs/promises";
import { UserError } from "../utils/errors";

/**
 * The static export's folder (site-export.server.ts) must be new or empty: files of an earlier
 * export must not linger among the new ones. A module of its own, importing nothing that renders,
 * so that scripts/site-export.ts can check the folder before it loads the production build.
 */
export async function prepareExportFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw new UserError(`${dir} cannot be read (${error.code}).`);
  });
  if (found && !found.isDirectory()) throw new UserError(`${dir} is a file, not a folder.`);
  if (found && (await readdir(dir)).length > 0)
    throw new UserError(`${dir} is not empty: export into a new or empty folder.`);
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${dir} cannot be made (${error.code}).`);
  });
}
