/**
 * Check-worthiness: which sentences (or parts of sentences) carry a checkable proposition, how
 * strongly, and why. Every score comes with the reasons that produced it, written for people:
 * educators show them to students.
 */
import { claimPatternsFor, type LocalClaimPatterns } from "./languages/claim-words";
import { entities, isDateline, tagsOf, type Entity } from "./entities";
import { meter } from "./meter";
import { allMatches, lettersAreAscii, pick, twins } from "./patterns";
import type { Block } from "./projection";
import {
  ENTITY_RULES,
  entityHeadroom,
  REJECTIONS,
  scoreCeiling,
  SCORING_RULES,
  type Finding,
  type SentenceFacts,
} from "./rules";
import { segment, type Sentence, type Span } from "./segment";
import {
  CALENDAR_WORD,
  COMMON_CAPITALISED,
  DATE_ONLY,
  EVENT,
  FIGURE,
  firstWordIndex,
  nameMatches,
  names,
  SELF_EVIDENT_NAME,
  wordCount,
} from "./vocabulary";

export interface ClaimCandidate extends Span {
  text: string;
  score: number;
  reasons: string[];
  /** Its people, organisations, places, products, dates and amounts, offsets in the same text as the claim's. */
  entities: Entity[];
}

/** Candidates at or above this score are proposed to the editor. */
export const PROPOSAL_THRESHOLD = 0.4;

/** Independent clauses joined like this are checked separately. */
const CLAUSE_JOIN = /,\s+(?:while|whereas)\s+|;\s+|\.\s+In contrast,\s+/giu;

export function detectClaims(
  text: string,
  sentences: Sentence[],
  blocks: Block[] = [],
  language?: string,
): ClaimCandidate[] {
  const claims: ClaimCandidate[] = [];
  const local = claimPatternsFor(language);
  const headings = blocks.filter((b) => b.kind === "heading");
  const known = knownNames(sentences, headings);
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
      const candidate = scoreSentence(part, known, dated, local, PROPOSAL_THRESHOLD);
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
  const { text } = sentence;
  if (text.length > 200 || CLOSING_PUNCTUATION.includes(text.at(-1)!)) return false;
  const ascii = lettersAreAscii(text);
  const words = countMatches(pick(WORD_OF_LETTERS, ascii), text);
  if (words === 0 || words > 9) return false;
  return countMatches(pick(CAPITALISED_WORD, ascii), text) / words >= 0.75;
}

const CLOSING_PUNCTUATION = '.!?…"”';
/** The first letters of words (split at whitespace) that start with a letter, and with a capital. */
const WORD_OF_LETTERS = twins(/(?<!\S)\p{L}/gu);
const CAPITALISED_WORD = twins(/(?<!\S)\p{Lu}/gu);

/** How many times a global pattern matches in `text`, counted without building the matches. */
function countMatches(pattern: RegExp, text: string): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.test(text)) count++;
  return count;
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
  const joins = allMatches(CLAUSE_JOIN, sentence.text);
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

const ALL_FIGURES = new RegExp(FIGURE.source, "gi");
const ALL_EVENTS = new RegExp(EVENT.source, "gi");
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
    const starts = (pattern: RegExp) => allMatches(pattern, text).map((m) => m.index);
    this.wordStarts = starts(/\S+/g);
    this.figures = starts(ALL_FIGURES);
    this.events = starts(ALL_EVENTS);
    this.wordlikeStarts = starts(/[\p{L}\p{N}]+/gu);
    for (const { index, word } of nameMatches(text)) {
      if (COMMON_CAPITALISED.has(word) || CALENDAR_WORD.test(word)) continue;
      (known.has(word) || SELF_EVIDENT_NAME.test(word) ? this.names : this.openingNames).push(index);
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

/**
 * The names a document establishes, used to judge the capitalised first words of its sentences.
 * Headings are left out (title case capitalises common words: "Investors React"), and a
 * sentence's first word is the one after its list marker or speaker label ("A: Positive…").
 */
export function knownNames(sentences: Sentence[], headings: Block[] = []): Set<string> {
  const known = new Set<string>();
  const openings = new Map<string, number>();
  for (const sentence of sentences) {
    const { text } = sentence;
    meter.steps += text.length;
    if (isHeading(sentence, headings)) continue;
    const lead = LEAD_IN.exec(text)?.[0].length ?? 0;
    const first = lead + firstWordIndex(text.slice(lead));
    for (const { index, word } of nameMatches(text)) {
      if (COMMON_CAPITALISED.has(word) || index < lead) continue;
      if (index === first) openings.set(word, (openings.get(word) ?? 0) + 1);
      else known.add(word);
    }
  }
  for (const [word, count] of openings) if (count >= 2) known.add(word);
  return known;
}

/** A leading list marker or speaker label ("- ", "Q: "): not part of the statement. */
const LEAD_IN = /^(?:[A-Z]:\s+|[–—•*-]\s+)/;
const NO_ENTITIES: readonly Entity[] = [];

/**
 * Scores one sentence by walking the rule tables (rules.ts); null when it is not a statement at
 * all (a question, a prompt, boilerplate). With `atLeast`, a sentence that cannot reach that
 * score is dropped before its entities are looked for: the rules run first without them, and
 * only a sentence whose score plus what entities could add (`entityHeadroom`) reaches it has the
 * rules that read entities run again with them. Finding entities is the costliest step.
 */
export function scoreSentence(
  sentence: Sentence,
  known: ReadonlySet<string> = new Set(),
  datedBy?: string,
  local?: LocalClaimPatterns | null,
  atLeast?: number,
): ClaimCandidate | null {
  meter.steps += sentence.text.length;
  const text = sentence.text.replace(LEAD_IN, "");
  const shift = sentence.start + sentence.text.length - text.length;
  if (REJECTIONS.some((rejection) => rejection.rejects(text, local))) return null;

  const fired = new Set<string>();
  const findings: Array<Finding | null> = [];
  let found: Entity[] | undefined;
  const facts: SentenceFacts = {
    text,
    known,
    datedBy,
    fired,
    local,
    entities: () => (found ??= local ? namesAnyLanguageShows(text, known) : entities(text, known)),
    wordTags: tagsOf,
    opensWithDateline: () => isDateline(text),
  };
  if (atLeast === undefined) applyRules(ALL_RULES, facts, fired, findings);
  else {
    applyRules(ALL_RULES, { ...facts, entities: noEntities }, fired, findings);
    if (total(findings) + entityHeadroom(fired) < atLeast) return null;
    applyRules(ENTITY_RULES, facts, fired, findings);
  }
  const reasons = reasonsOf(findings);
  if (reasons.length === 0) return null;
  return {
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    score: round(clamp(Math.min(total(findings), scoreCeiling(fired)))),
    reasons,
    entities: shiftEntities(facts.entities!(), shift),
  };
}

/** Entities found in the text without its lead-in, with offsets in the sentence as given. */
function shiftEntities(found: readonly Entity[], shift: number): Entity[] {
  return found.map((e) => (shift === 0 ? e : { ...e, start: e.start + shift, end: e.end + shift }));
}

/**
 * The entity lexicon is English: in other languages it would take capitalised nouns for
 * organisations (German capitalises every noun) and read figures by English rules. There only
 * what holds in any language is kept: people and places the lexicon knows by name ("Jonas
 * Berger", "Shenzhen"), and organisations and products that look like names anywhere: acronyms,
 * CamelCase, names with digits ("NVIDIA", "H20"), and a given name and surname set off by commas
 * as a speaker is introduced ("L'amministratore delegato, Giulia Ferri, ha dichiarato").
 */
function namesAnyLanguageShows(text: string, known: ReadonlySet<string>): Entity[] {
  const kept = entities(text, known).filter(
    (e) =>
      e.type === "person" ||
      e.type === "place" ||
      ((e.type === "organization" || e.type === "product") && SELF_EVIDENT_NAME.test(e.text)),
  );
  for (const match of text.matchAll(INTRODUCED_SPEAKER)) {
    const start = match.index + match[0].indexOf(match[1]!);
    if (!kept.some((e) => e.start < start + match[1]!.length && start < e.end))
      kept.push({ text: match[1]!, type: "person", start, end: start + match[1]!.length });
  }
  return kept.sort((a, b) => a.start - b.start);
}

const INTRODUCED_SPEAKER = /,\s(\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+),/gu;

const ALL_RULES = SCORING_RULES.map((_, i) => i);
const noEntities = () => NO_ENTITIES;

/** Applies the rules at `which` to the sentence, noting what they find and which fired. */
function applyRules(
  which: readonly number[],
  facts: SentenceFacts,
  fired: Set<string>,
  findings: Array<Finding | null>,
): void {
  for (const i of which) {
    const rule = SCORING_RULES[i]!;
    if ((findings[i] = rule.apply(facts))) fired.add(rule.name);
  }
}

/** The reasons of the rules that fired, in table order (a loop: flatMap was a tenth of scoring). */
function reasonsOf(findings: ReadonlyArray<Finding | null>): string[] {
  const reasons: string[] = [];
  for (const finding of findings) if (finding) reasons.push(finding.reason);
  return reasons;
}

function total(findings: ReadonlyArray<Finding | null>): number {
  let sum = 0;
  for (const finding of findings) sum += finding?.weight ?? 0;
  return sum;
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
  language?: string,
): Array<{ score: number; reasons: string[] }> {
  const known = knownNames(
    segment(text, blocks, language),
    blocks.filter((b) => b.kind === "heading"),
  );
  const local = claimPatternsFor(language);
  return spans.map((span) => {
    const scored = scoreSentence(
      { ...span, text: text.slice(span.start, span.end) },
      known,
      undefined,
      local,
    );
    return { score: scored?.score ?? 0, reasons: scored?.reasons ?? [] };
  });
}
