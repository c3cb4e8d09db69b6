/**
 * Placing a quote in the text projection, and the W3C selectors (TextQuoteSelector and
 * TextPositionSelector) that describe a span. Pure functions.
 */
import type { Span } from "./segment";

export const CONTEXT_LENGTH = 32;

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export function selectorFor(text: string, span: Span): QuoteSelector {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT_LENGTH),
  };
}

/** Characters a pasted quote may differ in: typographic quotes, dashes, hyphens and spacing. */
const EQUIVALENT: Record<string, string> = {
  "’": "'",
  "‘": "'",
  "‛": "'",
  "′": "'",
  "“": '"',
  "”": '"',
  "„": '"',
  "″": '"',
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "–": "-",
  "—": "-",
  "−": "-",
  "\u00a0": " ",
  "…": "...",
};

export interface Normalized {
  text: string;
  /** offsets[i] is the index in the original text of normalized character i; one extra at the end. */
  offsets: number[];
}

/** Folds equivalent characters and collapses whitespace runs, keeping a map back to offsets. */
export function normalize(text: string): Normalized {
  let out = "";
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out += " ";
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const mapped = EQUIVALENT[ch] ?? ch;
    for (const m of mapped) {
      out += m;
      offsets.push(i);
    }
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

/**
 * Every place `quote` occurs in `text`, exactly or up to typographic differences. `normalized`
 * gives `normalize(text)`, which a caller looking for many quotes in one text makes once.
 */
export function findQuote(text: string, quote: string, normalized = () => normalize(text)): Span[] {
  const exact = allIndexes(text, quote).map((start) => ({ start, end: start + quote.length }));
  if (exact.length > 0 || quote.trim() === "") return exact;
  const haystack = normalized();
  const needle = normalize(quote.trim()).text;
  if (needle === "") return [];
  return allIndexes(haystack.text, needle).map((i) => ({
    start: haystack.offsets[i]!,
    end: haystack.offsets[i + needle.length - 1]! + 1,
  }));
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** The occurrence of `quote` closest to `near` (the start of a previous span), or null. */
export function locateQuote(text: string, quote: string, near = 0): Span | null {
  const spans = findQuote(text, quote);
  if (spans.length === 0) return null;
  return spans.reduce((best, s) => (Math.abs(s.start - near) < Math.abs(best.start - near) ? s : best));
}

/** Trims whitespace from both ends of a span. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
