import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { contextAround, cutAtWord, cutAtWordFromEnd } from "./words";

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

describe("contextAround", () => {
  it("drops the partial words a fixed-length context was cut at", () => {
    const prefix = "ny said on Friday that revenue ";
    const suffix = ", up from $3.8 billion a year ea";
    expect(contextAround(prefix.padStart(32, "x"), suffix, 32)).toEqual({
      before: "…said on Friday that revenue ",
      after: ", up from $3.8 billion a year…",
    });
  });

  it("shows a context that reached the start or end of the text whole", () => {
    expect(contextAround("Acme ", ".", 32)).toEqual({ before: "Acme ", after: "." });
  });
});
