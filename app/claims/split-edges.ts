/**
 * Where a claim is split in two, each part must read as a claim on its own: the first should
 * not end on "…launched in 2015, and", the second should not start with ", and it sold…".
 * Pure functions over the text projection.
 */
import type { Span } from "./segment";

/** Words that cannot end a claim: left at its end, they announce a clause that is not there. */
const DANGLING_AT_END = new Set(
  "and or but nor yet so plus while whereas although though because as".split(" "),
);
/** Words that only join a clause to the one before; many others ("As", "While") open sentences. */
const DANGLING_AT_START = new Set("and or but nor plus".split(" "));

/** Punctuation that joins rather than ends; a full stop, "?", "!" and closing quotes stay. */
const JOINING_AT_END = /[\s,;:–—\-/&(]/u;
const JOINING_AT_START = /[\s,;:–—\-/&)]/u;
const WORD_CHARACTER = /[\p{L}\p{N}’'.-]/u;

/**
 * Trims whitespace, joining punctuation and dangling connectives from both edges of a part, as
 * often as they repeat (", and so"). Never trims inside a word ("brand", "Anderson" stay), and
 * returns an empty span when nothing else is left, so the caller can refuse it.
 */
export function trimDanglingEdges(text: string, span: Span): Span {
  let { start, end } = span;
  for (;;) {
    const was = { start, end };
    while (end > start && JOINING_AT_END.test(text[end - 1]!)) end--;
    while (start < end && JOINING_AT_START.test(text[start]!)) start++;
    const last = lastWord(text, start, end);
    if (last && DANGLING_AT_END.has(text.slice(last, end).toLowerCase())) end = last;
    const first = firstWordEnd(text, start, end);
    if (first && DANGLING_AT_START.has(text.slice(start, first).toLowerCase())) start = first;
    if (was.start === start && was.end === end) return { start, end };
  }
}

/** Where the part's last word begins, if the part ends with a whole word of letters. */
function lastWord(text: string, start: number, end: number): number | null {
  let at = end;
  while (at > start && /[\p{L}’']/u.test(text[at - 1]!)) at--;
  if (at === end || (at > start && WORD_CHARACTER.test(text[at - 1]!))) return null;
  return at;
}

/** Where the part's first word ends, if the part starts with a whole word of letters. */
function firstWordEnd(text: string, start: number, end: number): number | null {
  let at = start;
  while (at < end && /[\p{L}’']/u.test(text[at]!)) at++;
  if (at === start || (at < end && WORD_CHARACTER.test(text[at]!))) return null;
  return at;
}
