import { compareQuantities, extractQuantities } from "./quantities";
import { contentWords, dice, names } from "./similarity";

/**
 * Ranking candidates for "has this been checked before?": pure, so the evaluation
 * (npm run eval:matching) and the tests measure exactly what the app shows.
 */

export type Relation = "same" | "related";

export interface Candidate {
  text: string;
  /** Checked: it has a verdict. Checked claims come before unchecked ones. */
  checked: boolean;
  /** In the article being checked: other articles come first. */
  sameArticle: boolean;
  /** Age in days. */
  ageDays: number;
}

export interface Ranked<C extends Candidate> {
  candidate: C;
  score: number;
  relation: Relation;
  conflicts: Array<{ ours: string; theirs: string }>;
}

/** Below this many content words a text is too short to call anything the same claim. */
export const MIN_WORDS_FOR_SAME = 4;
/** Older than this, a candidate is only a suggestion. */
export const MAX_AGE_FOR_SAME_DAYS = 3 * 365;
/** The similarity above which two claims with agreeing figures are called the same. */
export const SAME_THRESHOLD = 0.5;

export function rankCandidates<C extends Candidate>(text: string, candidates: C[]): Array<Ranked<C>> {
  const ours = {
    words: new Set(contentWords(text)),
    names: names(text),
    quantities: extractQuantities(text),
  };
  return candidates
    .map((candidate) => {
      const words = new Set(contentWords(candidate.text));
      const lexical = dice(ours.words, words);
      const named = dice(ours.names, names(candidate.text));
      const { conflicts, agreeing } = compareQuantities(ours.quantities, extractQuantities(candidate.text));
      const score =
        lexical +
        0.25 * named +
        (agreeing > 0 ? 0.15 : 0) -
        (conflicts.length > 0 ? 0.1 : 0) +
        (candidate.checked ? 0.03 : 0) +
        (candidate.sameArticle ? -0.05 : 0);
      const longEnough = ours.words.size >= MIN_WORDS_FOR_SAME && words.size >= MIN_WORDS_FOR_SAME;
      const same =
        conflicts.length === 0 &&
        longEnough &&
        candidate.ageDays <= MAX_AGE_FOR_SAME_DAYS &&
        score >= SAME_THRESHOLD;
      return { candidate, score, relation: same ? ("same" as const) : ("related" as const), conflicts };
    })
    .sort((a, b) => b.score - a.score);
}
