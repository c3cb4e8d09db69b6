import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-postgres/client";
import { DatabaseBusy, NotFoundError, UserError } from "../utils/errors";
import { databaseKind, env } from "../utils/config.server";
import { BUSY_TIMEOUT_MS, serialisedFactory } from "./sqlite-adapter.server";
import { WRITE_LOCK_WAIT_MS } from "./write-lock";
import { postgresAdapter } from "./postgres-adapter.server";

const NOT_FOUND = new Set(["P2001", "P2015", "P2018", "P2025"]);
const CONFLICT = new Set(["P2002", "P2003", "P2014"]);

/**
 * Prisma's "not found" and constraint errors are requests that no longer fit the data (a record
 * removed meanwhile, a duplicate, a reference to a missing row): they become the app's UserError
 * with 404 or 409, which every form, loader and the API already answer with a message.
 */
export function asAppError(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  // P2028: a transaction that could not start in time, or ran past its time: the database is busy.
  if (error.code === "P2028") return new DatabaseBusy();
  if (NOT_FOUND.has(error.code))
    return new NotFoundError("That record no longer exists; it may have been removed. Reload the page.");
  if (error.code === "P2002")
    return new UserError("That already exists, and it must be unique. Choose another and try again.", 409);
  if (CONFLICT.has(error.code))
    return new UserError(
      "That refers to a record that no longer exists, or is still used by others. Reload the page.",
      409,
    );
  return error;
}

/** The client's query events, when it was made with `log: [{ emit: "event", level: "query" }]`. */
interface QueryEvents {
  $on(event: "query", listener: (event: { query: string }) => void): void;
}

export interface ClientOptions {
  /** Called with every SQL statement the connection runs (tests count them). */
  onStatement?: (sql: string) => void;
}

/**
 * The Prisma client for DATABASE_URL: SQLite's for a `file:` URL, PostgreSQL's otherwise. The two
 * generated clients come from schemas that differ only in their provider
 * (scripts/postgres-schema.ts), so the app uses one type for both.
 */
function baseClient({ onStatement }: ClientOptions): PrismaClient {
  const url = env().DATABASE_URL;
  // Waiting for this process's other transactions, then for another process's write lock.
  const transactionOptions = { maxWait: WRITE_LOCK_WAIT_MS + 2_000, timeout: 5_000 };
  if (databaseKind(url) === "postgres") {
    const client = new PostgresPrismaClient({
      adapter: postgresAdapter(url),
      transactionOptions,
      ...(onStatement ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
    });
    if (onStatement) (client as unknown as QueryEvents).$on("query", (event) => onStatement(event.query));
    return client as unknown as PrismaClient;
  }
  const verbose = onStatement && ((sql: unknown) => onStatement(String(sql)));
  const adapter = new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS, ...(verbose ? { verbose } : {}) });
  return new PrismaClient({ adapter: serialisedFactory(adapter), transactionOptions });
}

export function createClient(options: ClientOptions = {}): PrismaClient {
  const base = baseClient(options);
  const extended = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw asAppError(error);
        }
      },
    },
  });
  // The extension changes behaviour only (errors), not the client's shape. Interactive
  // transactions are not "operations" to it: their errors (a start that waited too long) are
  // mapped here.
  return new Proxy(extended as unknown as PrismaClient, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== "$transaction" || typeof value !== "function") return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
          throw asAppError(error);
        });
    },
  });
}

let client: PrismaClient | undefined;

/** The Prisma client for DATABASE_URL, created once per process. */
export function db(): PrismaClient {
  client ??= createClient();
  return client;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
