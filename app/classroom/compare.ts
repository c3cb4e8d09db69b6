/**
 * The classroom's comparison: what a student marked against what the fact-checkers published.
 * Pure functions over the publication's text; no I/O.
 */
import { matches } from "../claims/evaluate";
import type { Unit } from "../claims/sentence-units";
import { VERDICTS, type VerdictKey } from "../newsroom/verdicts";
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

/**
 * What a student may answer: the newsroom's scale, each with what it means, and "not enough
 * information", which fact-checkers never publish but a student who cannot tell yet should be
 * able to say (it earns half a point where the newsroom found no evidence: see `credit`).
 */
export const NOT_ENOUGH = "not-enough-information";
export const STUDENT_VERDICTS = [
  ...VERDICTS.map(({ key, label, meaning }) => ({ key, label, meaning })),
  {
    key: NOT_ENOUGH,
    label: "Not enough information",
    meaning: "I can't tell yet: I would need to find more before judging.",
  },
] as const;
export type StudentVerdict = VerdictKey | typeof NOT_ENOUGH;
export const STUDENT_VERDICT_KEYS = STUDENT_VERDICTS.map((v) => v.key) as [
  StudentVerdict,
  ...StudentVerdict[],
];
export const studentVerdictLabel = (key: string) =>
  STUDENT_VERDICTS.find((v) => v.key === key)?.label ?? "No verdict";

const RATING = new Map<string, number | null>(VERDICTS.map((v) => [v.key, v.rating]));

/**
 * Partial credit along the scale. The same verdict earns 1; a neighbour on the rated scale
 * (Accurate 5 … Inaccurate 1) earns ½, so "Accurate" against "Mostly accurate" is nearly right
 * while "Accurate" against "Misleading" earns nothing. "Unsupported" sits off the scale: only
 * "not enough information" is near it (½). No verdict earns 0.
 */
export function credit(student: StudentVerdict | "", published: VerdictKey): number {
  if (!student) return 0;
  if (student === published) return 1;
  if (student === NOT_ENOUGH) return published === "unsupported" ? 0.5 : 0;
  const a = RATING.get(student);
  const b = RATING.get(published);
  return a != null && b != null && Math.abs(a - b) === 1 ? 0.5 : 0;
}

export interface Answer {
  unit: number;
  verdict: StudentVerdict | "";
  source: SourceKind | "";
  /** The link the student found, and their reason in one sentence (both optional). */
  evidence?: string;
  reason?: string;
}

export {
  engineReasons,
  sentenceUnits,
  splitExercise,
  type ExerciseText,
  type Unit,
} from "../claims/sentence-units";

export function claimUnits(claims: PublishedClaim[]): Unit[] {
  return claims.map((c) => ({ index: c.number, start: c.start, end: c.end, text: c.quote }));
}

export interface ClaimOutcome {
  claim: PublishedClaim;
  found: boolean;
  /** The student's verdict and source for the passage that found it, if any. */
  verdict: StudentVerdict | "";
  source: SourceKind | "";
  evidence: string;
  reason: string;
  agrees: boolean;
  /** 1, ½ or 0: see `credit`. */
  credit: number;
}

export interface Comparison {
  claims: ClaimOutcome[];
  /** Passages the student marked that the fact-checkers did not count. */
  added: Array<{
    unit: Unit;
    verdict: StudentVerdict | "";
    source: SourceKind | "";
    evidence: string;
    reason: string;
  }>;
  found: number;
  agreed: number;
  /** The sum of the claims' credit, out of the number of claims. */
  score: number;
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
      evidence: hit?.answer.evidence ?? "",
      reason: hit?.answer.reason ?? "",
      agrees: hit?.answer.verdict === claim.verdict,
      credit: credit(hit?.answer.verdict ?? "", claim.verdict),
    };
  });
  const added = marked
    .filter((m) => !counted.some((c) => matches(m.unit, c)))
    .map((m) => ({
      unit: m.unit,
      verdict: m.answer.verdict,
      source: m.answer.source,
      evidence: m.answer.evidence ?? "",
      reason: m.answer.reason ?? "",
    }));
  return {
    claims,
    added,
    found: claims.filter((c) => c.found).length,
    agreed: claims.filter((c) => c.agrees).length,
    score: claims.reduce((sum, c) => sum + c.credit, 0),
  };
}

export interface ClaimTally {
  claim: PublishedClaim;
  foundBy: number;
  verdicts: Record<StudentVerdict, number>;
  /** Students who gave the published verdict, a neighbouring one (½), or one that earns nothing. */
  same: number;
  near: number;
  wrong: number;
}

/** Per counted claim: how many students found it, the spread of their verdicts and how close they came. */
export function tally(units: Unit[], counted: PublishedClaim[], submissions: Answer[][]): ClaimTally[] {
  return counted.map((claim) => {
    const verdicts = Object.fromEntries(STUDENT_VERDICT_KEYS.map((k) => [k, 0])) as Record<
      StudentVerdict,
      number
    >;
    const t = { claim, foundBy: 0, verdicts, same: 0, near: 0, wrong: 0 };
    for (const answers of submissions) {
      const outcome = compare(units, [claim], answers).claims[0]!;
      if (!outcome.found) continue;
      t.foundBy++;
      if (!outcome.verdict) continue;
      verdicts[outcome.verdict]++;
      if (outcome.credit === 1) t.same++;
      else if (outcome.credit > 0) t.near++;
      else t.wrong++;
    }
    return t;
  });
}

/** A sentence students marked that the answer key does not count: how many marked it, and their verdicts. */
export interface OtherMark {
  unit: Unit;
  students: number;
  /** Most given first; "" is an answer stored without a verdict. */
  verdicts: Array<{ verdict: StudentVerdict | ""; count: number }>;
}

/**
 * The sentences the class marked outside the answer key (each student's `added`), the most
 * marked first, then in reading order. Bounded by the article's sentences, not by the class.
 */
export function otherMarks(added: Array<Comparison["added"]>): OtherMark[] {
  const bySentence = new Map<number, { unit: Unit; students: number; verdicts: Map<string, number> }>();
  for (const marks of added)
    for (const { unit, verdict } of marks) {
      const entry = bySentence.get(unit.index) ?? { unit, students: 0, verdicts: new Map() };
      entry.students++;
      entry.verdicts.set(verdict, (entry.verdicts.get(verdict) ?? 0) + 1);
      bySentence.set(unit.index, entry);
    }
  const order = (v: string) =>
    v === "" ? STUDENT_VERDICT_KEYS.length : STUDENT_VERDICT_KEYS.indexOf(v as StudentVerdict);
  return [...bySentence.values()]
    .sort((a, b) => b.students - a.students || a.unit.index - b.unit.index)
    .map(({ unit, students, verdicts }) => ({
      unit,
      students,
      verdicts: [...verdicts]
        .sort(([a, m], [b, n]) => n - m || order(a) - order(b))
        .map(([verdict, count]) => ({ verdict: verdict as StudentVerdict | "", count })),
    }));
}

/** Stored answers as the form's fields, to show a student the answers they sent. */
export function answersAsValues(answers: Answer[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const a of answers) {
    values[`mark-${a.unit}`] = "on";
    values[`verdict-${a.unit}`] = a.verdict;
    values[`source-${a.unit}`] = a.source;
    values[`evidence-${a.unit}`] = a.evidence ?? "";
    values[`reason-${a.unit}`] = a.reason ?? "";
  }
  return values;
}

/** A host as people compare sites: lower case, without "www.". */
function siteOf(host: string): string {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, "")
    .split(".");
  // "bbc.co.uk" is a site, "co.uk" is not: keep three labels when the second-last is short.
  const keep = labels.length > 2 && (labels.at(-2)?.length ?? 0) <= 3 ? 3 : 2;
  return labels.slice(-keep).join(".");
}

/**
 * How a student's link relates to the fact-checkers' evidence: the same page, another page of
 * the same site, or a different source. Null when the student gave no usable link.
 */
export function sourceRelation(
  studentUrl: string,
  evidence: Array<{ url: string }>,
): "same-page" | "same-site" | "different" | null {
  let mine: URL;
  try {
    mine = new URL(studentUrl);
  } catch {
    return null;
  }
  const page = (u: URL) => `${u.host.toLowerCase().replace(/^www\./, "")}${u.pathname.replace(/\/$/, "")}`;
  let relation: "same-site" | "different" = "different";
  for (const e of evidence) {
    let theirs: URL;
    try {
      theirs = new URL(e.url);
    } catch {
      continue;
    }
    if (page(theirs) === page(mine)) return "same-page";
    if (siteOf(theirs.host) === siteOf(mine.host)) relation = "same-site";
  }
  return relation;
}
