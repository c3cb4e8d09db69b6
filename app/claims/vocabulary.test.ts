import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHAPES } from "./shapes";
import { tagsOf } from "./entities";
import { eventVerb, NAME, nameMatches } from "./vocabulary";

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

describe("eventVerb", () => {
  const event = (text: string) => eventVerb(text, tagsOf)?.[0] ?? null;

  it("finds event words used as verbs", () => {
    expect(event("Alibaba designs chips.")).toBe("designs");
    expect(event("Alibaba will launch the chip.")).toBe("launch");
    expect(event("Acme plans to cut prices.")).toBe("cut");
    expect(event("Acme also builds servers.")).toBe("builds");
    expect(event("The company designs chips.")).toBe("designs");
    expect(event("Acme is building a fab.")).toBe("building");
    expect(event("Rivals all compete on price.")).toBe("compete");
    // Past forms report that something happened wherever they stand.
    expect(event("The stolen records include names.")).toBe("stolen");
  });

  it("passes over the same words used as nouns, to a verb after them", () => {
    expect(event("The chip’s designs are new.")).toBeNull();
    expect(event("The launch is in March.")).toBeNull();
    expect(event("Its first launch was a success.")).toBeNull();
    expect(event("A 5% cut is likely.")).toBeNull();
    expect(event("Reduces operational costs for data centers.")).toBeNull();
    expect(event("The launch of the chip was a success.")).toBeNull();
    expect(event("Ahead of launch-day coverage, nothing is known.")).toBeNull();
    expect(event("Costs rose 5%.")).toBe("rose");
    expect(event("After the launch, Alibaba designs chips.")).toBe("designs");
  });
});
