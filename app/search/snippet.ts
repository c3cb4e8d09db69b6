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
 * Roughly what the search index's stemmer makes of a word, so that "chips" marks "chip" and
 * "chips": common English endings off, at least three letters left.
 */
export function stemOf(word: string): string {
  const stem = word.toLowerCase().replace(/(?:'s|ies|es|s|ed|ing|ly)$/u, "");
  return stem.length >= 3 ? stem : word.toLowerCase();
}

/** A letter, a digit or a combining mark (an accent written apart from its letter). */
const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}]";

/**
 * Words that begin with one of these stems, from their start; a stem under four letters only as
 * the whole word or its plural, so that "a" or "art" do not mark "about" or "article".
 */
export function wordsPattern(words: string[]): RegExp | null {
  const stems = [...new Set(words.map(stemOf).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (stems.length === 0) return null;
  const forms = stems.map((stem) =>
    stem.length >= 4
      ? `${escapeRegExp(stem)}${WORD_CHAR}*`
      : `${escapeRegExp(stem)}(?:s|es|'s)?(?!${WORD_CHAR})`,
  );
  return new RegExp(`(?<!${WORD_CHAR})(?:${forms.join("|")})`, "giu");
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

/**
 * Where the most different query words are close together: the first such place, in the first
 * field that has the most. Bounded: at most MAX_WEIGHED matches of each field are weighed.
 */
function mostWordsAt(fields: string[], pattern: RegExp): { field: string; at: number } | null {
  let best: { field: string; at: number; words: number } | null = null;
  for (const field of fields) {
    const hits: Array<{ at: number; word: string }> = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(field); m && hits.length < MAX_WEIGHED; m = pattern.exec(field))
      hits.push({ at: m.index, word: stemOf(m[0]) });
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
  const pattern = wordsPattern(words);
  const found = pattern ? mostWordsAt(fields, pattern) : null;
  const field = found?.field ?? fields.find((f) => f.trim() !== "") ?? "";
  const at = found?.at ?? field.search(/\S/);
  if (at < 0) return "";
  let [start, end] = windowAround(field, at);
  if (lowSurrogate(field, start)) start--;
  if (lowSurrogate(field, end)) end++;
  const excerpt = readable(field.slice(start, end).replace(MARKS, " ").replace(CONTROL, " "))
    .replace(/\s+/g, " ")
    .trim();
  const marked = pattern ? excerpt.replace(pattern, (word) => MARK_START + word + MARK_END) : excerpt;
  return `${start > 0 ? "…" : ""}${marked}${end < field.length ? "…" : ""}`;
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
