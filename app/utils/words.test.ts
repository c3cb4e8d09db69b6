import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cutAtWord, cutAtWordFromEnd } from "./words";

describe("cutAtWord", () => {
  it("cuts between words, never inside one", () => {
    expect(cutAtWord("The GV100 was launched in 2015", 20)).toBe("The GV100 was");
    expect(cutAtWord("The GV100 was launched in 2015", 20, "…")).toBe("The GV100 was…");
    expect(cutAtWord("short", 20, "…")).toBe("short");
    expect(cutAtWord("Supercalifragilistic", 5)).toBe("Super");
    expect(cutAtWord("one, two", 5)).toBe("one");
  });

  it("from the end, starts at a word", () => {
    expect(cutAtWordFromEnd("The GV100 was launched in 2015", 12)).toBe("in 2015");
    expect(cutAtWordFromEnd("The GV100 was launched in 2015", 12, "…")).toBe("…in 2015");
  });

  it("stays within the limit and is a prefix (or suffix) of the words", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 60 }), (text, max) => {
        const head = cutAtWord(text, max, "…");
        expect(head.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(text.startsWith(head.replace(/…$/, ""))).toBe(true);
        const tail = cutAtWordFromEnd(text, max, "…");
        expect(tail.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(text.endsWith(tail.replace(/^…/, ""))).toBe(true);
      }),
    );
  });
});
