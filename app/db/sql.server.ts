import { Prisma } from "../generated/prisma/client";
import { databaseKind } from "../utils/config.server";
import { db, type Tx } from "./client.server";

/**
 * The few SQL pieces SQLite and PostgreSQL spell differently, for the modules that write raw SQL
 * (the desk's one-statement pages, bulk inserts). Everything else is spelled the same in both.
 */

type Pairs = Array<[name: string, value: Prisma.Sql]>;

const objectArguments = (pairs: Pairs) =>
  Prisma.join(
    pairs.map(([name, value]) => Prisma.sql`${Prisma.raw(`'${name.replace(/'/g, "''")}'`)}, ${value}`),
    ", ",
  );

/** A JSON object built from named values, as text. */
export function jsonObject(pairs: Pairs): Prisma.Sql {
  return databaseKind() === "postgres"
    ? Prisma.sql`json_build_object(${objectArguments(pairs)})::text`
    : Prisma.sql`json_object(${objectArguments(pairs)})`;
}

/** An aggregate: the rows' objects as one JSON array (text, `[]` when there are none), in `orderBy`. */
export function jsonArrayOf(pairs: Pairs, orderBy: Prisma.Sql): Prisma.Sql {
  return databaseKind() === "postgres"
    ? Prisma.sql`COALESCE(json_agg(json_build_object(${objectArguments(pairs)}) ORDER BY ${orderBy}), '[]')::text`
    : Prisma.sql`json_group_array(json_object(${objectArguments(pairs)}) ORDER BY ${orderBy})`;
}

const POSTGRES_TYPES = { integer: "integer", real: "double precision", text: "text" } as const;

/** A lone surrogate: JSON.stringify escapes it, and PostgreSQL's JSON parser refuses the escape. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Rows bound as one JSON parameter, read as a table `alias` with these typed columns: bulk
 * inserts in a handful of statements, far below either database's parameter limit. Lone
 * surrogates become U+FFFD, as both databases store them in text (UTF-8 has no form for them).
 */
export function jsonRecords(
  rows: object[],
  columns: Record<string, keyof typeof POSTGRES_TYPES>,
  alias: string,
): Prisma.Sql {
  const json = JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === "string" ? value.replace(LONE_SURROGATE, "\uFFFD") : value,
  );
  const names = Object.keys(columns);
  if (databaseKind() === "postgres") {
    const typed = names.map((name) => `"${name}" ${POSTGRES_TYPES[columns[name]!]}`).join(", ");
    return Prisma.sql`json_to_recordset(${json}::json) AS ${Prisma.raw(`${alias}(${typed})`)}`;
  }
  const extracted = names.map((name) => `json_extract(value, '$.${name}') AS "${name}"`).join(", ");
  return Prisma.sql`(SELECT ${Prisma.raw(extracted)} FROM json_each(${json})) ${Prisma.raw(alias)}`;
}

/**
 * How many rows of `from` match `where`, counted up to `limit`, as a parenthesised scalar
 * subquery: without an order, both databases stop reading at the limit.
 */
export const cappedCount = (from: Prisma.Sql, where: Prisma.Sql, limit: number): Prisma.Sql =>
  Prisma.sql`(SELECT COUNT(*) FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${limit}) counted)`;

/** A timestamp parameter in the form the database stores DateTime columns in (SQLite: Prisma's text form). */
export function timestamp(date: Date): Prisma.Sql {
  return databaseKind() === "postgres"
    ? Prisma.sql`${date}`
    : Prisma.sql`${date.toISOString().replace("Z", "+00:00")}`;
}

/**
 * After rows were inserted with their ids given (a restore), PostgreSQL's sequences still start
 * at 1: move each table's to its largest id so the next row gets a new one. SQLite needs nothing.
 */
export async function advanceIdSequences(tx: Tx, tables: readonly string[]): Promise<void> {
  if (databaseKind() !== "postgres") return;
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    await tx.$queryRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('${quoted}', 'id'), COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM ${quoted}`,
    );
  }
}

/**
 * After a bulk load (a restore), brings the planner's statistics and the search indexes up to
 * date at once. On PostgreSQL, rows inserted in bulk wait in each GIN index's pending list and the
 * tables have no statistics until autovacuum comes round: meanwhile search and the desk read
 * whole tables (measured: a claim search 3.6 ms before, 0.04 ms after). SQLite analyses at every
 * start-up (app/db/migrate.server.ts), so a restored file is planned well when the server starts.
 */
export async function refreshPlannerStatistics(): Promise<void> {
  if (databaseKind() === "postgres") await db().$executeRawUnsafe("VACUUM (ANALYZE)");
}
