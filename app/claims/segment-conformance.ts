/**
 * Scoring a segmenter against pySBD's per-language cases (../shared/conformance/
 * golden-rules-multilingual.json), shared by the tests and the benchmark.
 */
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

export function conformance(cases: ConformanceCase[], split: (text: string) => string[]) {
  return { passing: cases.filter((c) => passes(c, split)).length, total: cases.length };
}
