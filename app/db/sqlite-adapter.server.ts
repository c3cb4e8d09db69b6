import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { DatabaseBusy } from "../utils/errors";
import { keepPreparedStatements } from "./statement-cache.server";
import { textSafe } from "./text-safe.server";
import { WRITE_LOCK_WAIT_MS } from "./write-lock";

type Factory = PrismaBetterSqlite3;
/** How long a single statement outside a transaction waits for another process's write. */
export const BUSY_TIMEOUT_MS = 5000;
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
    return Object.assign(textSafe(transaction), {
      commit: end(() => transaction.commit()),
      rollback: end(() => transaction.rollback()),
    });
  }
  const safe = textSafe(adapter);
  return Object.assign(Object.create(adapter) as Adapter, {
    queryRaw: (query: Parameters<Adapter["queryRaw"]>[0]) => alone(() => safe.queryRaw(query)),
    executeRaw: (query: Parameters<Adapter["executeRaw"]>[0]) => alone(() => safe.executeRaw(query)),
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

/** The driver adapter factory: each connection it makes keeps its statements and is serialised as above. */
export function serialisedFactory(factory: Factory): Factory {
  const connected = (adapter: Adapter) => {
    keepPreparedStatements(adapter);
    return serialised(adapter);
  };
  return Object.assign(Object.create(factory) as Factory, {
    connect: async () => connected(await factory.connect()),
    connectToShadowDb: async () => connected(await factory.connectToShadowDb()),
  });
}
