/**
 * Sentence segmentation over the text projection. One forward pass over whitespace-separated
 * tokens; every decision looks at a bounded window around a gap, so the running time is linear
 * in the input. Sentences never cross a block (paragraph, heading, list item).
 */
import type { Block } from "./projection";

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

/** Abbreviations that are always followed by a name: never the end of a sentence. */
const TITLES = new Set(
  "mr mrs ms dr prof st mt gen sen rep gov sr jr rev capt lt col sgt hon messrs mme fr pres supt adm cmdr maj gov atty insp".split(
    " ",
  ),
);

/** Abbreviations that may or may not end a sentence (lower-cased, inner dots removed). */
const ABBREVIATIONS = new Set(
  (
    "co corp inc ltd llc plc dept approx est vs etc eg ie am pm us usa uk eu un no nos nº n° fig figs vol vols p pp " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "ave rd blvd hwy ph phd al cf ca op ed eds min max avg dist univ assn bros intl natl govt mgmt div ft in lb lbs oz"
  ).split(" "),
);

/** Words that typically open a sentence: after an ambiguous abbreviation they mark a new one. */
const SENTENCE_STARTERS = new Set(
  (
    "the a an this that these those it its he she they we i you his her our their my your how what why when where who " +
    "which there here but and so yet or if in on at for as after before since while although though meanwhile however " +
    "then also still now today yesterday tomorrow mr mrs ms dr prof analysts investors shares some many most one two " +
    "no not all each every both another such"
  ).split(" "),
);

const CLOSERS = "\"'”’)]}»›」』）";
const OPENERS = "\"'“‘([{«‹¿¡*_「『（";
const CJK_TERMINALS = "。！？";
const LIST_MARKER = /^([•⁃▪◦‣·–-])?(?:(\d{1,3})|([a-zA-Z]))(\.\)|\)|\.)$/u;
const BULLET = /^[•⁃▪◦‣]$/u;
const INNER_MISSING_SPACE = /[a-z]{2}[.?!](?=[A-Z][\p{Ll}:])/gu;
const URL_LIKE = /@|:\/\/|^www\./i;

/** Only a token ending in these (possibly before closing quotes or brackets) can end a sentence. */
const MAY_END_SENTENCE = /[.!?‽…。！？]["'”’)\]}»›」』）]*$/u;
const isDotChar = (code: number) => code === 46 || code === 0x2026;

interface Token {
  start: number;
  end: number;
  text: string;
}

/** Splits `text` into sentences, treating each block as a hard boundary. */
export function segment(text: string, blocks?: Block[]): Sentence[] {
  const regions = blocks ?? [{ start: 0, end: text.length, kind: "paragraph" as const }];
  const sentences: Sentence[] = [];
  for (const region of regions) {
    for (const line of splitLines(text, region.start, region.end)) {
      for (const span of segmentRun(text, line.start, line.end)) {
        const trimmed = trim(text, span.start, span.end);
        if (trimmed.end > trimmed.start) {
          sentences.push({ ...trimmed, text: text.slice(trimmed.start, trimmed.end) });
        }
      }
    }
  }
  return sentences;
}

/**
 * Line breaks inside a block end a sentence, unless the break looks like a soft wrap: the
 * next line starts in lower case, or the previous line is long and has no closing punctuation.
 */
function splitLines(text: string, start: number, end: number): Span[] {
  const lines: Span[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    const prev = text.slice(Math.max(lineStart, i - 200), i).trimEnd();
    const nextChar = firstLetterAfter(text, i + 1, end);
    const softWrap =
      /^\p{Ll}/u.test(nextChar) ||
      /[,;(–—-]$/u.test(prev) ||
      (i - lineStart > 60 && !/[.!?:…。！？"'”’)]$/u.test(prev));
    if (!softWrap) {
      lines.push({ start: lineStart, end: i });
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

function firstLetterAfter(text: string, from: number, end: number): string {
  let i = from;
  while (i < end && /\s/.test(text[i]!)) i++;
  return text.slice(i, i + 2);
}

function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const tokenStart = i;
    while (i < end && !isSpace(text.charCodeAt(i))) {
      const ch = text[i]!;
      i++;
      // CJK sentence punctuation ends a token even without a following space.
      if (CJK_TERMINALS.includes(ch)) {
        while (i < end && CLOSERS.includes(text[i]!)) i++;
        break;
      }
    }
    tokens.push(...splitMissingSpace(text, tokenStart, i));
  }
  return tokens;
}

/** "H-series.Q: How" is two sentences run together; "Jane.Doe@example.com" is not. */
function splitMissingSpace(text: string, start: number, end: number): Token[] {
  const word = text.slice(start, end);
  if (word.length < 5 || !/[a-z][.?!][A-Z]/.test(word) || URL_LIKE.test(word)) return [{ start, end, text: word }];
  const pieces: Token[] = [];
  let pieceStart = 0;
  for (const match of word.matchAll(INNER_MISSING_SPACE)) {
    const cut = match.index + 3;
    pieces.push({ start: start + pieceStart, end: start + cut, text: word.slice(pieceStart, cut) });
    pieceStart = cut;
  }
  pieces.push({ start: start + pieceStart, end, text: word.slice(pieceStart) });
  return pieces;
}

/** Exactly the characters of JavaScript's \s, without a regular expression per character. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function stripClosers(word: string): string {
  let end = word.length;
  while (end > 0 && CLOSERS.includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}

function stripOpeners(word: string): string {
  let start = 0;
  while (start < word.length && OPENERS.includes(word[start]!)) start++;
  return word.slice(start);
}

const isDots = (word: string) => /^[.…]+$/.test(stripClosers(word));
const dotCount = (word: string) => {
  let n = 0;
  for (const ch of word) n += ch === "." ? 1 : ch === "…" ? 3 : 0;
  return n;
};
const startsUpper = (word: string) => /^\p{Lu}/u.test(stripOpeners(word));
const startsLower = (word: string) => /^\p{Ll}/u.test(stripOpeners(word));
const startsDigit = (word: string) => /^\p{Nd}/u.test(stripOpeners(word));

interface ListMarker {
  bullet: string;
  ordinal: number;
  style: string;
}

function readListMarker(word: string): ListMarker | null {
  if (BULLET.test(word)) return { bullet: word, ordinal: -1, style: "bullet" };
  const m = LIST_MARKER.exec(word);
  if (!m) return null;
  const ordinal = m[2] ? Number(m[2]) : m[3]!.toLowerCase().charCodeAt(0) - 96;
  return { bullet: m[1] ?? "", ordinal, style: `${m[2] ? "n" : "a"}${m[4]}` };
}

/** Segments one line of text into sentence spans (untrimmed). */
function segmentRun(text: string, start: number, end: number): Span[] {
  const tokens = tokenize(text, start, end);
  const spans: Span[] = [];
  let sentenceStart = start;
  let wordsInSentence = 0;
  let enumeration: ListMarker | null = null;

  const cut = (at: number) => {
    spans.push({ start: sentenceStart, end: at });
    sentenceStart = at;
    wordsInSentence = 0;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];

    // A run of list items written inline: "1. The first item 2. The second item".
    if (wordsInSentence === 0) {
      const marker = readListMarker(token.text);
      if (marker && (i === 0 || enumeration)) {
        if (marker.style === "bullet" && next && readListMarker(next.text)) {
          enumeration = readListMarker(next.text);
          enumeration = enumeration && { ...enumeration, bullet: marker.bullet };
          wordsInSentence = 1;
          i++;
          continue;
        }
        enumeration = marker;
        wordsInSentence = 1;
        continue;
      }
    }
    wordsInSentence++;
    if (!next) break;

    if (enumeration && continuesEnumeration(enumeration, next.text)) {
      cut(next.start);
      continue;
    }

    if (!MAY_END_SENTENCE.test(token.text) && !isDotChar(next.text.charCodeAt(0))) continue;
    if (isDots(token.text)) continue; // decided when the dot run ends, below
    const boundary = boundaryAfter(tokens, i, wordsInSentence);
    if (boundary === "after") cut(next.start);
    else if (typeof boundary === "number") {
      // Skip the ellipsis run and cut after it.
      const after = tokens[boundary + 1];
      if (after) {
        for (let k = i + 1; k <= boundary; k++) wordsInSentence++;
        i = boundary;
        cut(after.start);
      }
    }
  }
  spans.push({ start: sentenceStart, end });
  return spans.filter((s) => s.end > s.start);
}

function continuesEnumeration(current: ListMarker, word: string): boolean {
  if (current.bullet && word === current.bullet) return true;
  const marker = readListMarker(word);
  if (!marker || marker.style !== current.style || marker.bullet !== current.bullet) return false;
  if (marker.ordinal !== current.ordinal + 1) return false;
  current.ordinal = marker.ordinal;
  return true;
}

/**
 * Decides whether a sentence ends after token i. Returns "after" for a boundary right after
 * it, the index of the last token of a following ellipsis run when the boundary comes after
 * that run, or null.
 */
function boundaryAfter(tokens: Token[], i: number, wordsInSentence: number): "after" | number | null {
  const word = tokens[i]!.text;
  const next = tokens[i + 1]!.text;
  const core = stripClosers(word);

  if (CJK_TERMINALS.includes(core[core.length - 1] ?? "")) return "after";

  // An ellipsis run after this word: ". . ." or "...." as separate tokens.
  if (isDots(next)) {
    let last = i + 1;
    let dots = 0;
    while (last < tokens.length && isDots(tokens[last]!.text)) {
      dots += dotCount(tokens[last]!.text);
      last++;
    }
    const after = tokens[last]?.text;
    if (after === undefined) return null;
    const endsWithPeriod = core.endsWith(".") && !core.endsWith("..");
    if (endsWithPeriod && dots === 3 && startsUpper(after)) return "after";
    if (dots >= 4 && startsUpper(after)) return last - 1;
    return null;
  }

  if (/[!?‽]$/.test(core)) return startsLower(next) ? null : "after";
  if (/(?:\.\.\.|…)$/.test(core)) {
    if (/\[(?:\.\.\.|…)\]/.test(word)) return null; // "[...]" marks an omission, not an end

    if (/\.{4,}$/.test(core)) return startsUpper(next) ? "after" : null;
    return startsUpper(next) && !/^I\b/.test(next) ? "after" : null;
  }
  if (!core.endsWith(".")) return null;

  if (startsLower(next)) return null;
  const stem = stripOpeners(core.slice(0, -1));
  const key = stem.toLowerCase().replace(/\./g, "");
  if (TITLES.has(key)) return null;
  if (startsDigit(next)) return ABBREVIATIONS.has(key) ? null : "after";
  if (!startsUpper(next) && !/^[\p{P}\p{S}]/u.test(next)) return "after";

  // A single capital letter is an initial inside a name ("Albert I. Jones") unless it follows
  // a lower-case word ("you and I. Did").
  if (/^\p{Lu}$/u.test(stem)) {
    const before = tokens[i - 1]?.text ?? "";
    return startsUpper(before) ? null : "after";
  }
  const isAbbreviation = ABBREVIATIONS.has(key) || /^(?:\p{L}\.)+\p{L}$/u.test(stem);
  if (!isAbbreviation) return "after";
  if (wordsInSentence < 4) return null;
  const nextWord = stripOpeners(next).replace(/[^\p{L}]+$/u, "").toLowerCase();
  return SENTENCE_STARTERS.has(nextWord) ? "after" : null;
}
