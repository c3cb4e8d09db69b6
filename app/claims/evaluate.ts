/**
 * Precision and recall of proposed claims against labelled ones. A proposal matches a label
 * when they share at least half of the shorter of the two: a whole-sentence proposal finds a
 * clause-sized label, and a clause-sized proposal inside a long labelled sentence counts too.
 * Proposals on labelled restatements are left out of precision (see docs/claims-evaluation.md).
 */
import { findQuote } from "./anchor";
import type { Span } from "./segment";

export interface Labels {
  /** Check-worthy claims: each must be found. */
  claims: string[];
  /** Check-worthy restatements of a claim labelled elsewhere: proposing one is neither rewarded nor penalised. */
  restatements?: string[];
  /** Passages that must not be proposed: boilerplate, prompts, questions, opinion. */
  traps: string[];
}

export interface Evaluation {
  proposals: number;
  labelled: number;
  truePositives: number;
  found: number;
  precision: number;
  recall: number;
  missed: string[];
  falsePositives: string[];
  trapsProposed: string[];
}

export function matches(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

/** Places each labelled quote in the text; a label that is not there is an error in the labels. */
export function placeLabels(text: string, quotes: string[]): Span[] {
  return quotes.map((quote) => {
    const [span] = findQuote(text, quote);
    if (!span) throw new Error(`Label not found in the article: ${quote}`);
    return span;
  });
}

export function evaluate(text: string, proposals: Span[], labels: Labels): Evaluation {
  const claims = placeLabels(text, labels.claims);
  const traps = placeLabels(text, labels.traps);
  const restatements = placeLabels(text, labels.restatements ?? []);
  const correct = proposals.filter((p) => claims.some((c) => matches(p, c)));
  const neutral = proposals.filter((p) => !correct.includes(p) && restatements.some((r) => matches(p, r)));
  const judged = proposals.length - neutral.length;
  const found = claims.filter((c) => proposals.some((p) => matches(p, c)));
  const quote = (s: Span) => text.slice(s.start, s.end);
  return {
    proposals: judged,
    labelled: claims.length,
    truePositives: correct.length,
    found: found.length,
    precision: judged === 0 ? 1 : correct.length / judged,
    recall: claims.length === 0 ? 1 : found.length / claims.length,
    missed: claims.filter((c) => !found.includes(c)).map(quote),
    falsePositives: proposals.filter((p) => !correct.includes(p) && !neutral.includes(p)).map(quote),
    trapsProposed: traps.filter((t) => proposals.some((p) => matches(p, t))).map(quote),
  };
}

/** An entity as labelled: its words and type. */
export interface LabelledEntity {
  text: string;
  type: string;
}

export interface EntityEvaluation {
  labelled: number;
  /** Labelled entities some found entity overlaps. */
  found: number;
  /** Labelled entities whose overlapping found entity has the labelled type. */
  typedRight: number;
  /** Found entities that overlap no labelled one. */
  spurious: string[];
  mistyped: string[];
  missed: string[];
}

/**
 * Entity types against labels, for one sentence: a labelled entity is found when a found entity
 * overlaps it, and typed right when that entity has its type. Labels are placed in order, each
 * after the previous one, so a name written twice is matched twice.
 */
export function evaluateEntities(
  text: string,
  found: ReadonlyArray<Span & { text: string; type: string }>,
  labels: readonly LabelledEntity[],
): EntityEvaluation {
  let from = 0;
  const placed = labels.map((label) => {
    const start = text.indexOf(label.text, from);
    if (start < 0) throw new Error(`Entity label not found in the sentence: ${label.text} (${text})`);
    from = start + label.text.length;
    return { ...label, start, end: start + label.text.length };
  });
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const result: EntityEvaluation = {
    labelled: labels.length,
    found: 0,
    typedRight: 0,
    spurious: [],
    mistyped: [],
    missed: [],
  };
  for (const label of placed) {
    const match = found.find((f) => overlaps(f, label));
    if (!match) result.missed.push(`${label.text} (${label.type})`);
    else if (match.type === label.type) {
      result.found++;
      result.typedRight++;
    } else {
      result.found++;
      result.mistyped.push(`${label.text}: ${match.type}, labelled ${label.type}`);
    }
  }
  for (const f of found)
    if (!placed.some((label) => overlaps(f, label))) result.spurious.push(`${f.text} (${f.type})`);
  return result;
}
