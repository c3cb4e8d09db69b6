/**
 * The classroom's comparison: what a student marked against what the fact-checkers published.
 * Pure functions over the publication's text; no I/O.
 */
import { scoreSpans } from "../claims/detect";
import { matches } from "../claims/evaluate";
import { project } from "../claims/projection";
import { segment, type Span } from "../claims/segment";
import { VERDICT_KEYS, type VerdictKey } from "../newsroom/verdicts";
import type { PublishedClaim } from "../publishing/snapshot";

export const SOURCE_KINDS = [
  { key: "official-records", label: "Official records, filings or rule texts" },
  { key: "company-data", label: "The company's own statement or data" },
  { key: "independent-testing", label: "Independent testing or measurement" },
  { key: "market-data", label: "Market or trading data" },
  { key: "news-reports", label: "Reporting by other news outlets" },
  { key: "research", label: "Academic or industry research" },
  { key: "expert", label: "An independent expert" },
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number]["key"];
export const SOURCE_KEYS = SOURCE_KINDS.map((s) => s.key) as [SourceKind, ...SourceKind[]];
export const sourceLabel = (key: string) => SOURCE_KINDS.find((s) => s.key === key)?.label ?? "—";

/** Something a student can mark: a sentence of the article, or (in "marked" mode) a published claim. */
export interface Unit extends Span {
  index: number;
  text: string;
}

export interface Answer {
  unit: number;
  verdict: VerdictKey | "";
  source: SourceKind | "";
}

/** The sentences of the published article, numbered, that a student may mark. */
export function sentenceUnits(markdown: string): Unit[] {
  const { text, blocks } = project(markdown);
  return segment(text, blocks)
    .filter((s) => s.text.split(/\s+/).length >= 3)
    .map((s, index) => ({ index, start: s.start, end: s.end, text: s.text }));
}

export function claimUnits(claims: PublishedClaim[]): Unit[] {
  return claims.map((c) => ({ index: c.number, start: c.start, end: c.end, text: c.quote }));
}

export interface ClaimOutcome {
  claim: PublishedClaim;
  found: boolean;
  /** The student's verdict and source for the passage that found it, if any. */
  verdict: VerdictKey | "";
  source: SourceKind | "";
  agrees: boolean;
}

export interface Comparison {
  claims: ClaimOutcome[];
  /** Passages the student marked that the fact-checkers did not count. */
  added: Array<{ unit: Unit; verdict: VerdictKey | ""; source: SourceKind | "" }>;
  found: number;
  agreed: number;
}

/** Why the engine finds each claim check-worthy, in words for students ("contains a figure"…). */
export function engineReasons(markdown: string, spans: Span[]): string[][] {
  const { text, blocks } = project(markdown);
  return scoreSpans(text, blocks, spans).map((s) => s.reasons);
}

export function compare(units: Unit[], counted: PublishedClaim[], answers: Answer[]): Comparison {
  const marked = answers
    .map((a) => ({ answer: a, unit: units.find((u) => u.index === a.unit) }))
    .filter((m): m is { answer: Answer; unit: Unit } => m.unit !== undefined);
  const claims = counted.map((claim) => {
    const hit = marked.find((m) => matches(m.unit, claim));
    return {
      claim,
      found: hit !== undefined,
      verdict: hit?.answer.verdict ?? "",
      source: hit?.answer.source ?? "",
      agrees: hit?.answer.verdict === claim.verdict,
    };
  });
  const added = marked
    .filter((m) => !counted.some((c) => matches(m.unit, c)))
    .map((m) => ({ unit: m.unit, verdict: m.answer.verdict, source: m.answer.source }));
  return {
    claims,
    added,
    found: claims.filter((c) => c.found).length,
    agreed: claims.filter((c) => c.agrees).length,
  };
}

export interface ClaimTally {
  claim: PublishedClaim;
  foundBy: number;
  verdicts: Record<VerdictKey, number>;
}

/** Per counted claim: how many students found it and the spread of their verdicts. */
export function tally(units: Unit[], counted: PublishedClaim[], submissions: Answer[][]): ClaimTally[] {
  return counted.map((claim) => {
    const verdicts = Object.fromEntries(VERDICT_KEYS.map((k) => [k, 0])) as Record<VerdictKey, number>;
    let foundBy = 0;
    for (const answers of submissions) {
      const outcome = compare(units, [claim], answers).claims[0]!;
      if (!outcome.found) continue;
      foundBy++;
      if (outcome.verdict) verdicts[outcome.verdict]++;
    }
    return { claim, foundBy, verdicts };
  });
}
