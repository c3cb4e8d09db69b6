/**
 * What the check-worthiness detector recognises in a sentence that both its scoring rules
 * (rules.ts) and its clause splitting (detect.ts) read: figures, events, names and calendar words.
 */
import { allMatches, lettersAreAscii, pick, twins } from "./patterns";
import { meter } from "./meter";

/**
 * Numbers, units, currencies, percentages, ranges. The lookbehinds start a figure at a number's
 * first digit only: without them a long number that is not a figure ("1,2,3,…") was searched
 * again from each of its digits, which took time quadratic in its length.
 */
export const FIGURE =
  /(?:\b(?:doubled|tripled|halved|quadrupled|twice|three times|half)\b|[$€£¥]\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|m|k))?|\d(?<=(?:^|[^\d,.])[,.]*\d)[\d,.]*\s?(?:%|percent|per cent|x\b|×|nm\b|GB\/s|TB\/s|TOPS|TFLOPS|GHz|MHz|GB\b|TB\b|MB\b|W\b|watts?\b|billion|million|trillion|yuan|dollars?|euros?|times\b|users|customers|employees|units)|(?:[+−-]|(?<!\d))\d+(?:[.,]\d+)?\s?[–-]\s?\d+(?:[.,]\d+)?\s?%|\b\d{2,}(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|double|triple|half|dozens?|hundreds?|thousands?)\b(?=[\s‑-]+(?:digit|years?|months?|weeks?|days?|hours?|times|quarters?|percent))|double[‑-]digit)/i;
const FIGURE_HINT =
  /[\d$€£¥]|\b(?:doubled|tripled|halved|quadrupled|twice|three|half|one|two|four|five|six|seven|eight|nine|ten|double|triple|dozens?|hundreds?|thousands?)\b/i;

/**
 * The first figure of a sentence, as FIGURE finds it. Most sentences hold no digit, currency or
 * number word, and one pass over a character class tells so at a tenth of FIGURE's cost.
 */
export function firstFigure(text: string): RegExpExecArray | null {
  return FIGURE_HINT.test(text) ? FIGURE.exec(text) : null;
}

/**
 * An action or event reported as having happened (or happening): it either did or it did not.
 * Verbs only: "investors", "production" and "developers" name people and things, not what happened.
 */
export const EVENT =
  /\b(?:unveil(?:s|ed|ing)?|launch(?:es|ed|ing)?|announc(?:e[sd]?|ing)|manufactur(?:e[sd]?|ing)|produc(?:e[sd]?|ing)|develop(?:s|ed|ing)?|built|build(?:s|ing)?|design(?:s|ed|ing)?|releas(?:e[sd]?|ing)|acquir(?:e[sd]?|ing)|invest(?:s|ed|ing)?|grew|grow(?:s|n)?|rose|rise[sn]?|fell|fall(?:s|en)?|dipped|dip(?:s)?|spiked|surged|dropped|jumped|gained|lost|cut|raised|signed|banned|approved|stole|stolen|taken|exposed|leaked|breached|hacked|paid|declined|begin|begins|began|started|starts|added|approve|approves|paused|consume[sd]?|control(?:s|led)?|operates|costs?|drew|averaged|generated|completed|integrat(?:e[sd]?|ing)|focuses|backed|depends|outsourced|sparked|rewarded|compete|competes)\b/i;

/**
 * compromise's part-of-speech tags for a lower-case word (`tagsOf` in entities.ts). The caller
 * passes it in, so this module does not load the lexicon: browser code reads the rule table.
 */
export type WordTags = (word: string) => readonly string[];

const ALL_EVENTS = new RegExp(EVENT.source, "gi");

/**
 * The first event word of `text` used as a verb ("Alibaba designs chips", "will launch"), or
 * null: "the chip’s designs" and "the launch" name things, they report nothing that happened.
 */
export function eventVerb(text: string, tags: WordTags): RegExpExecArray | null {
  for (const match of allMatches(ALL_EVENTS, text))
    if (usedAsVerb(text, match.index, match[0], tags)) return match;
  return null;
}

/** Past forms are verbs wherever they stand ("the stolen records" were stolen); the others may be nouns. */
const PAST_FORM =
  /(?:ed|^grew|^grown|^rose|^risen|^fell|^fallen|^built|^lost|^paid|^began|^begun|^drew|^drawn|^stole|^stolen|^taken|^took)$/;
/** Words that open a noun phrase: "the launch", "its designs", "two launches", "a 5% cut". */
const DETERMINER = new Set(
  "the a an this these those each every no any another its their his her our your my whose some several many few such either neither two three four five six seven eight nine ten dozens hundreds thousands".split(
    " ",
  ),
);
/** Before a preposition or a copula a base form is a noun ("at launch", "the aim is growth"); an -ing form stays a verb ("by building", "are building"). */
const PREPOSITION_OR_COPULA = new Set(
  "of for after before at on in with by from during until since upon without into about against is are was were be been being".split(
    " ",
  ),
);
const FIGURE_WORD = /^[$€£¥+−-]?\d[\d.,]*(?:%|x|×)?$/u;
/** "the chip’s designs", "Alibaba’s launch"; not "it’s", "that’s". */
const POSSESSIVE = /^[\p{L}\p{N}.&-]+(?:['’]s|s['’])$/u;
const CONTRACTION = /^(?:it|that|what|there|here|he|she|who|where|let)['’]s$/iu;
/** Words that describe a noun: "official launch", "operational costs", "first designs", "mid-range designs", "delayed launch". */
const ADJECTIVE_TAGS = new Set(["Adjective", "Comparative", "Superlative", "Ordinal"]);
/** The lexicon leaves out adjectives its rules derive ("operational", "strategic"): their endings, in lower case, when it lists no noun. */
const ADJECTIVE_SHAPE = /(?:ed|ing|al|ic|ive|ous|ful|able|ible)$|[‑-]/u;
/** Words that may stand before a verb: "also designs", "still builds", "quickly launched". */
const ADVERB = new Set(
  "also still just only even already again soon often never always now together all both".split(" "),
);
const NOUN_TAGS = new Set(["Singular", "Plural", "Noun", "Uncountable"]);
/** The last word before a position, with the spaces after it. */
const WORD_BEFORE = /(\S+)\s+$/u;
const CLAUSE_MARK = /[,;:()[\]"“”—–]$|^[—–-]$/u;
const SENTENCE_END = /[.!?]$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** "launch-day coverage": the word is part of a compound, not a verb. */
const COMPOUND_AFTER = /^[‑-]\p{L}/u;
/** Base forms that are past forms too: "the company cut jobs", "the chip cost $40". */
const ALSO_PAST = new Set(["cut", "cost"]);
/** Words that join subjects: "Intel and AMD launch", where the base form agrees with both. */
const COORDINATOR = new Set(["and", "or", "nor", "&"]);
/** A verb the lexicon lists as a noun that takes a bare verb after it: "will help launch". */
const BARE_VERB_BEFORE = new Set(["help"]);
const SINGULAR_TAGS = new Set(["Singular", "Uncountable"]);
const NAME_TAGS = new Set([
  "ProperNoun",
  "Organization",
  "Person",
  "FirstName",
  "LastName",
  "Place",
  "City",
  "Country",
  "Region",
]);
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]+$/u;
/** Tags that make a word something other than a noun, where the lexicon lists it as one too. */
const NOT_A_NOUN_TAGS = new Set([
  "Pronoun",
  "Modal",
  "Infinitive",
  "PresentTense",
  "PastTense",
  "Copula",
  "Auxiliary",
  "Negative",
  "QuestionWord",
  "Conjunction",
  "Preposition",
  "Determiner",
]);

/**
 * Whether the event word at `at` is used as a verb, read from the words around it. A base or -s
 * form is a noun after a determiner, a number, a possessive, a preposition or a copula, after a
 * word that describes it ("official launch", "operational costs"), before "of" ("the launch of")
 * or inside a compound ("launch-day"); an -ing form only after a determiner or a possessive ("the
 * new building"); a sentence's first word when the lexicon lists it as a noun ("Costs rose").
 * Past forms are verbs wherever they stand ("the stolen records" were stolen). Anything else
 * reads as a verb: "Alibaba designs chips", "will launch", "to cut", "Acme also builds".
 */
export function usedAsVerb(text: string, at: number, word: string, tags: WordTags): boolean {
  const form = word.toLowerCase();
  if (PAST_FORM.test(form)) return true;
  const gerund = form.endsWith("ing");
  const after = text.slice(at + word.length, at + word.length + 4);
  if (COMPOUND_AFTER.test(after) || (!gerund && /^\s+of\b/u.test(after))) return false;
  let end = at;
  for (let skipped = 0; skipped < 4; skipped++) {
    meter.steps++;
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, end - 40), end));
    if (!before) return HAS_WORD.test(text.slice(0, end)) || !isNoun(form, tags);
    const token = before[1]!;
    if (CLAUSE_MARK.test(token)) return true;
    if (SENTENCE_END.test(token)) return !isNoun(form, tags);
    const lower = token.toLowerCase();
    if (DETERMINER.has(lower) || FIGURE_WORD.test(lower)) return false;
    if (POSSESSIVE.test(token) && !CONTRACTION.test(token)) return false;
    if (PREPOSITION_OR_COPULA.has(lower)) return gerund;
    const lexicon = tags(lower);
    const adverb =
      ADVERB.has(lower) || lexicon.includes("Adverb") || (token === lower && lower.endsWith("ly"));
    const adjective =
      !adverb &&
      (lexicon.some((t) => ADJECTIVE_TAGS.has(t)) ||
        (token === lower && ADJECTIVE_SHAPE.test(lower) && !lexicon.some((t) => NOUN_TAGS.has(t))));
    if (adjective && !gerund) return false;
    if (!adverb && !adjective)
      return !(baseForm(form) && singularNoun(token, lower, lexicon, end - before[0].length, text));
    end -= before[0].length;
  }
  return true;
}

const isNoun = (form: string, tags: WordTags) => tags(form).some((t) => NOUN_TAGS.has(t));

/** A form that agrees only with a plural or "I", "you", "we", "they": "launch", "rise", not "launches", "launched", "cut". */
const baseForm = (form: string) =>
  !form.endsWith("s") && !form.endsWith("ing") && !PAST_FORM.test(form) && !ALSO_PAST.has(form);

/**
 * Whether `token`, which ends at `at`, is a singular noun standing alone as the subject would:
 * "chip", "price", "GPU", "Nvidia", or a lower-case word the lexicon does not know and that has
 * no plural's ending ("product", "smartphone"). A base form cannot agree with one, so after it
 * the event word is the head of a compound ("the GPU launch", "a chip launch", "the price rise"),
 * unless the noun ends a list of subjects ("Intel and AMD launch").
 */
function singularNoun(
  token: string,
  lower: string,
  lexicon: readonly string[],
  at: number,
  text: string,
): boolean {
  if (BARE_VERB_BEFORE.has(lower) || !/^[\p{L}\p{N}]+$/u.test(token)) return false;
  const acronym = ACRONYM.test(token);
  if (!acronym) {
    if (lower.endsWith("s") || lexicon.some((t) => NOT_A_NOUN_TAGS.has(t))) return false;
    // A word the lexicon lists, but not as a singular noun or a name ("people", "together"), is none.
    const listed = lexicon.some((t) => SINGULAR_TAGS.has(t) || (token !== lower && NAME_TAGS.has(t)));
    if (!listed && lexicon.length > 0) return false;
  }
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  return !(previous && COORDINATOR.has(previous[1]!.toLowerCase()));
}

/**
 * A person's role, as an appositive sets it off: "Maria Chen, an analyst at Omdia", "Priya Raman,
 * chief executive of Acme". Not roles organisations take too ("a partner of", "an investor in").
 */
export const PERSON_ROLES =
  "analyst|researcher|economist|strategist|spokesperson|spokesman|spokeswoman|executive|officer|director|founder|co-founder|professor|engineer|manager|president|chairman|chairwoman|chair|lawyer|attorney|scientist|consultant|minister|senator|lecturer|journalist|reporter|head|CEO|CFO|CTO|COO|VP";

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const CALENDAR_NAMES = `${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`;
/** Month and day names only when capitalised: "May" is a month, "may" is a hedge. */
export const NAMED_DAY = new RegExp(`\\b(?:${CALENDAR_NAMES})\\b`);
/** Months and weekdays are dates, not names, even though they are capitalised. */
export const CALENDAR_WORD = new RegExp(`^(?:${CALENDAR_NAMES})$`);
/** A paragraph that is only a date, as in a timeline: "2024 Q1", "March 2025". */
export const DATE_ONLY = new RegExp(
  `^(?:(?:19|20)\\d{2}(?:\\s?Q[1-4]|\\s?H[12])?|Q[1-4]\\s?(?:19|20)\\d{2}|(?:${MONTHS})\\s(?:19|20)\\d{2})$`,
  "u",
);

/** A capitalised, all-caps or CamelCase word: a candidate name (see `names`). */
export const NAME =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}&'’-]*\p{L}|\p{Lu}{2,}|[\p{L}]+[\p{Lu}][\p{L}]*)(?![\p{L}])/gu;
const CAPITALISED_RUN = twins(/\p{Lu}[\p{L}\p{N}&'’-]*/gu);
const LETTER = twins(/\p{L}/u);
const LETTER_OR_DIGIT = twins(/[\p{L}\p{N}]/u);
const UPPER = twins(/\p{Lu}/u);

/**
 * The matches of NAME in `text`, found three times faster: a scan for capitalised runs, which
 * the engine can skip through, and the rest of NAME checked on the few characters around each
 * run (NAME's leading look-behind made the engine try it at every character).
 */
export function nameMatches(text: string): Array<{ index: number; word: string }> {
  const found: Array<{ index: number; word: string }> = [];
  const ascii = lettersAreAscii(text);
  const letter = pick(LETTER, ascii);
  const letterOrDigit = pick(LETTER_OR_DIGIT, ascii);
  const upper = pick(UPPER, ascii);
  const runs = pick(CAPITALISED_RUN, ascii);
  runs.lastIndex = 0;
  for (let run = runs.exec(text); run; run = runs.exec(text)) {
    meter.steps += run[0].length;
    const at = run.index;
    const runEnd = at + run[0].length;
    const before = text[at - 1];
    if (before === undefined || !letterOrDigit.test(before)) {
      // "Acme’s-" is the name "Acme’s": the run up to its last letter, if it has one past the first.
      let end = runEnd;
      while (end > at + 1 && !letter.test(text[end - 1]!)) end--;
      if (end > at + 1) found.push({ index: at, word: text.slice(at, end) });
      continue;
    }
    // "iPhone": lower-case letters from a word's start, then a capital, then letters.
    let start = at;
    while (start > 0 && letter.test(text[start - 1]!) && !upper.test(text[start - 1]!)) start--;
    if (start < at && !(start > 0 && letterOrDigit.test(text[start - 1]!))) {
      let end = at + 1;
      while (end < text.length && letter.test(text[end]!)) end++;
      found.push({ index: start, word: text.slice(start, end) });
      runs.lastIndex = end;
      continue;
    }
    // Not a name here: a name may still start inside the run, after a mark ("5Ab-Xy" holds "Xy").
    let next = at + 1;
    while (next < runEnd && letterOrDigit.test(text[next - 1]!)) next++;
    runs.lastIndex = next;
  }
  return found;
}

/** Capitalised words that are never names by themselves. */
export const COMMON_CAPITALISED = new Set(
  "The A An This That These Those It Its He She They We I You His Her Our Their My Your How What Why When Where Who Which There Here But And So Yet Or If In On At For As After Before Since While Although Though Meanwhile However Then Also Still Now Today Q A Not Yes No With From By To Of Is Are Was Were Be Let’s Up Some Many Most One Other Others Key Final Quick Answers".split(
    " ",
  ),
);
/** An acronym, a CamelCase or digit-bearing word is a name wherever it stands. */
export const SELF_EVIDENT_NAME = /^(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu}.*|.*\d.*)$/u;

/** Words separated by whitespace. */
export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Index of the first letter or digit: where the sentence's first word starts. */
export function firstWordIndex(sentence: string): number {
  const m = /[\p{L}\p{N}]/u.exec(sentence);
  return m ? m.index : 0;
}

/**
 * Capitalised words that are names: any not at the start of a sentence, and a sentence's first
 * word when the document shows it is a name (capitalised mid-sentence elsewhere, or opening
 * several sentences) or it looks like one. "Markets moved…" does not name anything.
 */
export function names(sentence: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  meter.steps += sentence.length;
  const first = firstWordIndex(sentence);
  for (const match of nameMatches(sentence)) {
    const { word } = match;
    if (COMMON_CAPITALISED.has(word) || CALENDAR_WORD.test(word) || found.has(word)) continue;
    if (match.index === first && !known.has(word) && !SELF_EVIDENT_NAME.test(word)) continue;
    found.add(word);
  }
  return [...found];
}
