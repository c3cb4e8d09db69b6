/**
 * Check-worthiness: which sentences (or parts of sentences) carry a checkable proposition, how
 * strongly, and why. Every score comes with the reasons that produced it, written for people:
 * educators show them to students.
 */
import { meter } from "./meter";
import type { Block } from "./projection";
import { segment, type Sentence, type Span } from "./segment";

export interface ClaimCandidate extends Span {
  text: string;
  score: number;
  reasons: string[];
}

/** Candidates at or above this score are proposed to the editor. */
export const PROPOSAL_THRESHOLD = 0.4;

const BOILERPLATE =
  /(?:^|\s)(?:related|read more|see also|more from|recommended):|\b(?:patreon|donat(?:e|or|ors|ion|ions)|supporters?|support us|buy me a coffee|subscribe|subscription|newsletter|sign up|log in|follow us|share (?:it|this)|spread the word|scroll to top|back to top|read more|click here|explore our|visit our|no registration|advertisement|sponsored|cookies?|all rights reserved|enjoying the article|did you enjoy|if you found this|thank you|we create this for you|related posts?|leave a (?:comment|reply))\b/i;

/** First words that make a sentence an instruction to the reader rather than a statement. */
const IMPERATIVES = new Set(
  (
    "track evaluate watch prepare monitor share explore consider check read click visit subscribe follow join " +
    "learn discover find buy get download sign try remember imagine wake let’s let's don’t don't stay keep make " +
    "see support contact tell ask"
  ).split(" "),
);

/** A plain two-digit number ("Top 10") says less than a unit, a currency or a percentage. */
const WEAK_FIGURE = /^\d{2}$/;
/**
 * Numbers, units, currencies, percentages, ranges. The lookbehinds start a figure at a number's
 * first digit only: without them a long number that is not a figure ("1,2,3,…") was searched
 * again from each of its digits, which took time quadratic in its length.
 */
const FIGURE =
  /(?:\b(?:doubled|tripled|halved|quadrupled|twice|three times|half)\b|[$€£¥]\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|m|k))?|\d(?<=(?:^|[^\d,.])[,.]*\d)[\d,.]*\s?(?:%|percent|per cent|x\b|×|nm\b|GB\/s|TB\/s|TOPS|TFLOPS|GHz|MHz|GB\b|TB\b|MB\b|W\b|watts?\b|billion|million|trillion|yuan|dollars?|euros?|times\b|users|customers|employees|units)|(?:[+−-]|(?<!\d))\d+(?:[.,]\d+)?\s?[–-]\s?\d+(?:[.,]\d+)?\s?%|\b\d{2,}(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|double|triple|half|dozens?|hundreds?|thousands?)\b(?=[\s‑-]+(?:digit|years?|months?|weeks?|days?|hours?|times|quarters?|percent))|double[‑-]digit)/iu;
const VAGUE =
  /\b(?:smoother|seamless(?:ly)?|boosting|cutting[‑-]edge|state[‑-]of[‑-]the[‑-]art|world[‑-]class|game[‑-]chang\w+|robust|powerful|high[‑-]speed|strategically significant|key player|essential piece|means more than)\b/iu;
const DATE =
  /\b(?:(?:19|20)\d{2}(?:\s?Q[1-4])?|Q[1-4]\s?(?:19|20)\d{2}|(?:last|next|this|previous)\s+(?:year|quarter|month|week)|(?:next|past|last)\s+(?:two|three|four|five|\d+)\s+years|year[‑ -]over[‑ -]year|(?:in|this|next|last|the)\s+(?:spring|summer|autumn|fall|winter))/iu;
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const CALENDAR_NAMES = `${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`;
/** Month and day names only when capitalised: "May" is a month, "may" is a hedge. */
const NAMED_DAY = new RegExp(`\\b(?:${CALENDAR_NAMES})\\b`, "u");
/** Months and weekdays are dates, not names, even though they are capitalised. */
const CALENDAR_WORD = new RegExp(`^(?:${CALENDAR_NAMES})$`, "u");
/** A paragraph that is only a date, as in a timeline: "2024 Q1", "March 2025". */
const DATE_ONLY = new RegExp(
  `^(?:(?:19|20)\\d{2}(?:\\s?Q[1-4]|\\s?H[12])?|Q[1-4]\\s?(?:19|20)\\d{2}|(?:${MONTHS})\\s(?:19|20)\\d{2})$`,
  "u",
);
/** What a thing can do or is built on: capabilities can be tested. */
const CAPABILITY =
  /\b(?:supports?|enables?|compatible with|compatibility with|runs on|works with|powered by|based on|built on)\b/iu;
const COMPARISON =
  /\b(?:faster|slower|higher|lower|bigger|larger|smaller|better|worse|cheaper|(?!rather|other)\w+er than|more than \d|less than \d|most \w+|least \w+|largest|biggest|fastest|best|first|only|rival|rivals|surpass\w*|outperform\w*|competitive with|compared|improvement over|vs\.?|versus|in contrast|shift from|lag behind|twice as|as fast as|within \d)/iu;
const ATTRIBUTION =
  /\b(?:according to|said|says|reported|reports|report|announced|claims?|stated|told|confirmed|analysts|industry insiders|insiders|sources|people familiar|officials|experts|investors)\b/iu;
const UNNAMED_SOURCE =
  /\b(?:industry insiders|insiders|sources|people familiar|analysts|experts|observers)\b/iu;
const EVENT =
  /\b(?:unveil\w*|launch\w*|announc\w*|manufactur\w*|produc\w*|develop\w*|built|build(?:s|ing)?|design\w*|releas\w*|acquir\w*|invest\w*|grew|grow(?:s|n)?|rose|rise[sn]?|fell|fall(?:s|en)?|dipped|dip(?:s)?|spiked|surged|dropped|jumped|gained|lost|cut|raised|signed|banned|approved|stole|stolen|taken|exposed|leaked|breached|hacked|paid|declined|begin|begins|began|started|starts|added|approve|approves|paused|consume[sd]?|control(?:s|led)?|operates|costs?|drew|averaged|generated|completed|integrat\w*|focuses|backed|depends|outsourced|sparked|rewarded|compete|competes)\b/iu;
const HEDGE =
  /\b(?:may|might|could|potentially|reportedly|allegedly|likely|unlikely|possibly|perhaps|expected to|promises|seems|appears)\b/iu;
const OPINION =
  /\b(?:honestly|frankly|in my view|good day|good news|great news|bold|game[‑-]changer|revolution\w*|must|should|i think|we believe|key player|turning point|statement|stunning|incredible|amazing|exciting|future[‑-]proof|shaping|intelligently)\b/iu;
const SPEC_LINE = /^[\p{Lu}][\p{L}\s/-]{2,30}:\s+\S/u;
const NAME =
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}\p{N}&'’-]*\p{L}|\p{Lu}{2,}|[\p{L}]+[\p{Lu}][\p{L}]*)(?![\p{L}])/gu;
const COMMON_CAPITALISED = new Set(
  "The A An This That These Those It Its He She They We I You His Her Our Their My Your How What Why When Where Who Which There Here But And So Yet Or If In On At For As After Before Since While Although Though Meanwhile However Then Also Still Now Today Q A Not Yes No With From By To Of Is Are Was Were Be Let’s Up Some Many Most One Other Others Key Final Quick Answers".split(
    " ",
  ),
);
/** Independent clauses joined like this are checked separately. */
const CLAUSE_JOIN = /,\s+(?:while|whereas)\s+|;\s+|\.\s+In contrast,\s+/giu;

export function detectClaims(text: string, sentences: Sentence[], blocks: Block[] = []): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  const known = knownNames(sentences);
  const headings = blocks.filter((b) => b.kind === "heading");
  let datedBy: string | undefined;
  for (const sentence of sentences) {
    meter.steps += sentence.text.length;
    if (DATE_ONLY.test(sentence.text)) {
      datedBy = sentence.text;
      continue;
    }
    const dated = datedBy;
    datedBy = undefined;
    if (isHeading(sentence, headings)) continue;
    for (const part of splitClaims(text, sentence, known)) {
      const candidate = scoreSentence(part, known, dated);
      if (candidate && candidate.score >= PROPOSAL_THRESHOLD) claims.push(candidate);
    }
  }
  return claims;
}

/**
 * A markdown heading, or a short Title Case line with no closing punctuation (a heading in plain
 * text). `headings` are the heading blocks in document order, which never overlap: only the last
 * one starting at or before the sentence can hold it.
 */
function isHeading(sentence: Sentence, headings: Block[]): boolean {
  const holder = headings[firstAfter(headings, sentence.start, (b) => b.start) - 1];
  if (holder && sentence.end <= holder.end) return true;
  const words = sentence.text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0 || words.length > 9 || /[.!?…"”]$/u.test(sentence.text)) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.75;
}

/** Index of the first item whose key is above `value`, in items sorted by key (binary search). */
function firstAfter<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    meter.steps++;
    const middle = (low + high) >>> 1;
    if (key(sorted[middle]!) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many of the sorted positions lie in [start, end). */
function countWithin(sorted: readonly number[], start: number, end: number): number {
  return start >= end ? 0 : firstAfter(sorted, end - 1, Number) - firstAfter(sorted, start - 1, Number);
}

/** "Alibaba’s shares rose 13%, while Nvidia fell 3%" holds two facts: check each on its own. */
export function splitClaims(
  text: string,
  sentence: Sentence,
  known: ReadonlySet<string> = new Set(),
): Sentence[] {
  meter.steps += sentence.text.length;
  const joins = [...sentence.text.matchAll(CLAUSE_JOIN)];
  if (joins.length === 0) return [sentence];
  const clauses = new ClauseIndex(sentence.text, known);
  const parts: Sentence[] = [];
  let from = 0;
  for (const join of joins) {
    const joinEnd = join.index + join[0].length;
    if (!clauses.isCheckable(from, join.index) || !clauses.isCheckable(joinEnd, sentence.text.length))
      continue;
    parts.push(sliceSentence(text, sentence.start + from, sentence.start + join.index));
    from = joinEnd;
  }
  if (parts.length === 0) return [sentence];
  parts.push(sliceSentence(text, sentence.start + from, sentence.end));
  return parts;
}

/**
 * Whether a clause can stand as a claim of its own: a few words, a figure or a name, and an
 * event. This is the rule; `ClauseIndex` answers it for many clauses of one sentence at once.
 */
export function isCheckableClause(clause: string, known: ReadonlySet<string>): boolean {
  return (
    wordCount(clause) >= 3 && (FIGURE.test(clause) || names(clause, known).length > 0) && EVENT.test(clause)
  );
}

const ALL_FIGURES = new RegExp(FIGURE.source, "giu");
const ALL_EVENTS = new RegExp(EVENT.source, "giu");
const LETTER_OR_DIGIT_AT = /[\p{L}\p{N}]/uy;

/**
 * `isCheckableClause` for any stretch of one sentence that starts at its start or after
 * whitespace and ends at its end or at a clause join, answered from one pass over the sentence:
 * a sentence of many joins ("a; b; c; …") is not read again for each of them. No figure, name or
 * event can cross such a boundary, so a stretch holds one exactly when a match over the whole
 * sentence starts inside it.
 */
class ClauseIndex {
  private readonly wordStarts: number[];
  private readonly figures: number[];
  private readonly events: number[];
  /** Names wherever they stand: known to the document or self-evident. */
  private readonly names: number[] = [];
  /** Capitalised words that are names unless they open the clause. */
  private readonly openingNames: number[] = [];
  /** Starts of runs of letters and digits: where a clause's first word can start. */
  private readonly wordlikeStarts: number[];

  constructor(
    private readonly text: string,
    known: ReadonlySet<string>,
  ) {
    meter.steps += text.length;
    const starts = (pattern: RegExp) => Array.from(text.matchAll(pattern), (m) => m.index);
    this.wordStarts = starts(/\S+/g);
    this.figures = starts(ALL_FIGURES);
    this.events = starts(ALL_EVENTS);
    this.wordlikeStarts = starts(/[\p{L}\p{N}]+/gu);
    for (const match of text.matchAll(NAME)) {
      const word = match[0];
      if (COMMON_CAPITALISED.has(word) || CALENDAR_WORD.test(word)) continue;
      (known.has(word) || SELF_EVIDENT_NAME.test(word) ? this.names : this.openingNames).push(match.index);
    }
  }

  isCheckable(start: number, end: number): boolean {
    return (
      this.wordCount(start, end) >= 3 &&
      (countWithin(this.figures, start, end) > 0 || this.hasName(start, end)) &&
      countWithin(this.events, start, end) > 0
    );
  }

  private wordCount(start: number, end: number): number {
    if (start >= end) return 0;
    const startsInWord = /\S/.test(this.text[start]!) ? 1 : 0;
    return startsInWord + countWithin(this.wordStarts, start + 1, end);
  }

  private hasName(start: number, end: number): boolean {
    if (countWithin(this.names, start, end) > 0) return true;
    const first = this.firstWordIndex(start);
    const i = firstAfter(this.openingNames, start - 1, Number);
    const candidates = this.openingNames.slice(i, i + 2).filter((at) => at < end);
    return candidates.some((at) => at !== first);
  }

  private firstWordIndex(start: number): number {
    LETTER_OR_DIGIT_AT.lastIndex = start;
    if (LETTER_OR_DIGIT_AT.test(this.text)) return start;
    return this.wordlikeStarts[firstAfter(this.wordlikeStarts, start, Number)] ?? -1;
  }
}

function sliceSentence(text: string, start: number, end: number): Sentence {
  return { start, end, text: text.slice(start, end) };
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Index of the first letter or digit: where the sentence's first word starts. */
function firstWordIndex(sentence: string): number {
  const m = /[\p{L}\p{N}]/u.exec(sentence);
  return m ? m.index : 0;
}

/** An acronym, a CamelCase or digit-bearing word is a name wherever it stands. */
const SELF_EVIDENT_NAME = /^(?:\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu}.*|.*\d.*)$/u;

/**
 * Capitalised words that are names: any not at the start of a sentence, and a sentence's first
 * word when the document shows it is a name (capitalised mid-sentence elsewhere, or opening
 * several sentences) or it looks like one. "Markets moved…" does not name anything.
 */
function names(sentence: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  meter.steps += sentence.length;
  const first = firstWordIndex(sentence);
  for (const match of sentence.matchAll(NAME)) {
    const word = match[0];
    if (COMMON_CAPITALISED.has(word) || CALENDAR_WORD.test(word) || found.has(word)) continue;
    if (match.index === first && !known.has(word) && !SELF_EVIDENT_NAME.test(word)) continue;
    found.add(word);
  }
  return [...found];
}

/** The names a document establishes, used to judge the capitalised first words of its sentences. */
export function knownNames(sentences: Sentence[]): Set<string> {
  const known = new Set<string>();
  const openings = new Map<string, number>();
  for (const { text } of sentences) {
    meter.steps += text.length;
    const first = firstWordIndex(text);
    for (const match of text.matchAll(NAME)) {
      if (COMMON_CAPITALISED.has(match[0])) continue;
      if (match.index === first) openings.set(match[0], (openings.get(match[0]) ?? 0) + 1);
      else known.add(match[0]);
    }
  }
  for (const [word, count] of openings) if (count >= 2) known.add(word);
  return known;
}

/**
 * Whether the text quotes at least 12 characters between quotation marks, as /["“][^"”]{12,}["”]/u
 * finds, in one pass: that expression reads the rest of the text again from every opening mark
 * that is never closed.
 */
function quotesSpeech(text: string): boolean {
  let openedAt = -1;
  let at = 0;
  for (const char of text) {
    meter.steps++;
    if (char === '"' || char === "”") {
      if (openedAt !== -1 && at - openedAt - 1 >= 12) return true;
      openedAt = char === '"' ? at : -1;
    } else if (char === "“" && openedAt === -1) {
      openedAt = at;
    }
    at++;
  }
  return false;
}

function quoted(match: RegExpExecArray | null): string {
  return match ? `“${match[0].trim()}”` : "";
}

/** Scores one sentence; null when it is not a statement at all (a question, a prompt, boilerplate). */
export function scoreSentence(
  sentence: Sentence,
  known: ReadonlySet<string> = new Set(),
  datedBy?: string,
): ClaimCandidate | null {
  meter.steps += sentence.text.length;
  const text = sentence.text.replace(/^(?:[A-Z]:\s+|[–—•*-]\s+)/u, "");
  if (BOILERPLATE.test(text)) return null;
  if (/\?["'”’)]*$/u.test(text)) return null;
  const firstWord = (text.split(/[\s—–-]+/)[0] ?? "").toLowerCase().replace(/[^\p{L}’']/gu, "");
  if (IMPERATIVES.has(firstWord)) return null;
  if (wordCount(text) < 3) return null;

  const reasons: string[] = [];
  let score = 0;
  const figure = FIGURE.exec(text);
  if (figure) {
    score += WEAK_FIGURE.test(figure[0].trim()) ? 0.25 : 0.4;
    reasons.push(
      `Contains a figure or measurement (${quoted(figure)}): numbers can be checked against sources.`,
    );
  }
  if (SPEC_LINE.test(text)) {
    score += 0.2;
    reasons.push("States a technical specification: specs should match the maker's published data.");
  }
  const found = names(text, known);
  if (found.length > 0) {
    score += found.length > 1 ? 0.25 : 0.2;
    reasons.push(
      `Names ${found.length > 1 ? "organisations or products" : "an organisation or product"} (${found
        .slice(0, 4)
        .map((n) => `“${n}”`)
        .join(", ")}): what they did can be verified.`,
    );
  }
  const date = DATE.exec(text) ?? NAMED_DAY.exec(text);
  if (date) {
    score += 0.15;
    reasons.push(`Gives a date or period (${quoted(date)}): timelines can be checked.`);
  } else if (datedBy) {
    score += 0.15;
    reasons.push(`Dated by the timeline entry before it (“${datedBy}”): timelines can be checked.`);
  }
  const capability = CAPABILITY.exec(text);
  if (capability) {
    score += 0.15;
    reasons.push(
      `States what something can do or is built on (${quoted(capability)}): capabilities can be tested.`,
    );
  }
  const comparison = COMPARISON.exec(text);
  if (comparison) {
    score += 0.2;
    reasons.push(`Makes a comparison or superlative (${quoted(comparison)}): needs a baseline to hold.`);
  }
  const event = EVENT.exec(text);
  if (event) {
    score += 0.15;
    reasons.push(`Reports an action or event (${quoted(event)}): it either happened or it did not.`);
  }
  const attribution = ATTRIBUTION.exec(text);
  if (attribution) {
    score += 0.1;
    const unnamed = UNNAMED_SOURCE.exec(text);
    reasons.push(
      unnamed
        ? `Attributes it to unnamed sources (${quoted(unnamed)}): who said it, and do they know?`
        : `Attributes the information (${quoted(attribution)}): check the original source.`,
    );
  }
  if (attribution && quotesSpeech(text)) {
    score += 0.15;
    reasons.push("Quotes someone directly: check that they said it, and whether it is true.");
  }
  const vague = VAGUE.exec(text);
  if (vague) {
    score -= 0.15;
    reasons.push(`Uses vague promotional language (${quoted(vague)}): there is little to check.`);
  }
  const hedge = HEDGE.exec(text);
  if (hedge) {
    score -= 0.1;
    reasons.push(`Hedged (${quoted(hedge)}): a prediction or possibility is harder to check.`);
  }
  const opinions = [
    ...new Set([...text.matchAll(new RegExp(OPINION.source, "giu"))].map((m) => m[0].toLowerCase())),
  ].slice(0, 2);
  if (opinions.length > 0) {
    score -= 0.15 * opinions.length;
    reasons.push(
      `Reads partly as opinion (${opinions.map((o) => `“${o}”`).join(", ")}): only the factual core can be checked.`,
    );
  }
  if (reasons.length === 0) return null;
  return {
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    score: round(clamp(score)),
    reasons,
  };
}

const clamp = (n: number) => Math.max(0, Math.min(1, n));
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Scores any spans of a document (an editor's claim, a published one) the way proposals are
 * scored: with the names the document establishes.
 */
export function scoreSpans(
  text: string,
  blocks: Block[],
  spans: Span[],
): Array<{ score: number; reasons: string[] }> {
  const known = knownNames(segment(text, blocks));
  return spans.map((span) => {
    const scored = scoreSentence({ ...span, text: text.slice(span.start, span.end) }, known);
    return { score: scored?.score ?? 0, reasons: scored?.reasons ?? [] };
  });
}
