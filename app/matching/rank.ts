import { denialConflict, polarity } from "./negation";
import { compareQuantities, extractQuantities } from "./quantities";
import { dice, meaningWords, nameConflict, nameRoles, names, type About } from "./similarity";

/**
 * Ranking candidates for "has this been checked before?": pure, so the evaluation
 * (npm run eval:matching) and the tests measure exactly what the app shows.
 */

export type Relation = "same" | "related";

/**
 * What tells two near-identical claims apart: another figure or detail, another name, or a
 * denial of what the other asserts ("wording": "not inference" against "not training").
 */
export interface Conflict {
  ours: string;
  theirs: string;
  kind: "figure" | "name" | "wording";
}

export interface Candidate {
  text: string;
  /** Checked: it has a verdict. Checked claims come before unchecked ones. */
  checked: boolean;
  /** In the article being checked: other articles come first. */
  sameArticle: boolean;
  /** Age in days. */
  ageDays: number;
  /**
   * What its article is about ("Alibaba", with the title), if known: the subject of a claim that
   * names none ("Competitive with mid-range Nvidia inference chips").
   */
  about?: About | null;
}

export interface Ranked<C extends Candidate> {
  candidate: C;
  score: number;
  relation: Relation;
  conflicts: Conflict[];
  /** How much of the two claims' content words they share (Dice), before names and figures. */
  lexical: number;
  /** Whether a name tells the two apart, named in `conflicts` or not. */
  namesDiffer: boolean;
}

/**
 * Whether a claim of the same article says what this one says with another figure: the same
 * words, no other name, and one figure that differs ("310 TOPS" and, later, "210 TOPS"; "in
 * 2026" and "in 2028"). Two figures that differ together are a series, not a contradiction
 * ("rose 5% in 2023", "rose 7% in 2024").
 */
export const saysOtherwise = ({ lexical, namesDiffer, conflicts }: Ranked<Candidate>) =>
  lexical >= SAME_THRESHOLD && !namesDiffer && conflicts.length === 1 && conflicts[0]!.kind === "figure";

/** Below this many content words a text is too short to call anything the same claim. */
export const MIN_WORDS_FOR_SAME = 4;
/** Older than this, a candidate is only a suggestion. */
export const MAX_AGE_FOR_SAME_DAYS = 3 * 365;
/** The score above which two claims with no conflicting figures or names may be called the same… */
export const SAME_THRESHOLD = 0.6;
/** …if they share this much of their wording… */
export const MIN_SHARED_WORDS = 0.3;
/** …and the candidate leads the next one by this much, or scores this high on its own. */
export const SAME_MARGIN = 0.08;
export const SURELY_SAME = 0.9;

/**
 * `about`: what the claim's own article is about, as for a candidate (its subject when the claim
 * names none).
 */
export function rankCandidates<C extends Candidate>(
  text: string,
  candidates: C[],
  { about = null }: { about?: About | null } = {},
): Array<Ranked<C>> {
  const ours = {
    words: new Set(meaningWords(text)),
    names: names(text),
    roles: nameRoles(text),
    quantities: extractQuantities(text),
    polarity: polarity(text),
  };
  return candidates
    .map((candidate) => {
      const words = new Set(meaningWords(candidate.text));
      const lexical = dice(ours.words, words);
      const theirNames = names(candidate.text);
      const sharedNames = dice(ours.names, theirNames);
      const figures = compareQuantities(ours.quantities, extractQuantities(candidate.text));
      // Agreeing on a measured figure ("5 nm", "41%") is strong evidence; on a year or a direction, weak.
      const agreeing = figures.agreeingMeasures;
      const otherName = nameConflict(text, candidate.text, ours.roles, nameRoles(candidate.text), {
        ours: about,
        theirs: candidate.about,
      });
      // Another name keeps a candidate from being "the same" either way. Another subject is named
      // as a difference wherever the two share a word ("this claim names Qualcomm, that one
      // Alibaba"); a name standing where the other has another only where the two say much the
      // same otherwise (two claims about different things differ in every name); names that
      // stand nowhere alike ("a Chinese fab" against "RISC-V architecture") never.
      const conflicts: Conflict[] = figures.conflicts.map((c) => ({ ...c, kind: "figure" }));
      const named =
        otherName?.kind === "subject"
          ? lexical > 0
          : otherName?.kind === "swap" && lexical >= MIN_SHARED_WORDS;
      if (otherName && named)
        conflicts.push({ ours: otherName.ours, theirs: otherName.theirs, kind: "name" });
      // One claim denying what the other asserts ("not" and "no" are stop words to ranking), asked
      // only where the two say much the same otherwise: claims about different things share a
      // word here and there ("data"), and one may deny it.
      const denial =
        lexical >= MIN_SHARED_WORDS &&
        denialConflict(ours.polarity, polarity(candidate.text), text, candidate.text);
      if (denial) conflicts.push({ ...denial, kind: "wording" });
      const score =
        lexical +
        0.15 * sharedNames +
        Math.min(0.5, 0.25 * agreeing) -
        (conflicts.length > 0 || otherName ? 0.1 : 0) +
        (candidate.checked ? 0.03 : 0) +
        (candidate.sameArticle ? -0.05 : 0);
      // A measured figure both state counts as a word: "Nvidia's stock fell 3-4%" says enough.
      const longEnough =
        ours.words.size + agreeing >= MIN_WORDS_FOR_SAME && words.size + agreeing >= MIN_WORDS_FOR_SAME;
      const eligible =
        conflicts.length === 0 &&
        !otherName &&
        longEnough &&
        candidate.ageDays <= MAX_AGE_FOR_SAME_DAYS &&
        score >= SAME_THRESHOLD &&
        lexical >= MIN_SHARED_WORDS;
      return { candidate, score, lexical, eligible, conflicts, namesDiffer: otherName !== null };
    })
    .sort((a, b) => b.score - a.score)
    .map(({ eligible, ...ranked }, i, all) => {
      const next = all[i + 1]?.score ?? 0;
      const clear = ranked.score >= SURELY_SAME || (i === 0 && ranked.score - next >= SAME_MARGIN);
      return { ...ranked, relation: eligible && clear ? ("same" as const) : ("related" as const) };
    });
}

/**
 * What the claim page names as the differences between two claims ("Differs: …"), with what each
 * one's article is about when known (see Candidate.about).
 */
export const conflictsBetween = (
  ours: string,
  theirs: string,
  about: { ours?: About | null; theirs?: About | null } = {},
): Conflict[] =>
  rankCandidates(
    ours,
    [{ text: theirs, checked: false, sameArticle: false, ageDays: 0, about: about.theirs }],
    {
      about: about.ours,
    },
  )[0]!.conflicts;

/** The differences in words: "this claim says 400 TOPS, that one 12 TOPS". */
export const describeConflicts = (conflicts: Conflict[]): string =>
  conflicts
    .map(({ ours, theirs, kind }) =>
      kind === "name"
        ? `this claim names ${ours}, that one ${theirs}`
        : `this claim says ${ours}, that one ${theirs}`,
    )
    .join("; ");
