import type { Net } from "../search/search.server";

/**
 * A word held by this many rows or more is common: it barely tells claims apart, and ranking every
 * row that holds it would cost more as the workspace grows. Counting stops here.
 */
export const COMMON_WORD_ROWS = 1000;
/** When every word is common, the net holds the newest rows with any of the few rarest. */
const COMMON_NET_WORDS = 4;

/**
 * The words to cast matching's net with, from each word's row count (counted up to
 * COMMON_WORD_ROWS): every word some rows hold but fewer than that, rarest first, ranked over
 * all their rows (at most words × COMMON_WORD_ROWS, whatever the workspace's size). A claim made
 * only of common words gets the newest rows holding its rarest words instead. Words no row holds
 * are left out.
 */
export function castNet(words: string[], counts: number[]): Net {
  const held = words
    .map((word, i) => ({ word, rows: counts[i] ?? 0 }))
    .filter((w) => w.rows > 0)
    .sort((a, b) => a.rows - b.rows);
  const rare = held.filter((w) => w.rows < COMMON_WORD_ROWS);
  if (rare.length > 0) return { words: rare.map((w) => w.word), newestOnly: false };
  return { words: held.slice(0, COMMON_NET_WORDS).map((w) => w.word), newestOnly: held.length > 0 };
}
