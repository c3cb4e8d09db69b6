import Database from "better-sqlite3";
import { databasePath } from "../utils/config.server";

let watcher: Database.Database | undefined;
let version: Database.Statement | undefined;

/**
 * A number that changes whenever anything is committed to the database, by this process or by
 * another one sharing the file (SQLite's `PRAGMA data_version`, read on a read-only connection
 * of its own that never writes). Reading it costs microseconds and no query through Prisma, so
 * a cache can ask on every request whether anything at all changed before asking what did.
 */
export function databaseChanges(): number {
  if (!watcher) {
    watcher = new Database(databasePath(), { readonly: true, fileMustExist: true });
    version = watcher.prepare("PRAGMA data_version").pluck();
  }
  return Number(version!.get());
}
