import { describe, expect, it } from "vitest";
import { scoreSpans } from "./detect";
import { extract } from "./extract";
import { metered } from "./meter";
import { SHAPES } from "./shapes";

/**
 * The extract's work, counted by its own meter (no clock), on a document of every shape at a
 * size and at four times that size. Linear work grows about 4x; per-sentence scans over all
 * blocks or re-reading a sentence for each of its clauses grew 16x here.
 */
const SIZE = 20_000;
const GROWTH_LIMIT = 5;

const steps = (work: () => unknown) => metered(work).steps;

describe("the extract's work grows linearly with its input", () => {
  it.each(Object.keys(SHAPES))("%s", (name) => {
    const shape = SHAPES[name]!;
    const small = steps(() => extract(shape(SIZE)));
    const large = steps(() => extract(shape(4 * SIZE)));
    expect(small).toBeGreaterThan(0);
    expect(
      large / small,
      `${name}: ${small} steps at ${SIZE} characters, ${large} at ${4 * SIZE}`,
    ).toBeLessThanOrEqual(GROWTH_LIMIT);
  });

  it("scoring an editor's span reads the document once, whatever its shape", () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      const work = (size: number) => {
        const { projection } = extract(shape(size));
        const span = { start: 0, end: Math.min(40, projection.text.length) };
        return steps(() => scoreSpans(projection.text, projection.blocks, [span]));
      };
      const small = work(SIZE);
      const large = work(4 * SIZE);
      expect(large / Math.max(1, small), name).toBeLessThanOrEqual(GROWTH_LIMIT);
    }
  });
});
