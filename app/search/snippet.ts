import { stemmer } from "stemmer";

/**
 * Snippets carry the matched words between these two characters (never HTML, so nothing in the
 * text can become markup); the page splits them into marked parts.
 */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** Between the fields a match's snippet text holds, in the order they are tried. */
export const FIELD_SEPARATOR = "\u0001";
/**
 * How much of each field a snippet is looked for in: an article's first pages. Each database cuts
 * the fields before sending them, so a 2 MB article or 1,000 rationales cost what 100 kB do
 * (SQLite's own snippet() took seconds on such a text, and held the event loop meanwhile).
 */
export const SNIPPET_TEXT_LIMIT = 100_000;
const WINDOW_WORDS = 24;
const WORDS_BEFORE = 6;
const MAX_SNIPPET_CHARS = 320;
// Control characters other than whitespace, which a page must not show.
// eslint-disable-next-line no-control-regex -- these are the characters it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What the search index makes of a word: SQLite's `porter` tokenizer is Martin Porter's stemmer,
 * the one `stemmer` implements ("chips" and "chip" are "chip", "policies" and "policy" "polici"),
 * and PostgreSQL's English configuration is its close successor.
 */
export function stemOf(word: string): string {
  return stemmer(word.toLowerCase().replace(/['’]s$/u, ""));
}

/** A letter, a digit or a combining mark (an accent written apart from its letter). */
const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";

/**
 * The words to mark: those whose stem is one of `words`' stems, as the index matched them. A
 * pattern finds the candidates cheaply (words that begin as a stem does: Porter ends a stem in
 * "i" or "e" where the word has "y" or no "e", as in "polici" for "policy" and "rate" for
 * "rating"), and `marks` keeps those whose stem is one of the query's: "art" marks "arts", not
 * "article". A stem under three letters is looked for only as the whole word or its plural.
 */
export function wordsPattern(words: string[]): { pattern: RegExp; marks: (word: string) => boolean } | null {
  const stems = new Set(words.map(stemOf).filter(Boolean));
  if (stems.size === 0) return null;
  const forms = [...stems]
    .map((stem) => (stem.length >= 4 ? stem.replace(/[ei]$/u, "") : stem))
    .sort((a, b) => b.length - a.length)
    .map((start) =>
      start.length >= 3
        ? `${escapeRegExp(start)}${WORD_CHAR}*`
        : `${escapeRegExp(start)}(?:s|es|'s)?(?!${WORD_CHAR})`,
    );
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${[...new Set(forms)].join("|")})`, "giu");
  // One answer per spelling: a long article repeats its words. Bounded by the candidates looked at.
  const known = new Map<string, boolean>();
  const marks = (word: string) => {
    let marked = known.get(word);
    if (marked === undefined) known.set(word, (marked = stems.has(stemOf(word))));
    return marked;
  };
  return { pattern, marks };
}

/** The whole words around `at` (up to WINDOW_WORDS, WORDS_BEFORE of them before it), within a bounded region. */
function windowAround(text: string, at: number): [number, number] {
  const regionStart = Math.max(0, at - 200);
  const region = text.slice(regionStart, at + 2 * MAX_SNIPPET_CHARS);
  const tokens = [...region.matchAll(/\S+/g)];
  if (tokens.length === 0) return [at, at];
  let here = tokens.findIndex((t) => regionStart + t.index + t[0].length > at);
  if (here < 0) here = tokens.length - 1;
  const first = Math.max(0, here - WORDS_BEFORE);
  const last = Math.min(tokens.length - 1, first + WINDOW_WORDS - 1);
  let start = regionStart + tokens[first]!.index;
  let end = regionStart + tokens[last]!.index + tokens[last]![0].length;
  // Text without spaces (a URL, Chinese) is cut by length instead, around the match.
  if (end - start > MAX_SNIPPET_CHARS) {
    start = Math.max(start, at - 60);
    end = Math.min(end, start + MAX_SNIPPET_CHARS);
  }
  return [start, end];
}

/**
 * Markdown's syntax taken out of an excerpt, so a rationale or an article reads as text:
 * backslash escapes, emphasis, links and images (their text stays), code ticks, and the marks
 * that begin headings, quotes and list items.
 */
export function readable(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]+/gm, "")
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, "$1")
    .replace(
      /(?<![\\\p{L}\p{N}])(?:\*{1,3}|_{1,3})(?=\S)|(?<=[^\s\\])(?:\*{1,3}|_{1,3})(?![\p{L}\p{N}])/gu,
      "",
    )
    .replace(/(?<!\\)`+/g, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** A code unit that must not be cut from its pair. */
const lowSurrogate = (text: string, i: number) => /[\udc00-\udfff]/.test(text[i] ?? "");

/** How far apart matched words may be to count as one place, and how many matches are weighed. */
const PLACE_CHARS = 200;
const MAX_WEIGHED = 500;
/** Candidates looked at per field, marked or not: "chip" finds every "chip…" word of a long article. */
const MAX_LOOKED = 2_000;

/**
 * Where the most different query words are close together: the first such place, in the first
 * field that has the most. Bounded: at most MAX_WEIGHED matches of each field are weighed.
 */
function mostWordsAt(
  fields: string[],
  { pattern, marks }: NonNullable<ReturnType<typeof wordsPattern>>,
): { field: string; at: number } | null {
  let best: { field: string; at: number; words: number } | null = null;
  for (const field of fields) {
    const hits: Array<{ at: number; word: string }> = [];
    pattern.lastIndex = 0;
    let looked = 0;
    for (
      let m = pattern.exec(field);
      m && hits.length < MAX_WEIGHED && looked < MAX_LOOKED;
      m = pattern.exec(field), looked++
    )
      if (marks(m[0])) hits.push({ at: m.index, word: stemOf(m[0]) });
    for (const [i, hit] of hits.entries()) {
      const near = new Set<string>();
      for (let j = i; j < hits.length && hits[j]!.at - hit.at <= PLACE_CHARS; j++) near.add(hits[j]!.word);
      if (!best || near.size > best.words) best = { field, at: hit.at, words: near.size };
    }
  }
  return best;
}

/**
 * A snippet of a match: about two dozen words around the place where most of `words` are close
 * together (the first such place), those words marked, "…" where the field goes on. Without any,
 * the first field's opening. Bounded: at most SNIPPET_TEXT_LIMIT characters of each field are
 * searched.
 */
export function snippetOf(fieldsText: string, words: string[]): string {
  const fields = fieldsText.split(FIELD_SEPARATOR).map((field) => field.slice(0, SNIPPET_TEXT_LIMIT));
  const wanted = wordsPattern(words);
  const found = wanted ? mostWordsAt(fields, wanted) : null;
  const field = found?.field ?? fields.find((f) => f.trim() !== "") ?? "";
  const at = found?.at ?? field.search(/\S/);
  if (at < 0) return "";
  let [start, end] = windowAround(field, at);
  if (lowSurrogate(field, start)) start--;
  if (lowSurrogate(field, end)) end++;
  const excerpt = readable(field.slice(start, end).replace(MARKS, " ").replace(CONTROL, " "))
    .replace(/\s+/g, " ")
    .trim();
  const marked = wanted
    ? excerpt.replace(wanted.pattern, (word) => (wanted.marks(word) ? MARK_START + word + MARK_END : word))
    : excerpt;
  return `${start > 0 ? "…" : ""}${end < field.length ? goesOn(marked) : marked}`;
}

/**
 * An excerpt the field goes on after, ended with "…": not after a sentence's own end ("predecessor.…"
 * read as a doubled ellipsis), and in place of a comma, colon or semicolon ("910B;…").
 */
function goesOn(excerpt: string): string {
  if (/[.!?…]["”’)\]]*$/u.test(excerpt.replace(MARKS, ""))) return excerpt;
  return `${excerpt.replace(/[,;:]$/u, "")}…`;
}

const MARKS = new RegExp(`([${MARK_START}${MARK_END}])`, "g");

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(MARKS)) {
    if (piece === MARK_START) marked = true;
    else if (piece === MARK_END) marked = false;
    else if (piece) parts.push({ text: piece, marked });
  }
  return parts;
}

/** The snippet as plain text, for JSON and feeds. */
export const plainSnippet = (snippet: string) => snippet.replace(MARKS, "");
