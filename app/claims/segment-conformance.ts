/**
 * Scoring a segmenter against pySBD's per-language cases (../shared/conformance/
 * golden-rules-multilingual.json), shared by the tests and the benchmark.
 */
import { plainTextToMarkdown } from "./markdown";
import { project } from "./projection";
import { segment } from "./segment";

export interface ConformanceCase {
  input: string;
  sentences: string[];
  /** pySBD's clean=True cases: its cleaner rewrites line breaks and spacing before it splits. */
  clean: boolean;
}

/** Clean cases compare sentences without their whitespace, which pySBD's cleaner rewrites ("z.B." to "z. B."). */
const comparable = (sentences: string[], clean: boolean) =>
  JSON.stringify(clean ? sentences.map((s) => s.replace(/\s+/gu, "")) : sentences);

export function passes(c: ConformanceCase, split: (text: string) => string[]): boolean {
  const got = split(c.input);
  return comparable(got, c.clean) === comparable(c.sentences, c.clean);
}

/** A case's input split as an imported plain-text article is: paragraphs are blocks. */
export function segmentAsImported(text: string, language: string): string[] {
  const { text: projected, blocks } = project(plainTextToMarkdown(text));
  return segment(projected, blocks, language).map((s) => s.text);
}

/** Node's Intl.Segmenter (ICU's sentence rules) on the same input, for comparison. */
export function segmentWithIntl(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
  return Array.from(segmenter.segment(text), (s) => s.segment.trim()).filter(Boolean);
}

export function conformance(cases: ConformanceCase[], split: (text: string) => string[]) {
  return { passing: cases.filter((c) => passes(c, split)).length, total: cases.length };
}
