import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "../claims/extract";
import { project } from "../claims/projection";
import { NO_ATTRIBUTION, NO_FIGURES, type PublishedClaim } from "../publishing/snapshot";
import { normalizeCode, formatCode, codeProblem, CODE_ALPHABET } from "./codes";
import { compare, credit, engineReasons, sentenceUnits, sourceRelation, tally } from "./compare";

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
    checkedBy: "",
    approvedBy: "",
    ...NO_ATTRIBUTION,
    ...NO_FIGURES,
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

  it("say why what was typed is not a code", () => {
    expect(codeProblem("ABCDE-FGHIJ")).toMatch(/never use I, L, O, 0 or 1.*yours has I\./);
    expect(codeProblem("abcde-2345o")).toMatch(/yours has O\./);
    expect(codeProblem("ABCDE-2345")).toMatch(/ten letters and digits.*that has 9\./);
    expect(codeProblem("ABCDE-2345!")).toMatch(/only letters and digits/);
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

describe("partial credit along the verdict scale", () => {
  it("gives 1 for the same verdict, ½ for a neighbour on the scale, 0 for anything farther", () => {
    expect(credit("accurate", "accurate")).toBe(1);
    expect(credit("accurate", "mostly-accurate")).toBe(0.5);
    expect(credit("misleading", "inaccurate")).toBe(0.5);
    expect(credit("accurate", "misleading")).toBe(0);
    expect(credit("accurate", "inaccurate")).toBe(0);
    expect(credit("", "accurate")).toBe(0);
  });

  it("keeps Unsupported off the scale, near only to “not enough information”", () => {
    expect(credit("unsupported", "unsupported")).toBe(1);
    expect(credit("not-enough-information", "unsupported")).toBe(0.5);
    expect(credit("not-enough-information", "accurate")).toBe(0);
    expect(credit("inaccurate", "unsupported")).toBe(0);
    expect(credit("unsupported", "inaccurate")).toBe(0);
  });

  it("adds up into the comparison's score, and the tally counts same, next and far", () => {
    const memory = unitFor("Memory Bandwidth").index;
    const nvidia = unitFor("In contrast, Nvidia stock dipped").index;
    const result = compare(units, counted, [
      { unit: memory, verdict: "not-enough-information", source: "company-data" },
      { unit: nvidia, verdict: "accurate", source: "market-data" },
    ]);
    expect(result.claims.map((c) => c.credit)).toEqual([0.5, 0, 0.5]);
    expect(result.score).toBe(1);
    const [memoryTally] = tally(units, counted.slice(0, 1), [
      [{ unit: memory, verdict: "unsupported", source: "" }],
      [{ unit: memory, verdict: "not-enough-information", source: "" }],
      [{ unit: memory, verdict: "accurate", source: "" }],
    ]);
    expect(memoryTally).toMatchObject({ foundBy: 3, same: 1, near: 1, wrong: 1 });
  });
});

describe("the article as students see it", () => {
  it("leaves out the import's boilerplate, keeps numbers stable and groups sentences by paragraph", () => {
    const texts = units.map((u) => u.text).join("\n");
    expect(texts).not.toMatch(/Patreon|Scroll to Top|TOP 10 DONATOR/);
    // Numbers count every sentence, shown or not, so stored answers keep meaning the same sentence.
    expect(units.some((u, i) => i > 0 && u.index !== units[i - 1]!.index + 1)).toBe(true);
    expect(units.at(-1)!.index).toBeGreaterThan(units.length);
    const memory = unitFor("Memory Bandwidth");
    expect(memory.kind).toBeDefined();
    expect(units.filter((u) => u.block === memory.block).length).toBeGreaterThanOrEqual(1);
  });

  it("puts every sentence in the block (heading, list item, paragraph) whose text holds it", () => {
    const mixed = `${markdown}\n\n# A heading of four words\n\n- One item of a list.\n- Another item in the list.\n\n${"Short paragraph with four words.\n\n".repeat(300)}`;
    const { text, blocks } = project(mixed);
    const found = sentenceUnits(mixed);
    expect(found.length).toBeGreaterThan(300);
    for (const unit of found) {
      const block = blocks[unit.block!]!;
      expect(block.start <= unit.start && unit.start < block.end, text.slice(unit.start, unit.end)).toBe(
        true,
      );
      expect(unit.kind).toBe(block.kind);
    }
    expect(found.find((u) => u.text === "A heading of four words")?.kind).toBe("heading");
    expect(found.find((u) => u.text === "Another item in the list.")?.kind).toBe("list-item");
  });

  it("keeps a boilerplate-looking sentence when it holds a claim that counts", () => {
    const all = sentenceUnits(markdown, []);
    const patreon = toMarkdown("Support us on Patreon: 5,000 readers gave $12 each in 2024.", "markdown");
    expect(sentenceUnits(patreon, [])).toHaveLength(0);
    expect(sentenceUnits(patreon, [{ start: 0, end: 20 }])).toHaveLength(1);
    expect(all.length).toBe(units.length);
  });
});

describe("students' own sources", () => {
  const theirs = [{ url: "https://www.asianfin.com/articles/182947" }, { url: "https://news.bbc.co.uk/a" }];
  it("are the same page, the same site, or a different source from the fact-checkers'", () => {
    expect(sourceRelation("https://asianfin.com/articles/182947/", theirs)).toBe("same-page");
    expect(sourceRelation("https://www.asianfin.com/articles/1", theirs)).toBe("same-site");
    expect(sourceRelation("https://www.bbc.co.uk/news", theirs)).toBe("same-site");
    expect(sourceRelation("https://other.co.uk/news", theirs)).toBe("different");
    expect(sourceRelation("not a link", theirs)).toBeNull();
  });

  it("are read from the form, bounded, and only web addresses", async () => {
    const { readAnswers } = await import("./exercises.server");
    const exercise = { mode: "marked", units: [{ index: 1, start: 0, end: 5, text: "Claim" }] } as never;
    const base = { displayName: "Ada", "verdict-1": "accurate", "source-1": "expert" };
    expect(readAnswers(exercise, { ...base, "evidence-1": "javascript:alert(1)" })).toEqual({
      errors: { "evidence-1": "“Claim”: give a web address starting with https:// (or leave it empty)." },
    });
    expect(readAnswers(exercise, { ...base, "reason-1": "x".repeat(301) })).toMatchObject({
      errors: { "reason-1": expect.stringContaining("one sentence") },
    });
    const asking = { ...(exercise as object), askSource: true } as never;
    expect(readAnswers(asking, base)).toEqual({
      errors: {
        publisherGuess: "Say who published the article and who they are.",
        purposeGuess: "Say what you think they want from their readers.",
      },
    });
    expect(
      readAnswers(asking, { ...base, publisherGuess: " A paper ", purposeGuess: "Sell ads" }),
    ).toMatchObject({
      guesses: { publisherGuess: "A paper", purposeGuess: "Sell ads" },
    });
    expect(
      readAnswers(exercise, { ...base, "evidence-1": " https://example.org/a ", "reason-1": " Because. " }),
    ).toEqual({
      displayName: "Ada",
      answers: [
        {
          unit: 1,
          verdict: "accurate",
          source: "expert",
          evidence: "https://example.org/a",
          reason: "Because.",
        },
      ],
      guesses: { publisherGuess: "", purposeGuess: "" },
    });
  });
});

describe("the CSV export", () => {
  it("quotes every cell and never lets a spreadsheet run a student's input", async () => {
    const { csvCell } = await import("./csv.server");
    expect(csvCell('Ada "the great"')).toBe('"Ada ""the great"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe('"\'+1"');
    expect(csvCell(3)).toBe('"3"');
  });
});
