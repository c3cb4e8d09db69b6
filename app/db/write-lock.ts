/** How long a transaction waits for another process's write to finish before giving up (503), on either database. */
export const WRITE_LOCK_WAIT_MS = 10_000;
