/**
 * In-memory limits for one server process: a fixed-window counter per key, enough to keep one
 * address from flooding a public link or guessing passwords. Not shared between processes.
 */
const windows = new Map<string, { start: number; count: number }>();

function windowFor(key: string, windowMs: number, now: number) {
  const entry = windows.get(key);
  if (entry && now - entry.start < windowMs) return entry;
  if (windows.size > 50_000) windows.clear();
  const fresh = { start: now, count: 0 };
  windows.set(key, fresh);
  return fresh;
}

/** Counts one use of `key`; false once it has been used more than `limit` times in the window. */
export function allow(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const entry = windowFor(key, windowMs, now);
  entry.count++;
  return entry.count <= limit;
}

/** Whether `key` has already reached `limit` uses in the window, without counting one. */
export function exhausted(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  return windowFor(key, windowMs, now).count >= limit;
}

export function reset(key: string): void {
  windows.delete(key);
}
