import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHAPES } from "./shapes";
import { NAME, nameMatches } from "./vocabulary";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("nameMatches", () => {
  it("finds exactly what NAME finds, in articles, in every shape of input and in random text", () => {
    const next = random(14);
    const alphabet = "aAbBzZ1 -’'&.,ÉéxX中";
    const texts = [
      readFileSync(new URL("../../fixtures/alibaba-ai-chip.txt", import.meta.url), "utf8"),
      ...Object.values(SHAPES).map((shape) => shape(3000)),
      "iPhone eGPU aBcD 5aB A1 Acme’s-x A AB x-Acme MetaX 5G ÉTÉ ça aÉ 中A d’Alibaba O’Neil 5Ab-Xy",
      ...Array.from({ length: 2000 }, () =>
        Array.from({ length: 40 }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""),
      ),
    ];
    for (const text of texts) {
      const expected = [...text.matchAll(NAME)].map((m) => ({ index: m.index, word: m[0] }));
      expect(nameMatches(text), text).toEqual(expected);
    }
  });
});
