/**
 * Re-anchoring: finding a claim again after the article's text changed (a correction, a
 * re-import). Exact quote first; then the quote up to typographic differences; then fuzzy
 * matching scored by quote, prefix, suffix and position, as the Hypothesis client does
 * (approx-string-match). A claim that cannot be placed with confidence is an orphan: it is
 * never moved to a look-alike passage.
 */
import search, { type Match } from "approx-string-match";
import { findQuote, normalize, type Normalized } from "./anchor";
import type { Span } from "./segment";

export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
  /** Where the claim started in the old text: a hint, weighted lightly. */
  start: number;
}

export type Placement =
  | { status: "placed"; how: "exact" | "normalised" | "fuzzy"; start: number; end: number; score: number }
  | { status: "orphan"; reason: string };

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** A fuzzy match must keep at least this share of the quote. */
const MIN_QUOTE_SIMILARITY = 0.8;
/** The best candidate must beat any other place by this much, or the claim is ambiguous. */
const MIN_MARGIN = 0.04;

/** 1 for identical strings, 0 for nothing in common (edit distance relative to `expected`). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length).sort(
    (a: { errors: number }, b: { errors: number }) => a.errors - b.errors,
  );
  return best ? 1 - best.errors / expected.length : 0;
}

interface Candidate extends Span {
  quoteScore: number;
  contextScore: number;
  score: number;
}

function score(text: string, anchor: Anchor, span: Span, quoteScore: number): Candidate {
  const prefix = similarity(
    text.slice(Math.max(0, span.start - anchor.prefix.length), span.start),
    anchor.prefix,
  );
  const suffix = similarity(text.slice(span.end, span.end + anchor.suffix.length), anchor.suffix);
  const position = 1 - Math.min(1, Math.abs(span.start - anchor.start) / Math.max(1, text.length));
  const raw =
    WEIGHTS.quote * quoteScore +
    WEIGHTS.prefix * prefix +
    WEIGHTS.suffix * suffix +
    WEIGHTS.position * position;
  return { ...span, quoteScore, contextScore: (prefix + suffix) / 2, score: raw / MAX_SCORE };
}

/** The clear winner among candidates, or why there is none. */
function choose(candidates: Candidate[]): Candidate | string {
  const ranked = [...candidates].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const rival = ranked.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && best.score - rival.score < MIN_MARGIN) {
    return `The passage now appears ${ranked.filter((c) => best.score - c.score < MIN_MARGIN).length} times with the same context; it is not clear which one the claim is about.`;
  }
  return best;
}

/**
 * How long re-anchoring one revision may take. A text of 2 MB where every sentence changed costs
 * a fuzzy search of the whole text per claim (minutes for 1,000 claims).
 */
export const REANCHOR_BUDGET_MS = 6_000;

/**
 * Every claim's place in the new text, in order, or null when that takes longer than `budgetMs`:
 * then nothing is placed, rather than some claims orphaned (and their approvals withdrawn) because
 * the server was busy. Quotes found exactly once are placed first (an indexOf each); the others
 * are searched for, fuzzily if need be.
 */
export function reanchorAll(
  text: string,
  anchors: Anchor[],
  budgetMs = REANCHOR_BUDGET_MS,
  now: () => number = () => performance.now(),
): Placement[] | null {
  const deadline = now() + budgetMs;
  let normalized: Normalized | undefined;
  const normalizedText = () => (normalized ??= normalize(text));
  const placements: Array<Placement | undefined> = [];
  for (const anchor of anchors) {
    if (now() > deadline) return null;
    const at = anchor.quote.trim() === "" ? -1 : text.indexOf(anchor.quote);
    if (at < 0 || text.indexOf(anchor.quote, at + 1) >= 0) {
      placements.push(undefined);
      continue;
    }
    const span = { start: at, end: at + anchor.quote.length };
    placements.push({ status: "placed", how: "exact", ...span, score: score(text, anchor, span, 1).score });
  }
  const all: Placement[] = [];
  for (const [i, placed] of placements.entries()) {
    if (placed) {
      all.push(placed);
      continue;
    }
    if (now() > deadline) return null;
    all.push(reanchor(text, anchors[i]!, normalizedText));
  }
  return all;
}

export function reanchor(
  text: string,
  anchor: Anchor,
  normalizedText: () => Normalized = () => normalize(text),
): Placement {
  if (anchor.quote.trim() === "") return { status: "orphan", reason: "The claim has no quote to look for." };

  const found = findQuote(text, anchor.quote, normalizedText);
  if (found.length > 0) {
    const chosen = choose(found.map((s) => score(text, anchor, s, 1)));
    if (typeof chosen === "string") return { status: "orphan", reason: chosen };
    const how = text.slice(chosen.start, chosen.end) === anchor.quote ? "exact" : "normalised";
    return { status: "placed", how, start: chosen.start, end: chosen.end, score: chosen.score };
  }

  const maxErrors = Math.min(256, Math.floor(anchor.quote.length * (1 - MIN_QUOTE_SIMILARITY)));
  // The search reports only the closest matches in the whole text, which may be a look-alike:
  // also look for the quote where its old surroundings still are.
  const matches = [...search(text, anchor.quote, maxErrors), ...nearContext(text, anchor, maxErrors)];
  if (matches.length === 0) {
    return {
      status: "orphan",
      reason: "The claim's words are no longer in the article (or were rewritten beyond recognition).",
    };
  }
  // Myers' search reports many overlapping ends for one place: keep the best per start.
  const byStart = new Map<number, Candidate>();
  for (const m of matches) {
    const candidate = score(text, anchor, { start: m.start, end: m.end }, 1 - m.errors / anchor.quote.length);
    const seen = byStart.get(m.start);
    if (!seen || candidate.score > seen.score) byStart.set(m.start, candidate);
  }
  const chosen = choose([...byStart.values()]);
  if (typeof chosen === "string") return { status: "orphan", reason: chosen };
  if (chosen.quoteScore < 0.9 && chosen.contextScore < 0.5) {
    return {
      status: "orphan",
      reason:
        "A similar passage exists, but its wording and surroundings differ too much to be sure it is the same claim.",
    };
  }
  return { status: "placed", how: "fuzzy", start: chosen.start, end: chosen.end, score: chosen.score };
}

/** Matches of the quote right after a fuzzy match of its prefix, or right before one of its suffix. */
function nearContext(text: string, anchor: Anchor, maxErrors: number): Match[] {
  const found: Match[] = [];
  const reach = anchor.quote.length + maxErrors;
  const within = (from: number, to: number) => {
    const start = Math.max(0, from);
    for (const m of search(text.slice(start, Math.min(text.length, to)), anchor.quote, maxErrors)) {
      found.push({ start: m.start + start, end: m.end + start, errors: m.errors });
    }
  };
  if (anchor.prefix.length >= 8) {
    for (const p of search(text, anchor.prefix, Math.floor(anchor.prefix.length / 4)))
      within(p.end - maxErrors, p.end + reach);
  }
  if (anchor.suffix.length >= 8) {
    for (const s of search(text, anchor.suffix, Math.floor(anchor.suffix.length / 4)))
      within(s.start - reach, s.start + maxErrors);
  }
  return found;
}
