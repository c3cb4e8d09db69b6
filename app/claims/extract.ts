import { detectClaims, type ClaimCandidate } from "./detect";
import { detectLanguage, type LanguageCode } from "./language";
import { plainTextToMarkdown } from "./markdown";
import { project, type Projection } from "./projection";
import { segment, type Sentence } from "./segment";

export type SourceFormat = "markdown" | "text";

export interface Extraction {
  projection: Projection;
  /** The language the text is read in (BCP 47): the one given, or the one detected. */
  language: LanguageCode;
  sentences: Sentence[];
  claims: ClaimCandidate[];
}

/** The article's markdown source: plain text is escaped so it reads back unchanged. */
export function toMarkdown(source: string, format: SourceFormat): string {
  return format === "markdown" ? source.replace(/\r\n?/g, "\n") : plainTextToMarkdown(source);
}

/**
 * Projection, language, sentences and proposed claims for an article's markdown source. The
 * language is detected from the text unless the caller knows it (an editor corrected it).
 */
export function extract(markdownSource: string, language?: LanguageCode): Extraction {
  return extractFrom(project(markdownSource), language);
}

/** `extract` for markdown already projected (the parsing worker times the projection on its own). */
export function extractFrom(projection: Projection, language?: LanguageCode): Extraction {
  const read = language ?? detectLanguage(projection.text);
  const sentences = segment(projection.text, projection.blocks, read);
  const claims = detectClaims(projection.text, sentences, projection.blocks, read);
  return { projection, language: read, sentences, claims };
}
