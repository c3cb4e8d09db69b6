/**
 * What a person types into a search box, read the way web search engines read it: words (all
 * must match), "quoted phrases", and -excluded words or phrases. Anything else (operators,
 * brackets, punctuation) is ignored rather than an error, and the input is bounded before any
 * work. Each database gets the same meaning in its own syntax (fts5Query, websearchQuery), so
 * both answer the same question.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 12;
const MAX_WORD_LENGTH = 64;

export interface SearchTerm {
  /** One word, or the words of a phrase in order. */
  words: string[];
  excluded: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const wordsOf = (text: string) =>
  [...text.matchAll(WORD)].map((m) => m[0].replace(/’/g, "'").toLowerCase().slice(0, MAX_WORD_LENGTH));

export function parseQuery(input: string): SearchTerm[] {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const terms: SearchTerm[] = [];
  // A quoted phrase, or a run of non-space characters; either may carry a leading minus.
  for (const match of text.matchAll(/(-?)"([^"]*)"?|(-?)(\S+)/g)) {
    const excluded = (match[1] || match[3]) === "-";
    const words = wordsOf(match[2] ?? match[4] ?? "");
    if (words.length === 0) continue;
    // Outside quotes, "state-of-the-art" or "v1.2" are one phrase of their words.
    terms.push({ words, excluded });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** The words a match holds, to mark in its snippet: every word of every term not excluded. */
export const includedWords = (terms: SearchTerm[]) =>
  terms.filter((t) => !t.excluded).flatMap((t) => t.words);

/** Whether the terms can match anything: at least one term that is not excluded. */
export const searchable = (terms: SearchTerm[]) => terms.some((t) => !t.excluded);

const quoted = (words: string[]) => `"${words.join(" ")}"`;

/** SQLite FTS5's query syntax: every word a quoted string, so no input is read as an operator. */
export function fts5Query(terms: SearchTerm[]): string {
  const included = terms.filter((t) => !t.excluded).map((t) => quoted(t.words));
  const excluded = terms.filter((t) => t.excluded).map((t) => `NOT ${quoted(t.words)}`);
  return [included.join(" AND "), ...excluded].join(" ");
}

/** PostgreSQL's websearch_to_tsquery syntax, which never fails on any input. */
export function websearchQuery(terms: SearchTerm[]): string {
  return terms
    .map((t) => `${t.excluded ? "-" : ""}${t.words.length > 1 ? quoted(t.words) : t.words[0]}`)
    .join(" ");
}

/** Any of these words (claim matching casts a wide net, then ranks): FTS5 syntax. */
export const fts5AnyQuery = (words: string[]) => words.map((w) => quoted([w])).join(" OR ");

/** Any of these words: websearch_to_tsquery syntax. */
export const websearchAnyQuery = (words: string[]) => words.join(" or ");
