import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { trimDanglingEdges } from "./split-edges";

const trimmed = (text: string) => {
  const { start, end } = trimDanglingEdges(text, { start: 0, end: text.length });
  return text.slice(start, end);
};

describe("trimDanglingEdges", () => {
  it("drops the conjunction and comma a split leaves at the end of the first part", () => {
    expect(trimmed("The GV100 was launched in 2015, and ")).toBe("The GV100 was launched in 2015");
    expect(trimmed("It doubled its sales; but")).toBe("It doubled its sales");
    expect(trimmed("Sales rose 12% — and so")).toBe("Sales rose 12%");
    expect(trimmed("It was cheaper, AND\u00a0")).toBe("It was cheaper");
    expect(trimmed("prices fell because")).toBe("prices fell");
  });

  it("drops a joining word and punctuation at the start of the second part", () => {
    expect(trimmed(", and it sold 3 million units.")).toBe("it sold 3 million units.");
    expect(trimmed("but only in Europe.")).toBe("only in Europe.");
    expect(trimmed("; or 40 TOPS at 8 W")).toBe("40 TOPS at 8 W");
  });

  it("keeps words that merely contain a conjunction, and sentence openers", () => {
    expect(trimmed("The company rebuilt its brand")).toBe("The company rebuilt its brand");
    expect(trimmed("Anderson said the chip ships in May")).toBe("Anderson said the chip ships in May");
    expect(trimmed("As a result, sales rose")).toBe("As a result, sales rose");
    expect(trimmed("Oracle and")).toBe("Oracle");
    expect(trimmed("orbit of 400 km")).toBe("orbit of 400 km");
    expect(trimmed("It ran on Android")).toBe("It ran on Android");
    expect(trimmed("the U.S.and")).toBe("the U.S.and");
    expect(trimmed("and-or logic is used")).toBe("and-or logic is used");
  });

  it("keeps the end of a sentence and balanced brackets", () => {
    expect(trimmed("It shipped in 2017.")).toBe("It shipped in 2017.");
    expect(trimmed("“It is the fastest,” he said?")).toBe("“It is the fastest,” he said?");
    expect(trimmed("(the GV100) sold well")).toBe("(the GV100) sold well");
    expect(trimmed("sold well (")).toBe("sold well");
  });

  it("leaves nothing of a part that was only joining words, so the split can be refused", () => {
    expect(trimmed(", and so, ")).toBe("");
    expect(trimmed("and")).toBe("");
    expect(trimmed("   ")).toBe("");
  });

  it("only ever narrows the span, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(60), fc.nat(60), (text, a, b) => {
        const span = { start: Math.min(a, b, text.length), end: Math.min(Math.max(a, b), text.length) };
        const once = trimDanglingEdges(text, span);
        expect(once.start).toBeGreaterThanOrEqual(span.start);
        expect(once.end).toBeLessThanOrEqual(span.end);
        expect(once.start).toBeLessThanOrEqual(once.end);
        expect(trimDanglingEdges(text, once)).toEqual(once);
      }),
    );
  });
});
