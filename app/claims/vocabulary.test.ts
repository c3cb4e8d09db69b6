import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHAPES } from "./shapes";
import { tagsOf } from "./entities";
import { metered } from "./meter";
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

  it("reads a base form after a singular noun as the head of a compound, not a verb", () => {
    // A singular subject would take "launches": "the GPU launch" and "a chip launch" name events.
    expect(event("Analysts expect the GPU launch in March.")).toBeNull();
    expect(event("Reviewers praised a chip launch last year.")).toBeNull();
    expect(event("Chip launch slipped.")).toBeNull();
    expect(event("The price rise hurt demand.")).toBeNull();
    expect(event("Nvidia’s GPU launch and the Apple launch slipped.")).toBeNull();
    expect(event("The data centre build slipped.")).toBeNull();
    // Unknown to the lexicon, without a plural's ending: a singular noun too.
    expect(event("The smartphone launch slipped.")).toBeNull();
    // The sentence's verb is still found after the compound.
    expect(event("The chip launch drew crowds.")).toBe("drew");
  });

  it("keeps a base form a verb after what it agrees with", () => {
    expect(event("The new phones launch in May.")).toBe("launch");
    expect(event("Acme chips launch next week.")).toBe("launch");
    expect(event("People launch apps daily.")).toBe("launch");
    expect(event("Police launch an inquiry.")).toBe("launch");
    expect(event("They build servers.")).toBe("build");
    expect(event("We launch today.")).toBe("launch");
    expect(event("I invest in chips.")).toBe("invest");
    // Subjects joined by "and": the base form agrees with both.
    expect(event("Intel and AMD launch new chips.")).toBe("launch");
    expect(event("Firms that invest in chips grew.")).toBe("invest");
    expect(event("Acme will help launch the chip.")).toBe("launch");
    // A past form spelt as the base form: "the company cut jobs" reports a cut.
    expect(event("The company cut 500 jobs.")).toBe("cut");
    expect(event("The chip cost $40 to make.")).toBe("cost");
    // An -s form agrees with a singular noun: still a verb.
    expect(event("The company launches a chip.")).toBe("launches");
  });

  it("reads the words before each event word from a bounded window, however long the text", () => {
    const work = (n: number) =>
      metered(() => event(`${"the chip launch ".repeat(n)}Acme chip${" launch".repeat(n)}`));
    const small = work(5_000);
    const large = work(20_000);
    expect(small.result).toBeNull();
    expect(large.result).toBeNull();
    expect(large.steps / small.steps).toBeLessThanOrEqual(5);
  });
});
