/** The per-language data the claim engine reads, by BCP 47 code (see ../language.ts). */
import { german } from "./de";
import { spanish } from "./es";
import { french } from "./fr";
import { italian } from "./it";
import { dutch } from "./nl";
import { polish } from "./pl";
import { russian } from "./ru";
import type { LanguageData } from "./types";

export type { ClaimWords, LanguageData } from "./types";

const BY_CODE: Readonly<Record<string, LanguageData>> = {
  de: german,
  fr: french,
  es: spanish,
  it: italian,
  nl: dutch,
  pl: polish,
  ru: russian,
};

/** The data for a language, or undefined for English and languages without any (Chinese, Japanese). */
export function languageData(code: string | undefined): LanguageData | undefined {
  return code ? BY_CODE[code] : undefined;
}
