import { isCommonWord } from "../claims/entities";
import { STOP_WORDS, type About } from "./similarity";

/** Titles' first words that name no one. */
const TITLE_WORDS =
  /^(?:ai|how|why|what|when|where|who|inside|exclusive|analysis|opinion|explainer|review|breaking)$/;
/** Endings of ordinary English words (as similarity.ts's names leave a sentence's first word alone). */
const ORDINARY_ENDING =
  /(?:ive|ion|ions|ing|ed|ly|al|ance|ence|ity|ment|ments|ness|ous|ful|able|ible|ers|ors|ists|es|ts|ys|ics|ure|ary|ery)$/;

/**
 * What an article is about, from its title: its first word when that is a name ("Alibaba" of
 * "Alibaba AI Chip: The Bold Nvidia Alternative…", "Qualcomm" of "Qualcomm’s new chip"), else
 * nothing ("The …", "How …", "Chip Wars: …"). As written, for "this claim names Qualcomm, that
 * one Alibaba". Titles capitalise every word, so only the first is read, and only when it is
 * neither a common word nor shaped like one. With the title, which may name more of it ("Orbitek
 * launches the Helix X2…").
 */
export function articleSubject(title: string): About | null {
  const first =
    /^[\s"“‘']*([A-Z][\p{L}\p{N}]*(?:[-.][\p{Lu}\p{N}][\p{L}\p{N}]*)*)(['’]s)?(?![\p{L}\p{N}])/u.exec(title);
  if (!first) return null;
  const [, word, possessive] = first;
  const lower = word!.toLowerCase();
  if (STOP_WORDS.has(lower) || TITLE_WORDS.test(lower) || isCommonWord(lower)) return null;
  const shaped = /[A-Z0-9.-]/.test(word!.slice(1));
  if (!possessive && !shaped && ORDINARY_ENDING.test(lower)) return null;
  if (!possessive && sentenceCase(title) && namesAnotherFirst(title.slice(first[0].length))) return null;
  return { subject: word!, title };
}

/** Most of a title's next words in lower case: a capital then marks a name, as in a sentence. */
function sentenceCase(title: string): boolean {
  const words = title
    .split(/\s+/)
    .slice(1, 8)
    .filter((word) => /^\p{L}/u.test(word));
  return words.filter((word) => /^\p{Ll}/u.test(word)).length * 2 >= words.length;
}

/** Words a title puts between two names, the second of which is the one meant: "Nvidia rival Alibaba". */
const APPOSITION =
  /^(?:rival|supplier|partner|customer|client|competitor|challenger|maker|owner|parent|unit|subsidiary|boss|chief|founder|ceo|investor|backer)\s+\p{Lu}/iu;

/**
 * After the first word of a title in sentence case: more of the same name ("Elon Musk says…",
 * whose first word alone is no subject) or another name in apposition ("Nvidia rival Alibaba
 * unveils…", which is about Alibaba). Either way the first word is not what it is about.
 */
const namesAnotherFirst = (rest: string) => /^\s+\p{Lu}/u.test(rest) || APPOSITION.test(rest.trimStart());
