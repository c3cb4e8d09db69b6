/**
 * The language an article is written in, detected with franc (trigram statistics) and named
 * with BCP 47 codes. Detection is restricted to the languages the claim engine segments, so a
 * German article is never called Luxembourgish or Low German; anything franc cannot place among
 * them, or too short to judge, is "und" (undetermined).
 */
import { franc } from "franc";

/** The languages the engine knows, by BCP 47 code, with their English names. */
export const LANGUAGE_NAMES = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  nl: "Dutch",
  pl: "Polish",
  ru: "Russian",
  zh: "Chinese",
  ja: "Japanese",
  und: "Undetermined",
} as const;

export type LanguageCode = keyof typeof LANGUAGE_NAMES;

export const LANGUAGE_CODES = Object.keys(LANGUAGE_NAMES) as LanguageCode[];

/** franc's ISO 639-3 codes for the languages above. */
const FROM_ISO_639_3: Record<string, LanguageCode> = {
  eng: "en",
  deu: "de",
  fra: "fr",
  spa: "es",
  ita: "it",
  nld: "nl",
  pol: "pl",
  rus: "ru",
  cmn: "zh",
  jpn: "ja",
};

const ONLY = Object.keys(FROM_ISO_639_3);

/** Fewer letters than this are not enough to tell languages written in the Latin alphabet apart. */
const MIN_LENGTH = 20;

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && Object.hasOwn(LANGUAGE_NAMES, value);
}

export function languageName(code: string): string {
  return isLanguageCode(code) ? LANGUAGE_NAMES[code] : code;
}

/**
 * The `lang` attribute for text in `code` on a page written in `pageLanguage`: the code when the
 * two differ, nothing when they agree or the text's language is undetermined.
 */
export function textLanguage(code: string, pageLanguage = "en"): string | undefined {
  return code === "und" || code === pageLanguage || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(code)
    ? undefined
    : code;
}

/** The BCP 47 code of the language `text` is written in, or "und" when it cannot be told. */
export function detectLanguage(text: string): LanguageCode {
  // Han and kana carry a language in very few characters; alphabets need a sentence or so.
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text.slice(0, 2048));
  const found = franc(text, { only: ONLY, minLength: cjk ? 4 : MIN_LENGTH });
  return FROM_ISO_639_3[found] ?? "und";
}
