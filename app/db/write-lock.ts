/** How long a transaction waits for another process's write to finish before giving up (503), on either database. */
export const WRITE_LOCK_WAIT_MS = 10_000;

/**
 * For the few transactions that write thousands of rows (importing or correcting a 2 MB article's
 * claims): on a database server each row is a round trip, well past the default 5 s (PostgreSQL
 * under load took 5.0 s for a 1,000-claim article). Other writers wait for it, then get a 503.
 */
export const LARGE_WRITE = { timeout: 60_000 };
