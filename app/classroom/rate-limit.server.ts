/**
 * A fixed-window counter per key, in memory: enough to keep one public link from being
 * flooded by one address. Returns false when the key has used up its window.
 */
const windows = new Map<string, { start: number; count: number }>();

export function allow(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const entry = windows.get(key);
  if (!entry || now - entry.start >= windowMs) {
    if (windows.size > 50_000) windows.clear();
    windows.set(key, { start: now, count: 1 });
    return true;
  }
  entry.count++;
  return entry.count <= limit;
}
