import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "../claims/extract";
import type { PublishedClaim } from "../publishing/snapshot";
import { normalizeCode, formatCode, CODE_ALPHABET } from "./codes";
import { compare, engineReasons, sentenceUnits, tally } from "./compare";

const markdown = toMarkdown(readFileSync("fixtures/alibaba-ai-chip.txt", "utf8"), "markdown");
const units = sentenceUnits(markdown);
const unitFor = (text: string) => units.find((u) => u.text.includes(text))!;

function claim(number: number, quote: string, verdict: PublishedClaim["verdict"]): PublishedClaim {
  const unit = unitFor(quote);
  const start = unit.start + unit.text.indexOf(quote);
  return {
    id: number,
    number,
    start,
    end: start + quote.length,
    quote,
    prefix: "",
    suffix: "",
    verdict,
    rationale: "",
    approvedBy: "",
    approvedAt: "2026-01-01T00:00:00.000Z",
    evidence: [],
  };
}

const counted = [
  claim(1, "Memory Bandwidth: 512 GB/s.", "unsupported"),
  claim(2, "Alibaba’s shares spiked—up to +13% on the news.", "misleading"),
  claim(3, "Nvidia stock dipped 3–4%", "mostly-accurate"),
];

describe("share codes", () => {
  it("accept what students type, and nothing else", () => {
    expect(normalizeCode("abcde 23456")).toBe("ABCDE23456");
    expect(normalizeCode("ABCDE-23456")).toBe("ABCDE23456");
    expect(normalizeCode("ABCDE-2345")).toBeNull();
    expect(normalizeCode("ABCDE-2345O")).toBeNull(); // O looks like 0: not in the alphabet
    expect(formatCode("ABCDE23456")).toBe("ABCDE-23456");
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });
});

describe("comparing a student's marks with the fact-check", () => {
  it("finds claims through the sentences that contain them, and keeps what the fact-checkers did not count", () => {
    const result = compare(units, counted, [
      { unit: unitFor("Memory Bandwidth").index, verdict: "unsupported", source: "company-data" },
      { unit: unitFor("In contrast, Nvidia stock dipped").index, verdict: "accurate", source: "market-data" },
      { unit: unitFor("Markets moved quickly").index, verdict: "accurate", source: "market-data" },
    ]);
    expect(result.claims.map((c) => [c.claim.number, c.found, c.verdict, c.agrees])).toEqual([
      [1, true, "unsupported", true],
      [2, false, "", false],
      [3, true, "accurate", false],
    ]);
    expect(result).toMatchObject({ found: 2, agreed: 1 });
    expect(result.added.map((a) => a.unit.text)).toEqual([
      "Markets moved quickly after Alibaba’s announcement.",
    ]);
  });

  it("ignores answers about passages that are not in the exercise", () => {
    expect(compare(units, counted, [{ unit: 99_999, verdict: "accurate", source: "expert" }]).found).toBe(0);
  });

  it("tallies per claim how many found it and their verdicts", () => {
    const memory = unitFor("Memory Bandwidth").index;
    const [first] = tally(units, counted.slice(0, 1), [
      [{ unit: memory, verdict: "unsupported", source: "company-data" }],
      [{ unit: memory, verdict: "inaccurate", source: "independent-testing" }],
      [],
    ]);
    expect(first!.foundBy).toBe(2);
    expect(first!.verdicts).toMatchObject({ unsupported: 1, inaccurate: 1, accurate: 0 });
  });

  it("explains claims with the engine's reasons", () => {
    const [memory] = engineReasons(markdown, counted);
    expect(memory!.join(" ")).toContain("Contains a figure or measurement (“512 GB/s”)");
  });
});

describe("the CSV export", () => {
  it("quotes every cell and never lets a spreadsheet run a student's input", async () => {
    const { csvCell } = await import("./exercises.server");
    expect(csvCell('Ada "the great"')).toBe('"Ada ""the great"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe('"\'+1"');
    expect(csvCell(3)).toBe('"3"');
  });
});
