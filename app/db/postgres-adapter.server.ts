import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { DatabaseBusy } from "../utils/errors";
import { worthKeeping } from "./statement-cache.server";
import { textSafe } from "./text-safe.server";
import { WRITE_LOCK_WAIT_MS } from "./write-lock";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** The advisory lock every writing transaction takes: the one writer at a time SQLite has too. */
export const WRITER_LOCK = 0x436c6d64; // "Clmd"
/** Connections per server process. */
const POOL_SIZE = 10;

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

/** PostgreSQL's lock_not_available (55P03): lock_timeout ran out. */
const isLockTimeout = (error: unknown) =>
  error instanceof Error &&
  typeof error.cause === "object" &&
  error.cause !== null &&
  "originalCode" in error.cause &&
  error.cause.originalCode === "55P03";

/**
 * Transactions on PostgreSQL take one transaction-scoped advisory lock first, so writers run one
 * after another exactly as on SQLite (BEGIN IMMEDIATE): every check-then-write the domain code
 * does inside a transaction (versions, unique slugs, the last admin, a claim's approval) holds
 * across server processes without each one reasoning about isolation levels. Reads outside
 * transactions, most of the traffic, run side by side on the pool. See
 * docs/decisions/018-postgresql.md.
 */
async function takeWriterLock(transaction: Transaction): Promise<void> {
  await transaction.executeRaw(statement(`SET LOCAL lock_timeout = ${WRITE_LOCK_WAIT_MS}`));
  try {
    await transaction.executeRaw(statement(`SELECT pg_advisory_xact_lock(${WRITER_LOCK})`));
  } catch (error) {
    throw isLockTimeout(error) ? new DatabaseBusy() : error;
  }
}

function writerLocked(adapter: Adapter): Adapter {
  return Object.assign(textSafe(adapter), {
    async startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) {
      const transaction = textSafe(await adapter.startTransaction(isolationLevel));
      try {
        await takeWriterLock(transaction);
      } catch (error) {
        // The driver's rollback only returns the connection: end the transaction first.
        await transaction.executeRaw(statement("ROLLBACK")).catch(() => undefined);
        await transaction.rollback();
        throw error;
      }
      return transaction;
    },
  });
}

/**
 * Marks a statement whose best plan depends on its arguments, as search's does on how many rows
 * hold a word: it is never named, so PostgreSQL plans it for each run. A named statement is
 * planned generically after five runs, and search's generic plan read every match of a common
 * word (44 ms where a plan for the word took 4 ms) or walked a whole primary key for a word no
 * row holds (33 ms where it took 0.3 ms). Planning costs about 0.5 ms a statement.
 */
export const PLAN_EACH_RUN = "/* plan each run */";

/** How many statement texts get a name; pg keeps a connection's named statements for its life. */
export const NAMED_STATEMENTS = 500;

/**
 * Names for statements: pg prepares a named statement once per connection, so PostgreSQL parses
 * it once, and plans it once where its generic plan is as good as a fresh one (otherwise it still
 * plans each run for its arguments). Unnamed, every statement is parsed and planned every time.
 * The first `limit` distinct texts worth keeping are named, the same name on every connection;
 * others run unnamed, so no connection keeps more than `limit` statements, whatever the queries.
 */
export function statementNames(
  limit = NAMED_STATEMENTS,
): (query: { sql: string; args: unknown[] }) => string {
  const names = new Map<string, string>();
  return (query) => {
    let name = names.get(query.sql);
    if (
      name === undefined &&
      names.size < limit &&
      worthKeeping(query.sql, query.args.length) &&
      !query.sql.includes(PLAN_EACH_RUN)
    ) {
      name = `claimdesk_${createHash("sha256").update(query.sql).digest("hex").slice(0, 32)}`;
      names.set(query.sql, name);
    }
    // Typed string by the adapter; pg runs a query whose name is undefined as an unnamed one.
    return name as string;
  };
}

/** Prisma's PostgreSQL driver adapter for `url`, each connection's transactions writer-locked. */
export function postgresAdapter(url: string): PrismaPg {
  const factory = new PrismaPg(
    { connectionString: url, max: POOL_SIZE },
    { statementNameGenerator: statementNames() },
  );
  return Object.assign(Object.create(factory) as PrismaPg, {
    connect: async () => writerLocked(await factory.connect()),
  });
}
