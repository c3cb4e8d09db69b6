/**
 * What the claim engine knows about one language: how its sentences end (segmentation) and how
 * its checkable facts read (figures, dates, attribution and event verbs). Word lists are lower
 * case; abbreviations are written without their dots ("z. B." is "z" then "b").
 */
export interface LanguageData {
  /** Abbreviations always followed by more of the sentence, such as titles ("Dr.", "Sig.ra"). */
  readonly titles: readonly string[];
  /** Abbreviations that may or may not end a sentence. */
  readonly abbreviations: readonly string[];
  /** Words that typically open a sentence: after an ambiguous abbreviation they mark a new one. */
  readonly sentenceStarters: readonly string[];
  /** "am 3. Oktober", "im 1. Quartal": a number with a full stop is an ordinal, not an end. */
  readonly ordinalNumbers?: boolean;
  /** „…“: the low quotation mark opens a quote and “ closes it. */
  readonly lowOpeningQuotes?: boolean;
  /** "– спросила мама": a dash after a sentence's end continues direct speech. */
  readonly dialogueDash?: boolean;
  /** "l'Avv. Fabrizi": an elided article may stand before an abbreviation. */
  readonly elision?: boolean;
  /** What makes a sentence checkable in this language (see claims/detect.ts). */
  readonly claims?: ClaimWords;
}

export interface ClaimWords {
  /** Month names, for dates such as "3. Oktober 2025" or "le 3 octobre". */
  readonly months: readonly string[];
  /** Weekday names ("Freitag", "vendredi"). */
  readonly days: readonly string[];
  /** Words that attribute a statement to a source ("sagte", "laut", "selon"). */
  readonly attribution: readonly string[];
  /** Word stems of actions or events reported as having happened ("stieg", "lanc"). */
  readonly events: readonly string[];
  /** Words for units and scales that make a number a figure ("Milliarden", "Prozent"). */
  readonly units: readonly string[];
  /** Figures written without digits ("翻了一番", doubled). */
  readonly figureWords?: readonly string[];
  /** Dates written in the language's own pattern (regular expression sources). */
  readonly datePatterns?: readonly string[];
  /** False for scripts written without spaces between words (Chinese): no word boundaries to look for. */
  readonly spacedWords?: boolean;
}
