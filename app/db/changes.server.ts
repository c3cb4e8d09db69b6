import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, databasePath, env } from "../utils/config.server";

let watcher: Database.Database | undefined;
let version: Database.Statement | undefined;
let snapshots: pg.Pool | undefined;
/** Connections asking for the snapshot: one would queue every public page request behind one round trip. */
const CHANGE_CONNECTIONS = 4;

/** SQLite's `PRAGMA data_version`, on a read-only connection of its own that never writes. */
function sqliteChanges(): number {
  if (!watcher) {
    watcher = new Database(databasePath(), { readonly: true, fileMustExist: true });
    version = watcher.prepare("PRAGMA data_version").pluck();
  }
  return Number(version!.get());
}

/**
 * PostgreSQL's current snapshot (`xmin:xmax:in-progress ids`): two equal snapshots see the same
 * committed transactions, so it changes whenever anything commits, here or in another process.
 * One short query on a connection of its own, no Prisma.
 */
async function postgresChanges(): Promise<string> {
  snapshots ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: CHANGE_CONNECTIONS });
  const { rows } = await snapshots.query<{ snapshot: string }>(
    "SELECT pg_current_snapshot()::text AS snapshot",
  );
  return rows[0]!.snapshot;
}

/**
 * A value that changes whenever anything is committed to the database, by this process or by
 * another one sharing it. Cheap (microseconds on SQLite, one round trip on PostgreSQL), so a cache
 * can ask on every request whether anything at all changed before asking what did.
 */
export function databaseChanges(): Promise<number | string> {
  return databaseKind() === "postgres" ? postgresChanges() : Promise.resolve(sqliteChanges());
}
