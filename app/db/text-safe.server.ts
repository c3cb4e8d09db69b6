import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

/** A statement as Prisma hands it to a driver adapter (the same shape for both databases). */
type Query = Parameters<Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>["queryRaw"]>[0];
type Queryable = { queryRaw(query: Query): Promise<unknown>; executeRaw(query: Query): Promise<unknown> };

/**
 * Text never holds U+0000. PostgreSQL's text cannot (a statement with one fails with 22021), and
 * SQLite's can, which made a workspace that kept one unable to move to PostgreSQL and left it in
 * exports; readers' formats drop it on the way out anyway (app/publishing/xml-safe.ts). So both
 * databases drop it from every text parameter: no input, a name or a search for one, fails or
 * is stored differently on one database than on the other.
 */
const withoutNul = (query: Query): Query =>
  query.args.some((arg) => typeof arg === "string" && arg.includes("\u0000"))
    ? {
        ...query,
        args: query.args.map((arg) => (typeof arg === "string" ? arg.replaceAll("\u0000", "") : arg)),
      }
    : query;

/** The connection or transaction, with U+0000 dropped from the text of every statement's parameters. */
export function textSafe<T extends Queryable>(queryable: T): T {
  return Object.assign(Object.create(queryable) as T, {
    queryRaw: (query: Query) => queryable.queryRaw(withoutNul(query)),
    executeRaw: (query: Query) => queryable.executeRaw(withoutNul(query)),
  });
}
