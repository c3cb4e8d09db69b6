import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { selectorFor } from "./anchor";
import { extract, toMarkdown } from "./extract";
import { project } from "./projection";
import { reanchor, reanchorAll, type Anchor } from "./reanchor";

const seed = project(
  toMarkdown(
    readFileSync(new URL("../../fixtures/alibaba-ai-chip.txt", import.meta.url), "utf8"),
    "markdown",
  ),
).text;

function anchorOf(text: string, quote: string, occurrence = 0): Anchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  const { exact, prefix, suffix } = selectorFor(text, { start, end: start + quote.length });
  return { quote: exact, prefix, suffix, start };
}

function placed(text: string, anchor: Anchor) {
  const result = reanchor(text, anchor);
  return result.status === "placed" ? text.slice(result.start, result.end) : result;
}

const CLAIM = "Memory Bandwidth: 512 GB/s.";

describe("re-anchoring claims after the article changes", () => {
  it("keeps a claim whose text did not change, wherever it moved", () => {
    const anchor = anchorOf(seed, CLAIM);
    const paragraphs = seed.split("\n\n");
    const moved = [paragraphs[paragraphs.length - 1], ...paragraphs.slice(0, -1)].reverse().join("\n\n");
    const result = reanchor(moved, anchor);
    expect(result).toMatchObject({ status: "placed", how: "exact" });
    expect(placed(moved, anchor)).toBe(CLAIM);
  });

  it("follows a typo fix inside the claim", () => {
    const quote = "Alibaba’s shares spiked—up to +13% on the news.";
    const original = seed.replace(quote, "Alibaba’s shraes spiked—up to +13% on the news.");
    const anchor = anchorOf(original, "Alibaba’s shraes spiked—up to +13% on the news.");
    const result = reanchor(seed, anchor);
    expect(result).toMatchObject({ status: "placed", how: "fuzzy" });
    expect(placed(seed, anchor)).toBe(quote);
  });

  it("survives whitespace and punctuation normalisation", () => {
    const quote =
      "It’s manufactured domestically—marking a big shift from earlier AI chips outsourced to Taiwan’s TSMC.";
    const anchor = anchorOf(seed, quote);
    const normalised = seed.replace(
      quote,
      "It's manufactured  domestically - marking a big shift from earlier AI chips outsourced to Taiwan's TSMC.",
    );
    expect(reanchor(normalised, anchor)).toMatchObject({ status: "placed" });
    expect(placed(normalised, anchor)).toBe(
      "It's manufactured  domestically - marking a big shift from earlier AI chips outsourced to Taiwan's TSMC.",
    );
  });

  it("makes a deleted claim an orphan", () => {
    const anchor = anchorOf(seed, CLAIM);
    const deleted = seed.replace(CLAIM + " Enables high-speed data processing for AI workloads.", "");
    expect(reanchor(deleted, anchor)).toMatchObject({ status: "orphan" });
  });

  it("never attaches a claim to a look-alike passage", () => {
    const anchor = anchorOf(seed, CLAIM);
    const lookAlike = seed
      .replace(CLAIM, "Memory Bandwidth: 256 GB/s.")
      .replace("Process Node: 5nm technology.", "Memory Bandwidth: 128 GB/s.");
    const result = reanchor(lookAlike, anchor);
    // Either placed on the edited original (same place, same context) or an orphan: never the other line.
    if (result.status === "placed")
      expect(result.start).toBe(lookAlike.indexOf("Memory Bandwidth: 256 GB/s."));
    const far = "An unrelated article about memory: bandwidth of 512 GB/s is common in servers.";
    expect(reanchor(far, anchor)).toMatchObject({ status: "orphan" });
  });

  it("picks the right copy of a duplicated passage, or none", () => {
    const quote = "Nvidia stock dipped 3–4%";
    const anchor = anchorOf(seed, quote);
    // Duplicated elsewhere with other surroundings: the original place wins on context.
    const withCopy = seed + "\n\nRecap: " + quote + " in a single day.";
    const result = reanchor(withCopy, anchor);
    expect(result).toMatchObject({ status: "placed", start: seed.indexOf(quote) });
    // The whole paragraph duplicated, context and all: ambiguous, so an orphan.
    const paragraph = seed.split("\n\n").find((p) => p.includes(quote))!;
    const twice = seed.replace(paragraph, `${paragraph}\n\n${paragraph}`);
    const twiceResult = reanchor(twice, { ...anchor, start: 0 });
    expect(
      twiceResult.status === "orphan" ||
        (twiceResult.status === "placed" && twice.slice(twiceResult.start, twiceResult.end) === quote),
    ).toBe(true);
  });

  it("orphans the claims of a heavily rewritten article rather than guessing", () => {
    const rewritten = project(
      "Alibaba has reportedly built an inference chip. Its specifications are unknown. Shares moved on the report, and Nvidia's slipped. Other Chinese firms are making accelerators too.",
    ).text;
    const claims = extract(
      toMarkdown(
        readFileSync(new URL("../../fixtures/alibaba-ai-chip.txt", import.meta.url), "utf8"),
        "markdown",
      ),
    ).claims;
    const results = claims.map((c) => reanchor(rewritten, anchorOf(seed, c.text)));
    const wronglyPlaced = results.filter((r) => r.status === "placed");
    expect(wronglyPlaced).toEqual([]);
  });

  it("refuses an empty quote", () => {
    expect(reanchor(seed, { quote: " ", prefix: "", suffix: "", start: 0 })).toMatchObject({
      status: "orphan",
    });
  });
});

describe("re-anchoring every claim of a revision within a budget", () => {
  const claims = [
    "Memory Bandwidth: 512 GB/s.",
    "The chip is made on a 7 nm process.",
    "It draws 300 W at full load.",
  ];
  const before = `Specs. ${claims.join(" Then. ")} End.`;

  it("places each claim as reanchor does, in order", () => {
    const after = `New opening. ${before.replace("7 nm", "7-nm")}`;
    const anchors = claims.map((quote) => anchorOf(before, quote));
    expect(reanchorAll(after, anchors)).toEqual(anchors.map((anchor) => reanchor(after, anchor)));
  });

  it("gives up past its budget, placing nothing rather than orphaning what it did not reach", () => {
    const after = before.replace("7 nm", "7-nm").replace("300 W", "300 watts");
    const anchors = claims.map((quote) => anchorOf(before, quote));
    let clock = 0;
    // Each look at the clock takes a second: the budget runs out in the second pass.
    expect(reanchorAll(after, anchors, 3_500, () => (clock += 1_000))).toBeNull();
    clock = 0;
    expect(reanchorAll(after, anchors, 1_000, () => (clock += 1_000))).toBeNull();
    const placements = reanchorAll(after, anchors, 60_000)!;
    expect(placements.map((p) => p.status)).toEqual(["placed", "placed", "placed"]);
    expect(placements[0]).toMatchObject({ how: "exact" });
    expect(placements[1]).toMatchObject({ how: "fuzzy" });
  });
});
