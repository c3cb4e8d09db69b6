import { boundedKey, type AttemptLimiter, type Limit } from "../utils/limits.server";
import { db, type Tx } from "./client.server";

/** Expired windows are deleted at most this often per process, so the table holds about one window of keys. */
const PRUNE_EVERY_MS = 60_000;

class LimitReached extends Error {}

/**
 * Attempt limits counted in the database (table "AttemptWindow"), so that every server process
 * sharing it counts the same attempts. One key is one fixed window: its count and when it ends.
 *
 * Taking a use is one statement: an upsert that only updates while the window has uses left (or
 * has ended) and returns the new count, so two processes can never both take the last use.
 * Several limits are taken in one transaction and rolled back together when any is used up.
 * Keys are never evicted early, so no amount of junk keys can lift a lock-out.
 */
export function createAttemptLimiter(namespace: string): AttemptLimiter {
  const keyOf = (key: string) => boundedKey(`${namespace}:${key}`);
  let prunedAt = -Infinity;

  async function take(tx: Tx, { key, limit, windowMs }: Limit, now: number): Promise<boolean> {
    const rows = await tx.$queryRaw<Array<{ count: number | bigint }>>`
      INSERT INTO "AttemptWindow" ("key", "count", "resetAt") VALUES (${keyOf(key)}, 1, ${now + windowMs})
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "AttemptWindow"."resetAt" <= ${now} THEN 1 ELSE "AttemptWindow"."count" + 1 END,
        "resetAt" = CASE WHEN "AttemptWindow"."resetAt" <= ${now} THEN ${now + windowMs} ELSE "AttemptWindow"."resetAt" END
      WHERE "AttemptWindow"."resetAt" <= ${now} OR "AttemptWindow"."count" < ${limit}
      RETURNING "count"`;
    return rows.length === 1 && Number(rows[0]!.count) <= limit;
  }

  async function prune(now: number) {
    if (now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    await db().$executeRaw`DELETE FROM "AttemptWindow" WHERE "resetAt" <= ${now}`;
  }

  return {
    async reserve(limits, now = Date.now()) {
      await prune(now);
      try {
        await db().$transaction(async (tx) => {
          for (const limit of limits) if (!(await take(tx, limit, now))) throw new LimitReached();
        });
        return true;
      } catch (error) {
        if (error instanceof LimitReached) return false;
        throw error;
      }
    },
    async exhausted({ key, limit }, now = Date.now()) {
      const rows = await db().$queryRaw<Array<{ count: number | bigint }>>`
        SELECT "count" FROM "AttemptWindow" WHERE "key" = ${keyOf(key)} AND "resetAt" > ${now}`;
      return rows.length === 1 && Number(rows[0]!.count) >= limit;
    },
    async release({ key }, now = Date.now()) {
      await db().$executeRaw`
        UPDATE "AttemptWindow" SET "count" = "count" - 1
        WHERE "key" = ${keyOf(key)} AND "count" > 0 AND "resetAt" > ${now}`;
    },
    async reset(key) {
      await db().$executeRaw`DELETE FROM "AttemptWindow" WHERE "key" = ${keyOf(key)}`;
    },
  };
}

/** Sign-in throttling: per account and per address (see auth/login.server.ts). */
export const signInLimiter = createAttemptLimiter("sign-in");

/** Limits on public links (classroom codes and answers). */
export const publicLinkLimiter = createAttemptLimiter("public");

/** Counts one use of `key` on a public link; false once it has been used `limit` times in the window. */
export function allow(key: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
  return publicLinkLimiter.reserve([{ key, limit, windowMs }], now);
}
