import { createHash } from "node:crypto";

/**
 * Attempt limits for one server process: a fixed-window counter per key, enough to keep one
 * address from flooding a public link or guessing passwords. Not shared between processes.
 *
 * Callers go through `AttemptLimiter` only, so the counts can later live somewhere shared (a
 * database version would do `reserve` as one conditional UPDATE inside a transaction).
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
  reserve(limits: readonly Limit[], now?: number): boolean;
  /** Gives back one use taken by `reserve` (an attempt that turned out not to count). */
  release(limit: Limit, now?: number): void;
  /** Forgets the key's count, e.g. an account's failures once its owner signs in. */
  reset(key: string): void;
}

/** Keys longer than this are stored as their hash, so a huge input never becomes a huge key. */
const MAX_KEY_LENGTH = 200;

export function boundedKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH
    ? key
    : `sha256:${createHash("sha256").update(key).digest("base64url")}`;
}

interface Window {
  start: number;
  count: number;
  limit: number;
  windowMs: number;
}

const expired = (w: Window, now: number) => now - w.start >= w.windowMs;
const lockedOut = (w: Window) => w.count >= w.limit;

/**
 * Counts in a Map holding at most `maxEntries` keys. When a new key finds the map full, expired
 * windows are dropped first, then keys that are not locked out, oldest first, until a tenth of
 * the map is free. A locked-out key is never dropped before its window ends, so no amount of
 * junk keys can lift a lock-out.
 *
 * If every entry is a live lock-out, a new key cannot be tracked and is refused (fails closed)
 * until the earliest of those windows ends: refusing some newcomers for at most one window is
 * better than forgetting locks or growing without bound.
 */
export function createMemoryLimiter({
  maxEntries,
}: {
  maxEntries: number;
}): AttemptLimiter & { size(): number } {
  // Insertion order is window-start order: a key whose window restarts is deleted and set again.
  const windows = new Map<string, Window>();
  // After a sweep that freed nothing, no entry can be dropped before this moment.
  let nothingToDropUntil = -Infinity;

  // A full map is cleared down by a tenth at once, so the sweep's cost is spread over many keys.
  const roomAfterSweep = maxEntries - Math.max(1, Math.floor(maxEntries / 10));

  /** Frees places if the map is full, never dropping a key in `keep` (those being counted now). */
  function makeRoom(now: number, keep: ReadonlySet<string>): boolean {
    if (windows.size < maxEntries) return true;
    if (now < nothingToDropUntil) return false;
    for (const [key, w] of windows) if (expired(w, now)) windows.delete(key);
    for (const [key, w] of windows) {
      if (windows.size <= roomAfterSweep) break;
      if (!lockedOut(w) && !keep.has(key)) windows.delete(key);
    }
    if (windows.size < maxEntries) return true;
    nothingToDropUntil = Infinity;
    for (const w of windows.values()) nothingToDropUntil = Math.min(nothingToDropUntil, w.start + w.windowMs);
    return false;
  }

  /** The live window for the limit, a fresh one, or null when there is no room to track it. */
  function windowFor({ key, limit, windowMs }: Limit, now: number, keep: ReadonlySet<string>): Window | null {
    const stored = windows.get(key);
    if (stored && !expired(stored, now)) return stored;
    if (stored) windows.delete(key);
    if (!makeRoom(now, keep)) return null;
    const fresh = { start: now, count: 0, limit, windowMs };
    windows.set(key, fresh);
    return fresh;
  }

  return {
    reserve(limits, now = Date.now()) {
      const bounded = limits.map((l) => ({ ...l, key: boundedKey(l.key) }));
      const keep = new Set(bounded.map((l) => l.key));
      const counted = bounded.map((l) => windowFor(l, now, keep));
      if (counted.some((w, i) => w === null || w.count >= bounded[i]!.limit)) return false;
      for (const w of counted) w!.count++;
      return true;
    },
    release(limit, now = Date.now()) {
      const w = windows.get(boundedKey(limit.key));
      if (w && !expired(w, now) && w.count > 0) w.count--;
    },
    reset(key) {
      windows.delete(boundedKey(key));
    },
    size: () => windows.size,
  };
}

/**
 * Sign-in's limiter, apart from the public links' so that cheap requests elsewhere can never
 * fill it. Filling it with live lock-outs (the fail-closed case) would take 250,000 password
 * hashes within one 15-minute window, far beyond what the server can compute in that time.
 * 50,000 keys of at most ~200 characters are a few megabytes.
 */
export const signInLimiter: AttemptLimiter = createMemoryLimiter({ maxEntries: 50_000 });

/** Limits on public links (classroom codes and answers). */
export const publicLinkLimiter: AttemptLimiter = createMemoryLimiter({ maxEntries: 50_000 });

/** Counts one use of `key` on a public link; false once it has been used `limit` times in the window. */
export function allow(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  return publicLinkLimiter.reserve([{ key, limit, windowMs }], now);
}
