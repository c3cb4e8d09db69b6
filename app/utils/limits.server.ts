import { createHash } from "node:crypto";

/**
 * Attempt limits: a fixed-window counter per key, enough to keep one address from flooding a
 * public link or guessing passwords. The counts live in the database (db/attempts.server.ts), so
 * every server process sharing it counts the same attempts.
 */
export interface Limit {
  key: string;
  /** Uses allowed in one window. */
  limit: number;
  windowMs: number;
}

export interface AttemptLimiter {
  /**
   * Takes one use of every limit if each has one left, or none at all: the check and the count
   * are one step, so parallel requests cannot all pass a check made before any of them counted.
   */
  reserve(limits: readonly Limit[], now?: number): Promise<boolean>;
  /**
   * Whether the limit has no use left in its current window, without taking one: for requests
   * that only count when they fail (a code that does not exist), while a locked-out client still
   * learns nothing.
   */
  exhausted(limit: Limit, now?: number): Promise<boolean>;
  /** Gives back one use taken by `reserve` (an attempt that turned out not to count). */
  release(limit: Limit, now?: number): Promise<void>;
  /** Forgets the key's count, e.g. an account's failures once its owner signs in. */
  reset(key: string): Promise<void>;
}

/** Keys longer than this are stored as their hash, so a huge input never becomes a huge key. */
const MAX_KEY_LENGTH = 200;

/**
 * The key as stored. U+0000 is dropped first, as the database drops it from every text
 * (db/text-safe.server.ts): `ann@x` with NULs typed in is the same account to sign-in, so it must
 * count against the same window, hashed or not.
 */
export function boundedKey(key: string): string {
  const stored = key.replaceAll("\u0000", "");
  return stored.length <= MAX_KEY_LENGTH
    ? stored
    : `sha256:${createHash("sha256").update(stored).digest("base64url")}`;
}
