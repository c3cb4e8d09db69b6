import { meaningWords } from "./similarity";

/**
 * What a claim denies and what it asserts, in its own words, so that two claims with the same
 * words can be told apart when one denies what the other asserts ("focuses on inference, not
 * training" against "on training, not inference"; "supports CUDA" against "does not support
 * CUDA"). Ordinary words for ranking leave "not" and "no" out (STOP_WORDS), so without this
 * the two read alike. Pure, and linear in the text's length.
 */

/**
 * Words that deny what follows them in their clause: "not", "no", "never", a contraction
 * ("doesn't"), and verbs that say something was not done ("declined to comment", "paused new
 * connections", "lacks support"). "Declined" alone is a movement ("revenue declined 5%").
 */
const NEGATOR =
  /\b(?:not|no\s+longer|no|never|none|neither|nor|cannot|without|\p{L}+n['’]t|(?:declin|refus|fail)(?:e|es|ed|ing)\s+to|den(?:y|ies|ied|ying)|ruled\s+out|paus(?:e|es|ed|ing)|(?:halt|suspend|lack)(?:s|ed|ing)?|stop(?:s|ped|ping)?|unable\s+to|(?:has|have|had)\s+yet\s+to)\b/iu;
/** Not denials: bounds ("no more than 12 TOPS": figures are compared as figures) and "not only X but Y". */
const NOT_A_DENIAL =
  /\b(?:not|no)\s+(?:only|just|merely|(?:more|less|fewer|later|earlier|greater|higher|lower)\s+than)\b|\bno\.(?=\s*\d)/giu;
/** Where a denial ends: a clause's punctuation, or a word that opens another clause. */
const CLAUSE_BREAK =
  /[,;:!?()[\]—–]|\.(?!\d)|\b(?:but|while|whereas|although|though|yet|and\s+(?:it|they|is|are|was|were))\b/iu;
const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, "giu");

/** A claim's words (as `meaningWords` gives them) in a denied clause part, and elsewhere. */
export interface Polarity {
  denied: Set<string>;
  asserted: Set<string>;
  /** Each denial as written, with the words after it ("not inference"), by the words it denies. */
  denials: Array<{ words: Set<string>; written: string }>;
}

/** How many words after a denial name it in a conflict: "not inference", "declined to comment". */
const WRITTEN = /^\S+(?:\s+(?:to|out|longer|yet\s+to|the|a|an))?(?:\s+\S+)?/u;

export function polarity(text: string): Polarity {
  const denied = new Set<string>();
  const asserted = new Set<string>();
  const denials: Polarity["denials"] = [];
  const plain = text.replace(NOT_A_DENIAL, (bound) => " ".repeat(bound.length));
  let start = 0;
  const clauses: Array<[number, number]> = [];
  for (const mark of plain.matchAll(CLAUSE_BREAKS)) {
    clauses.push([start, mark.index]);
    start = mark.index + mark[0].length;
  }
  clauses.push([start, plain.length]);
  for (const [from, to] of clauses) {
    const clause = plain.slice(from, to);
    const denial = NEGATOR.exec(clause);
    if (!denial) {
      for (const word of meaningWords(clause)) asserted.add(word);
      continue;
    }
    for (const word of meaningWords(clause.slice(0, denial.index))) asserted.add(word);
    const after = clause.slice(denial.index + denial[0].length);
    const words = new Set(meaningWords(after));
    for (const word of words) denied.add(word);
    const written = WRITTEN.exec(text.slice(from + denial.index, to).trim())?.[0] ?? denial[0];
    denials.push({ words, written: written.replace(/[.,;:]+$/u, "") });
  }
  return { denied, asserted, denials };
}

/** A word one claim denies and the other asserts without denying it anywhere, with the denial as written. */
function deniedThere(a: Polarity, b: Polarity): { written: string; word: string } | null {
  for (const denial of a.denials)
    for (const word of denial.words)
      if (b.asserted.has(word) && !b.denied.has(word)) return { written: denial.written, word };
  return null;
}

/**
 * Whether one claim denies what the other asserts: "this claim says not inference, that one not
 * training". Where only one claim denies anything, a word it denies that the other asserts
 * ("does not support CUDA" against "supports CUDA"); where both deny something, each must deny
 * a word the other asserts (a swap: "training, not inference" against "inference, not
 * training"), since the same denial is often worded with another scope ("no payment card data
 * was taken" against "payment card details were not affected").
 */
export function denialConflict(
  ours: Polarity,
  theirs: Polarity,
  oursText: string,
  theirsText: string,
): { ours: string; theirs: string } | null {
  const oursDenies = ours.denials.length > 0;
  const theirsDenies = theirs.denials.length > 0;
  if (!oursDenies && !theirsDenies) return null;
  const ourDenial = deniedThere(ours, theirs);
  const theirDenial = deniedThere(theirs, ours);
  if (oursDenies && theirsDenies) {
    if (!ourDenial || !theirDenial) return null;
    return { ours: ourDenial.written, theirs: theirDenial.written };
  }
  if (ourDenial) return { ours: ourDenial.written, theirs: asWrittenWord(theirsText, ourDenial.word) };
  if (theirDenial) return { ours: asWrittenWord(oursText, theirDenial.word), theirs: theirDenial.written };
  return null;
}

/** The word of `text` whose meaning word is `word`: "supports" for "support". */
function asWrittenWord(text: string, word: string): string {
  for (const match of text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu))
    if (meaningWords(match[0]).includes(word)) return match[0];
  return word;
}
