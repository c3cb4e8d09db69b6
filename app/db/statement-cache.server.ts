import type { Database, Statement } from "better-sqlite3";
import { boundedCache } from "../utils/bounded-cache";

/** Enough for every statement shape the app runs (each IN list's length is its own shape). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Whether a statement is worth keeping prepared (here, and named on PostgreSQL). Bulk inserts
 * are not: each batch size is its own text, with hundreds of parameters, and one prepared
 * statement of that size holds tens of kilobytes. The app's largest reads are about 1,600
 * characters with 52 parameters.
 */
export function worthKeeping(sql: string, parameters: number): boolean {
  return sql.length <= 4_000 && parameters <= 100;
}

const placeholders = (sql: string) => sql.split("?").length - 1;

/**
 * What Prisma's better-sqlite3 adapter does with a statement: `prepare(sql).bind(args)` and then
 * `reader`, `columns()`, `raw().all()` or `run()`; `prepare("BEGIN").run()` for a transaction.
 */
interface Prepared {
  bind(args: unknown[]): Bound;
  run(): ReturnType<Statement["run"]>;
}
interface Bound {
  readonly reader: boolean;
  columns(): ReturnType<Statement["columns"]>;
  raw(): { all(): unknown[] };
  run(): ReturnType<Statement["run"]>;
}

/**
 * Keeps the connection's prepared statements for reuse. The adapter prepares every statement
 * again each time it runs it (about 0.1-0.3 ms for the desk's), and a statement it binds can
 * never be bound again; here each SQL text is prepared once and run with the arguments it is
 * given. The cache holds at most `size` statements, the least recently used leaving first, and
 * only those worth keeping.
 * Returns false when the adapter's connection is not where this expects it (a newer adapter):
 * statements are then prepared as before.
 */
export function keepPreparedStatements(adapter: object, size = STATEMENT_CACHE_SIZE): boolean {
  const client = (adapter as { client?: unknown }).client;
  if (!isDatabase(client)) return false;
  const prepare = client.prepare.bind(client);
  const statements = boundedCache<string, Statement>({ entries: size });
  // A kept statement is found before the text is examined: only a new text is counted.
  const statementFor = (sql: string): Statement => {
    const kept = statements.get(sql);
    if (kept) return kept;
    const statement = prepare(sql);
    if (worthKeeping(sql, placeholders(sql))) statements.set(sql, statement);
    return statement;
  };
  const prepared = (sql: string): Prepared => {
    const statement = statementFor(sql);
    return {
      bind: (args) => ({
        reader: statement.reader,
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(args) }),
        run: () => statement.run(args),
      }),
      run: () => statement.run(),
    };
  };
  Object.assign(client, { prepare: prepared });
  return true;
}

function isDatabase(value: unknown): value is Database {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Database).prepare === "function" &&
    typeof (value as Database).exec === "function"
  );
}
