import { detectClaims, type ClaimCandidate } from "./detect";
import { plainTextToMarkdown } from "./markdown";
import { project, type Projection } from "./projection";
import { segment, type Sentence } from "./segment";

export type SourceFormat = "markdown" | "text";

export interface Extraction {
  projection: Projection;
  sentences: Sentence[];
  claims: ClaimCandidate[];
}

/** The article's markdown source: plain text is escaped so it reads back unchanged. */
export function toMarkdown(source: string, format: SourceFormat): string {
  return format === "markdown" ? source.replace(/\r\n?/g, "\n") : plainTextToMarkdown(source);
}

/** Projection, sentences and proposed claims for an article's markdown source. */
export function extract(markdownSource: string): Extraction {
  const projection = project(markdownSource);
  const sentences = segment(projection.text, projection.blocks);
  const claims = detectClaims(projection.text, sentences, projection.blocks);
  return { projection, sentences, claims };
}
