/**
 * A language's claim words compiled into the patterns the detector's rules read beside the
 * English ones (claims/rules.ts): figures in local formats ("1.299,50 Euro", "3 Mio.", "52亿元"),
 * dates ("3. Oktober 2025", "le 3 octobre", "3 de octubre de 2025", "2026年"), attribution
 * ("sagte", "selon", "según", "secondo", "заявил", "表示") and events.
 */
import { languageData } from ".";
import type { ClaimWords } from "./types";
import { chineseClaims } from "./zh";

export interface LocalClaimPatterns {
  readonly figure: RegExp;
  readonly date: RegExp;
  readonly event: RegExp;
  readonly attribution: RegExp;
  /** Words in a text; in a script without spaces, two characters count as a word. */
  countWords(text: string): number;
}

const compiled = new Map<string, LocalClaimPatterns | null>();

/** The patterns for a language, or null for English and languages without claim words. */
export function claimPatternsFor(code: string | undefined): LocalClaimPatterns | null {
  if (!code || code === "en") return null;
  let patterns = compiled.get(code);
  if (patterns === undefined) {
    const words = code === "zh" ? chineseClaims : languageData(code)?.claims;
    patterns = words ? compile(words) : null;
    compiled.set(code, patterns);
  }
  return patterns;
}

const either = (fragments: readonly string[]) => fragments.join("|");

function compile(words: ClaimWords): LocalClaimPatterns {
  const spaced = words.spacedWords !== false;
  // Word boundaries by letters, not \b: \b sees "é" or "ü" as a boundary of its own.
  const whole = (body: string) =>
    new RegExp(spaced ? `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])` : `(?:${body})`, "iu");
  // 3,7 · 1.299,50 · 58.000 · 1 200 · 0,8
  const number = "\\d{1,3}(?:[.\\u00a0\\u202f ]\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?";
  const unit = either(words.units.map((u) => (/^\p{L}/u.test(u) && spaced ? `${u}(?![\\p{L}])` : u)));
  // In a script without spaces a figure follows a character directly ("采用7纳米"): only a digit
  // before it means it is part of a longer number.
  const before = spaced ? "(?<![\\p{L}\\p{N}])" : "(?<![\\p{N}.,])";
  const figure = new RegExp(
    `${before}(?:${number})\\s?(?:${unit})|${words.figureWords?.length ? either(words.figureWords) : "(?!)"}`,
    "iu",
  );
  const months = words.months.length ? either(words.months) : "(?!)";
  const date = new RegExp(
    [
      `(?<![\\p{L}\\p{N}])\\d{1,2}\\.?\\s(?:de\\s)?(?:${months})(?![\\p{L}])(?:\\s(?:de\\s)?\\d{4})?`,
      `(?<![\\p{L}])(?:${months})\\s\\d{4}`,
      `(?<![\\p{L}])(?:${either(words.days)})(?![\\p{L}])`,
      ...(words.datePatterns ?? []),
    ].join("|"),
    "iu",
  );
  return {
    figure,
    date,
    event: whole(either(words.events)),
    attribution: whole(either(words.attribution)),
    countWords: spaced ? countSpacedWords : countUnspacedWords,
  };
}

const countSpacedWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

const countWordsWithLetters = (text: string) =>
  text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

function countUnspacedWords(text: string): number {
  const characters = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return (
    Math.ceil(characters / 2) +
    countWordsWithLetters(text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, " "))
  );
}
