/**
 * An article's sentences as a classroom exercise offers them, and why the engine finds claims
 * check-worthy: pure functions over its markdown, run on the request thread for a short article
 * and in the parser's workers (app/importing/parse.worker.ts) for a long one.
 */
import { scoreSpans } from "./detect";
import { matches } from "./evaluate";
import { project, type Block, type BlockKind, type Projection } from "./projection";
import { REJECTIONS } from "./rules";
import { segment, type Span } from "./segment";

/** Something a student can mark: a sentence of the article, or (in "marked" mode) a published claim. */
export interface Unit extends Span {
  index: number;
  text: string;
  /** The article's block (paragraph, heading…) the sentence belongs to, so the page shows paragraphs. */
  block?: number;
  kind?: BlockKind;
}

const boilerplate = REJECTIONS.find((r) => r.name === "boilerplate")!;

/**
 * The sentences of the published article, numbered, that a student may mark, with the block each
 * belongs to, split by the rules of the article's language (BCP 47; English when unknown, as in
 * versions published before articles had one). Numbers count every sentence of three words or
 * more, so they never change: the language comes from the frozen snapshot, never from the live
 * article. What the import's rules call boilerplate (donation prompts, "Scroll to top", newsletter
 * sign-ups) is left out, unless it holds a claim that counts.
 */
export function sentenceUnits(markdown: string, counted: Span[] = [], language?: string): Unit[] {
  return unitsOf(project(markdown), counted, language);
}

/**
 * The block holding `offset`, or -1: blocks are in text order, so a binary search (a scan per
 * sentence made a 2 MB article of short paragraphs quadratic: 125,000 × 125,000 took 12 s).
 */
function blockAt(blocks: Block[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const b = blocks[middle]!;
    if (offset < b.start) high = middle - 1;
    else if (offset >= b.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

function unitsOf({ text, blocks }: Projection, counted: Span[], language?: string): Unit[] {
  return segment(text, blocks, language)
    .filter((s) => s.text.split(/\s+/).length >= 3)
    .map((s, index) => {
      const block = blockAt(blocks, s.start);
      return {
        index,
        start: s.start,
        end: s.end,
        text: s.text,
        block,
        kind: blocks[block]?.kind ?? "paragraph",
      };
    })
    .filter((u) => !boilerplate.rejects(u.text) || counted.some((c) => matches(u, c)));
}

/** Why the engine finds each claim check-worthy, in words for students ("contains a figure"…). */
export function engineReasons(markdown: string, spans: Span[]): string[][] {
  return reasonsOf(project(markdown), spans);
}

const reasonsOf = ({ text, blocks }: Projection, spans: Span[]) =>
  scoreSpans(text, blocks, spans).map((s) => s.reasons);

/** What an exercise's article gives every request: its sentences (when asked for) and the counted claims' reasons. */
export interface ExerciseText {
  /** `sentenceUnits` of the article; empty unless `sentences` was asked for ("marked" mode shows the claims). */
  sentences: Unit[];
  /** `engineReasons` of the counted claims, in their order. */
  reasons: string[][];
}

/** `sentenceUnits` and `engineReasons` of one article from one projection: the work an exercise's pages share. */
export function splitExercise(
  markdown: string,
  counted: Span[],
  language: string | undefined,
  sentences: boolean,
): ExerciseText {
  const projection = project(markdown);
  return {
    sentences: sentences ? unitsOf(projection, counted, language) : [],
    reasons: reasonsOf(projection, counted),
  };
}
