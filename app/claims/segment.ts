/**
 * Sentence segmentation over the text projection. One forward pass over whitespace-separated
 * tokens; every decision looks at a bounded window around a gap, so the running time is linear
 * in the input. Sentences never cross a block (paragraph, heading, list item).
 */
import { languageData, type LanguageData } from "./languages";
import { meter } from "./meter";
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
const OPENERS = "\"'“‘„([{«‹¿¡*_「『（《";
const CJK_TERMINALS = "。！？";
const LIST_MARKER = /^([•⁃▪◦‣·–-])?(?:(\d{1,3})|([a-zA-Z]))(\.\)|\)|\.)$/u;
const BULLET = /^[•⁃▪◦‣]$/u;
const INNER_MISSING_SPACE = /[a-z]{2}[.?!](?=[A-Z][\p{Ll}:])/gu;
const URL_LIKE = /@|:\/\/|^www\./i;
/** A word without its trailing non-letters; anchored, so a long tail of symbols is read once. */
const UP_TO_LAST_LETTER = /^[^]*\p{L}/u;

/** What segmentation knows about the language of the text it splits. */
interface SegmentationRules {
  readonly titles: ReadonlySet<string>;
  readonly abbreviations: ReadonlySet<string>;
  readonly starters: ReadonlySet<string>;
  /** Closing quotes and brackets, for a language where “ closes a quote as well. */
  readonly closers: string;
  /** A closing quote beyond the shared ones (“ after „ in German), or -1. */
  readonly extraCloser: number;
  /** The language's own data; undefined for English. */
  readonly language: LanguageData | undefined;
}

const ENGLISH: SegmentationRules = {
  titles: TITLES,
  abbreviations: ABBREVIATIONS,
  starters: SENTENCE_STARTERS,
  closers: CLOSERS,
  extraCloser: -1,
  language: undefined,
};

const compiledRules = new Map<string, SegmentationRules>();

/**
 * A language's abbreviations on top of the English ones (articles in any language cite "Inc."
 * and "Corp."), with its own sentence openers. English, and languages with no data of their own
 * (Chinese and Japanese end sentences with their own marks), use the English rules.
 */
function rulesFor(code: string | undefined): SegmentationRules {
  const data = languageData(code);
  if (!data || !code) return ENGLISH;
  let rules = compiledRules.get(code);
  if (!rules) {
    const lowQuotes = data.lowOpeningQuotes === true;
    rules = {
      titles: new Set([...TITLES, ...data.titles]),
      abbreviations: new Set([...ABBREVIATIONS, ...data.abbreviations]),
      starters: new Set(data.sentenceStarters),
      closers: lowQuotes ? CLOSERS + "“" : CLOSERS,
      extraCloser: lowQuotes ? 0x201c : -1,
      language: data,
    };
    compiledRules.set(code, rules);
  }
  return rules;
}

/** Closing quotes and brackets that may follow a sentence's final punctuation (CLOSERS, by code). */
function isCloserCode(code: number): boolean {
  switch (code) {
    case 0x22:
    case 0x27:
    case 0x29:
    case 0x5d:
    case 0x7d:
    case 0xbb:
    case 0x2019:
    case 0x201d:
    case 0x203a:
    case 0x300d:
    case 0x300f:
    case 0xff09:
      return true;
    default:
      return false;
  }
}
/** Final punctuation: . ! ? ‽ … and the CJK full stop, exclamation and question marks. */
const isTerminalCode = (code: number) =>
  code === 46 ||
  code === 33 ||
  code === 63 ||
  code === 0x203d ||
  code === 0x2026 ||
  code === 0x3002 ||
  code === 0xff01 ||
  code === 0xff1f;
const isDotChar = (code: number) => code === 46 || code === 0x2026;

/**
 * Whitespace-separated tokens of one line, as parallel offset arrays: most tokens are never
 * looked at as strings, so none are made until a decision needs one.
 */
class Tokens {
  // Written by index and never shortened: emptying the arrays for every line let go of their
  // storage, and growing them again cost a sixth of the segmenter's time (32 ms to 27 ms per MB).
  readonly start: number[] = [];
  readonly end: number[] = [];
  count = 0;
  constructor(
    readonly source: string,
    private readonly extraCloser = -1,
  ) {}
  reset(): void {
    this.count = 0;
  }
  push(start: number, end: number): void {
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }
  word(i: number): string {
    return i >= 0 && i < this.count ? this.source.slice(this.start[i], this.end[i]) : "";
  }
  /** Whether token i ends in final punctuation, possibly followed by closing quotes or brackets. */
  mayEndSentence(i: number): boolean {
    let k = this.end[i]! - 1;
    const first = this.start[i]!;
    let code = this.source.charCodeAt(k);
    while (k > first && (isCloserCode(code) || code === this.extraCloser)) code = this.source.charCodeAt(--k);
    return isTerminalCode(code);
  }
}

/**
 * Splits `text` into sentences, treating each block as a hard boundary. `language` is the text's
 * BCP 47 code (claims/language.ts): its abbreviations, ordinals and quotation marks are read with
 * it; without one, or for a language with no data of its own, the text is read as English.
 */
export function segment(text: string, blocks?: Block[], language?: string): Sentence[] {
  const regions = blocks ?? [{ start: 0, end: text.length, kind: "paragraph" as const }];
  const sentences: Sentence[] = [];
  const rules = rulesFor(language);
  const tokens = new Tokens(text, rules.extraCloser);
  for (const region of regions) {
    for (const line of splitLines(text, region.start, region.end))
      segmentRun(tokens, line.start, line.end, sentences, rules);
  }
  return sentences;
}

/**
 * Line breaks inside a block end a sentence, unless the break looks like a soft wrap: the
 * next line starts in lower case, or the previous line is long and has no closing punctuation.
 * The characters around the breaks are read once, however many breaks a run of blank space holds.
 */
function splitLines(text: string, start: number, end: number): Span[] {
  const lines: Span[] = [];
  let lineStart = start;
  let lastNonSpace = start - 1;
  let physicalStart = start;
  let nextNonSpace = start;
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    // Read backwards from the break, within its own physical line: lines end in few spaces.
    let j = i - 1;
    while (j >= physicalStart && isSpace(text.charCodeAt(j))) j--;
    if (j >= physicalStart) lastNonSpace = j;
    meter.steps += i - j;
    physicalStart = i + 1;
    if (nextNonSpace <= i) nextNonSpace = firstNonSpace(text, i + 1, end);
    const prev = lastNonSpace >= lineStart ? text[lastNonSpace]! : "";
    const next = nextNonSpace < end ? text[nextNonSpace]! : "";
    const softWrap =
      (next !== "" && isOfClass(next.charCodeAt(0), (c) => c >= 97 && c <= 122, LOWER)) ||
      (prev !== "" && WRAPPING_PUNCTUATION.includes(prev)) ||
      (i - lineStart > 60 && prev !== "" && !LINE_FINAL_PUNCTUATION.includes(prev));
    if (!softWrap) {
      lines.push({ start: lineStart, end: i });
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

/** After one of these a line break is a soft wrap; without one of the others, a long line's is. */
const WRAPPING_PUNCTUATION = ",;(–—-";
const LINE_FINAL_PUNCTUATION = ".!?:…。！？\"'”’)";

function firstNonSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  meter.steps += i - from;
  return i;
}

function tokenize(tokens: Tokens, start: number, end: number): Tokens {
  const text = tokens.source;
  tokens.reset();
  meter.steps += end - start;
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const tokenStart = i;
    let bracketDepth = 0;
    // "H-series.Q": a lower-case letter, then . ? or !, then a capital, inside one token.
    let missingSpace = false;
    let before = 0;
    let previous = 0;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) break;
      if (
        code >= 65 &&
        code <= 90 &&
        (previous === 46 || previous === 63 || previous === 33) &&
        before >= 97 &&
        before <= 122 &&
        i >= tokenStart + 3
      )
        missingSpace = true;
      before = previous;
      previous = code;
      i++;
      if (code < 0x3000) continue;
      if (isFullWidthOpener(code)) bracketDepth++;
      else if (isFullWidthCloser(code) && bracketDepth > 0) bracketDepth--;
      // CJK sentence punctuation ends a token even without a following space, unless it stands
      // inside a title or quotation that goes on after it: 《摔跤吧！爸爸》.
      else if (code === 0x3002 || code === 0xff01 || code === 0xff1f) {
        if (bracketDepth > 0 && i < end && !isCloserCode(text.charCodeAt(i))) continue;
        while (i < end && isCloserCode(text.charCodeAt(i))) i++;
        break;
      }
    }
    if (missingSpace) splitMissingSpace(tokens, tokenStart, i);
    else tokens.push(tokenStart, i);
  }
  return tokens;
}

/** 《 「 『 （: full-width brackets and quotation marks that open. */
const isFullWidthOpener = (code: number) =>
  code === 0x300a || code === 0x300c || code === 0x300e || code === 0xff08;
const isFullWidthCloser = (code: number) =>
  code === 0x300b || code === 0x300d || code === 0x300f || code === 0xff09;

/**
 * A token in which a sentence may end without its space: "H-series.Q: How" is two sentences run
 * together; "Jane.Doe@example.com" is not.
 */
function splitMissingSpace(tokens: Tokens, start: number, end: number): void {
  const word = tokens.source.slice(start, end);
  if (word.length < 5 || URL_LIKE.test(word)) {
    tokens.push(start, end);
    return;
  }
  let pieceStart = 0;
  for (const match of word.matchAll(INNER_MISSING_SPACE)) {
    const cut = match.index + 3;
    tokens.push(start + pieceStart, start + cut);
    pieceStart = cut;
  }
  tokens.push(start + pieceStart, end);
}

/** Exactly the characters of JavaScript's \s, without a regular expression per character. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Adds the span, without its surrounding whitespace, as a sentence (if anything is left). */
function pushSentence(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

function stripClosers(word: string, closers = CLOSERS): string {
  let end = word.length;
  while (end > 0 && closers.includes(word[end - 1]!)) end--;
  return end === word.length ? word : word.slice(0, end);
}

function stripOpeners(word: string): string {
  let start = 0;
  while (start < word.length && OPENERS.includes(word[start]!)) start++;
  return start === 0 ? word : word.slice(start);
}

/** Whether the word is a run of dots and ellipses, with closing quotes or brackets after it. */
function isDots(word: string): boolean {
  let i = 0;
  while (i < word.length && isDotChar(word.charCodeAt(i))) i++;
  if (i === 0) return false;
  while (i < word.length && CLOSERS.includes(word[i]!)) i++;
  return i === word.length;
}
const dotCount = (word: string) => {
  let n = 0;
  for (const ch of word) n += ch === "." ? 1 : ch === "…" ? 3 : 0;
  return n;
};

/** The first character after the word's opening quotes and brackets, as a code point (or -1). */
function initialOf(word: string): number {
  const stripped = stripOpeners(word);
  return stripped === "" ? -1 : stripped.codePointAt(0)!;
}
const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const DIGIT = /^\p{Nd}/u;
/** Whether the code point is in the one-character class; ASCII is answered without the pattern. */
function isOfClass(code: number, ascii: (code: number) => boolean, pattern: RegExp): boolean {
  if (code < 0) return false;
  return code < 128 ? ascii(code) : pattern.test(String.fromCodePoint(code));
}
const startsUpper = (word: string) => isOfClass(initialOf(word), (c) => c >= 65 && c <= 90, UPPER);
const startsLower = (word: string) => isOfClass(initialOf(word), (c) => c >= 97 && c <= 122, LOWER);
const startsDigit = (word: string) => isOfClass(initialOf(word), (c) => c >= 48 && c <= 57, DIGIT);

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

/** Segments one line of text into sentences, appended to `out`. */
function segmentRun(
  reused: Tokens,
  start: number,
  end: number,
  out: Sentence[],
  rules: SegmentationRules,
): void {
  const text = reused.source;
  const tokens = tokenize(reused, start, end);
  let sentenceStart = start;
  let wordsInSentence = 0;
  let enumeration: ListMarker | null = null;
  let cutAt = -1;

  for (let i = 0; i < tokens.count; i++) {
    const hasNext = i + 1 < tokens.count;

    // A run of list items written inline: "1. The first item 2. The second item".
    if (wordsInSentence === 0 && (i === 0 || enumeration)) {
      const marker = readListMarker(tokens.word(i));
      if (marker) {
        if (marker.style === "bullet" && hasNext && readListMarker(tokens.word(i + 1))) {
          enumeration = readListMarker(tokens.word(i + 1));
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
    if (!hasNext) break;
    const nextStart = tokens.start[i + 1]!;

    if (enumeration && continuesEnumeration(enumeration, tokens.word(i + 1))) {
      cutAt = nextStart;
    } else if (tokens.mayEndSentence(i) || isDotChar(text.charCodeAt(nextStart))) {
      if (isDots(tokens.word(i))) continue; // decided when the dot run ends, below
      const boundary = boundaryAfter(tokens, i, wordsInSentence, rules);
      if (boundary === "after") cutAt = nextStart;
      else if (typeof boundary === "number" && boundary + 1 < tokens.count) {
        // Skip the ellipsis run and cut after it.
        i = boundary;
        cutAt = tokens.start[boundary + 1]!;
      }
    }
    if (cutAt !== -1) {
      pushSentence(text, sentenceStart, cutAt, out);
      sentenceStart = cutAt;
      wordsInSentence = 0;
      cutAt = -1;
    }
  }
  pushSentence(text, sentenceStart, end, out);
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
function boundaryAfter(
  tokens: Tokens,
  i: number,
  wordsInSentence: number,
  rules: SegmentationRules,
  nextIndex = i + 1,
): "after" | number | null {
  const word = tokens.word(i);
  const next = tokens.word(nextIndex);
  const core = stripClosers(word, rules.closers);

  if (CJK_TERMINALS.includes(core[core.length - 1] ?? "")) return "after";
  // "– спросила мама": direct speech goes on after its own final punctuation.
  if (rules.language?.dialogueDash && /^[–—]$/u.test(next)) return null;

  // A closing quote set off by a space (« LL.AA.II.RR. » in French): decide by what follows it,
  // and cut after it.
  if (
    rules.language &&
    nextIndex + 1 < tokens.count &&
    next !== "" &&
    stripClosers(next, rules.closers) === ""
  ) {
    const beyond = boundaryAfter(tokens, i, wordsInSentence, rules, nextIndex + 1);
    return beyond === "after" ? nextIndex : beyond;
  }

  // An ellipsis run after this word: ". . ." or "...." as separate tokens.
  if (isDots(next)) {
    let last = nextIndex;
    let dots = 0;
    while (last < tokens.count && isDots(tokens.word(last))) {
      meter.steps++;
      dots += dotCount(tokens.word(last));
      last++;
    }
    if (last >= tokens.count) return null;
    const after = tokens.word(last);
    const endsWithPeriod = core.endsWith(".") && !core.endsWith("..");
    if (endsWithPeriod && dots === 3 && startsUpper(after)) return "after";
    if (dots >= 4 && startsUpper(after)) return last - 1;
    return null;
  }

  const finalCode = core.charCodeAt(core.length - 1);
  if (finalCode === 33 || finalCode === 63 || finalCode === 0x203d) return startsLower(next) ? null : "after";
  if (finalCode === 0x2026 || core.endsWith("...")) {
    if (/\[(?:\.\.\.|…)\]/.test(word)) return null; // "[...]" marks an omission, not an end

    if (core.endsWith("....")) return startsUpper(next) ? "after" : null;
    return startsUpper(next) && !/^I\b/.test(next) ? "after" : null;
  }
  if (!core.endsWith(".")) return null;

  if (startsLower(next)) return null;
  const stem = stripOpeners(core.slice(0, -1));
  if (rules.language) {
    const verdict = languageBoundary(tokens, i, core, stem, next, rules, rules.language);
    if (verdict !== undefined) return verdict;
  }
  const elided = rules.language?.elision ? stem.replace(ELIDED_ARTICLE, "") : stem;
  const key = elided.includes(".") ? elided.toLowerCase().replace(/\./g, "") : elided.toLowerCase();
  if (rules.titles.has(key)) return null;
  if (startsDigit(next)) return rules.abbreviations.has(key) ? null : "after";
  if (!startsUpper(next) && !/^[\p{P}\p{S}]/u.test(next)) return "after";

  // A single capital letter is an initial inside a name ("Albert I. Jones") unless it follows
  // a lower-case word ("you and I. Did").
  if (/^\p{Lu}$/u.test(stem)) {
    const before = tokens.word(i - 1);
    return startsUpper(before) ? null : "after";
  }
  const isAbbreviation = rules.abbreviations.has(key) || /^(?:\p{L}\.)+\p{L}$/u.test(stem);
  if (!isAbbreviation) return "after";
  if (wordsInSentence < 4) return null;
  return rules.starters.has(firstWordOf(next)) ? "after" : null;
}

/** The word's letters up to its last one, lower case: "„Der" is "der". */
const firstWordOf = (word: string) => (UP_TO_LAST_LETTER.exec(stripOpeners(word))?.[0] ?? "").toLowerCase();

/** "l'" in "l'Avv.": an elided article before an abbreviation. */
const ELIDED_ARTICLE = /^\p{L}['’]/u;
const ORDINAL = /^[-–]?\d{1,3}\.$/u;
const LETTER_WITH_DOT = /^\p{L}\.$/u;

/**
 * The rules a language adds for a word ending in a full stop, before the shared ones: a
 * "boundary after", "no boundary" (null), or undefined to let the shared rules decide.
 */
function languageBoundary(
  tokens: Tokens,
  i: number,
  core: string,
  stem: string,
  next: string,
  rules: SegmentationRules,
  language: LanguageData,
): "after" | null | undefined {
  // "23 Nov.. Grazie": an abbreviation's dot, then the sentence's.
  if (core.endsWith("..")) return "after";
  if (language.ordinalNumbers && ORDINAL.test(stem + ".") && !rules.starters.has(firstWordOf(next)))
    return null;
  // Letters abbreviated one by one: "z. B.", "u. Ä.", initials "А. И. Семенов".
  if (
    /^\p{L}$/u.test(stem) &&
    (LETTER_WITH_DOT.test(tokens.word(i - 1)) || LETTER_WITH_DOT.test(stripClosers(next)))
  )
    return null;
  return undefined;
}
