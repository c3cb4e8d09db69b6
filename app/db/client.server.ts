import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { DatabaseBusy, NotFoundError, UserError } from "../utils/errors";
import { env } from "../utils/config.server";

type Factory = PrismaBetterSqlite3;
/** How long a single statement outside a transaction waits for another process's write. */
const BUSY_TIMEOUT_MS = 5000;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock: `acquire` resolves with the function that releases it. */
function createLock() {
  let tail = Promise.resolve();
  return {
    acquire(): Promise<() => void> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const turn = tail.then(() => release);
      tail = tail.then(() => released);
      return turn;
    },
  };
}

/**
 * Every request shares one better-sqlite3 connection, and an open transaction belongs to the
 * connection, not to the request that began it. The driver serialises transactions among
 * themselves but lets a statement from outside run inside whichever transaction is open, so a
 * rollback elsewhere undid it. Here one lock covers the connection: a transaction holds it from
 * BEGIN until commit or rollback, and every statement from outside a transaction takes it for
 * its own (synchronous) run. A transaction's own statements go through the transaction object
 * and never wait for the lock it holds.
 */
export function serialised(adapter: Adapter): Adapter {
  const lock = createLock();
  async function alone<T>(run: () => Promise<T>): Promise<T> {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }
  function holding(transaction: Transaction, release: () => void): Transaction {
    let released = false;
    const end = (finish: () => Promise<void>) => async () => {
      try {
        await finish();
      } finally {
        if (!released) {
          released = true;
          release();
        }
      }
    };
    return Object.assign(Object.create(transaction) as Transaction, {
      commit: end(() => transaction.commit()),
      rollback: end(() => transaction.rollback()),
    });
  }
  return Object.assign(Object.create(adapter) as Adapter, {
    queryRaw: (query: Parameters<Adapter["queryRaw"]>[0]) => alone(() => adapter.queryRaw(query)),
    executeRaw: (query: Parameters<Adapter["executeRaw"]>[0]) => alone(() => adapter.executeRaw(query)),
    executeScript: (script: string) => alone(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) {
      const release = await lock.acquire();
      try {
        const transaction = await adapter.startTransaction(isolationLevel);
        try {
          await takeWriteLock(transaction);
        } catch (error) {
          await transaction.rollback();
          throw error;
        }
        return holding(transaction, release);
      } catch (error) {
        release();
        throw error;
      }
    },
  });
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });
/** How long a transaction waits for another process's write to finish before giving up (503). */
export const WRITE_LOCK_WAIT_MS = 10_000;

/** The driver adapter's error for "another connection holds the lock" (SQLITE_BUSY and its variants). */
const isBusy = (error: unknown) =>
  error instanceof Error &&
  typeof error.cause === "object" &&
  error.cause !== null &&
  "originalCode" in error.cause &&
  String(error.cause.originalCode).startsWith("SQLITE_BUSY");

/**
 * Turns the driver's deferred BEGIN into BEGIN IMMEDIATE. With several processes on one file, a
 * deferred transaction that reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when
 * another process wrote in between; taking the write lock first makes it wait its turn instead.
 * The wait is asynchronous (the connection's busy timeout is off meanwhile), so this process
 * keeps answering other requests; after WRITE_LOCK_WAIT_MS it is a 503, never a 500.
 */
async function takeWriteLock(transaction: Transaction): Promise<void> {
  // The deferred BEGIN took no lock yet: ending it costs nothing.
  await transaction.executeRaw(statement("ROLLBACK"));
  await transaction.executeRaw(statement("PRAGMA busy_timeout = 0"));
  try {
    for (let waited = 0, pause = 2; ; waited += pause, pause = Math.min(pause * 2, 50)) {
      try {
        await transaction.executeRaw(statement("BEGIN IMMEDIATE"));
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (waited >= WRITE_LOCK_WAIT_MS) throw new DatabaseBusy();
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  } finally {
    await transaction.executeRaw(statement(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`));
  }
}

/** The driver adapter factory, with each connection it makes serialised as above. */
function serialisedFactory(factory: Factory): Factory {
  return Object.assign(Object.create(factory) as Factory, {
    connect: async () => serialised(await factory.connect()),
    connectToShadowDb: async () => serialised(await factory.connectToShadowDb()),
  });
}

const NOT_FOUND = new Set(["P2001", "P2015", "P2018", "P2025"]);
const CONFLICT = new Set(["P2002", "P2003", "P2014"]);

/**
 * Prisma's "not found" and constraint errors are requests that no longer fit the data (a record
 * removed meanwhile, a duplicate, a reference to a missing row): they become the app's UserError
 * with 404 or 409, which every form, loader and the API already answer with a message.
 */
export function asAppError(error: unknown): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  // P2028 "Unable to start a transaction in the given time": the database stayed busy.
  if (error.code === "P2028" && /unable to start a transaction/i.test(error.message))
    return new DatabaseBusy();
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

export interface ClientOptions {
  /** Called with every SQL statement the connection runs (tests count them). */
  onStatement?: (sql: string) => void;
}

export function createClient({ onStatement }: ClientOptions = {}): PrismaClient {
  const verbose = onStatement && ((sql: unknown) => onStatement(String(sql)));
  const adapter = new PrismaBetterSqlite3({
    url: env().DATABASE_URL,
    timeout: BUSY_TIMEOUT_MS,
    ...(verbose ? { verbose } : {}),
  });
  const base = new PrismaClient({
    adapter: serialisedFactory(adapter),
    // Waiting for this process's other transactions, then for another process's write lock.
    transactionOptions: { maxWait: WRITE_LOCK_WAIT_MS + 2_000, timeout: 5_000 },
  });
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
