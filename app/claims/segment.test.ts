import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { project } from "./projection";
import { segment } from "./segment";

const golden = JSON.parse(
  readFileSync(new URL("../../../shared/conformance/golden-rules-en.json", import.meta.url), "utf8"),
) as {
  cases: Array<{ id: number; input: string; expected: string[] }>;
};

describe("English Golden Rules", () => {
  it.each(golden.cases.map((c) => [c.id, c] as const))("rule %i", (_id, rule) => {
    expect(segment(rule.input).map((s) => s.text)).toEqual(rule.expected);
  });

  it("passes all 48", () => {
    const passing = golden.cases.filter(
      (c) => JSON.stringify(segment(c.input).map((s) => s.text)) === JSON.stringify(c.expected),
    );
    console.log(`Golden Rules: ${passing.length}/${golden.cases.length} pass`);
    expect(golden.cases).toHaveLength(48);
    expect(passing.length).toBe(48);
  });
});

const texts = (input: string) => segment(input).map((s) => s.text);

describe("real web text", () => {
  it("splits spec-table lines and keeps their decimals and units", () => {
    const { text, blocks } = project(
      "Memory Bandwidth: 512 GB/s. Enables high-speed data processing.\nInference: 4.0 TB/s at $100.00. Version 2.0.1 ships.",
    );
    expect(segment(text, blocks).map((s) => s.text)).toEqual([
      "Memory Bandwidth: 512 GB/s.",
      "Enables high-speed data processing.",
      "Inference: 4.0 TB/s at $100.00.",
      "Version 2.0.1 ships.",
    ]);
  });

  it("recovers a missing space after a full stop, but not inside addresses", () => {
    expect(texts("Training depends on the H-series.Q: How does this affect the stock?")).toEqual([
      "Training depends on the H-series.",
      "Q: How does this affect the stock?",
    ]);
    expect(texts("Write to Jane.Doe@example.com or see www.example.com/A.Html today.")).toHaveLength(1);
  });

  it("keeps abbreviations inside sentences", () => {
    expect(
      texts(
        "Alibaba Group Holding Ltd. said the Dept. of Commerce approved approx. 12 units, e.g. the H20, vs. the H100 at 9 a.m. on Monday.",
      ),
    ).toHaveLength(1);
    expect(texts("Smith et al. reported growth. It was large.")).toEqual([
      "Smith et al. reported growth.",
      "It was large.",
    ]);
  });

  it("treats blocks and line breaks as boundaries, but not soft-wrapped prose", () => {
    const { text, blocks } = project(
      "# Heading without stop\n\nFirst paragraph\n\n- item one\n- item two\n\nA sentence that wraps\nonto a second line.",
    );
    expect(segment(text, blocks).map((s) => s.text)).toEqual([
      "Heading without stop",
      "First paragraph",
      "item one",
      "item two",
      "A sentence that wraps\nonto a second line.",
    ]);
  });

  it("handles CJK punctuation and emoji", () => {
    expect(texts("阿里巴巴发布了新芯片。股价上涨了13%！这是真的吗？")).toEqual([
      "阿里巴巴发布了新芯片。",
      "股价上涨了13%！",
      "这是真的吗？",
    ]);
    expect(texts("🔥 Shares rose 13%. 💛 Thank you!")).toEqual(["🔥 Shares rose 13%.", "💛 Thank you!"]);
  });

  it("handles quotes across sentences and ellipses", () => {
    expect(texts("“We are ready,” he said. “The chip ships in 2025.” Analysts doubt it…")).toEqual([
      "“We are ready,” he said.",
      "“The chip ships in 2025.”",
      "Analysts doubt it…",
    ]);
  });
});

describe("offsets", () => {
  const adversarial = fc.oneof(
    fc.string({
      unit: fc.constantFrom(
        ".",
        " ",
        "!",
        "?",
        "\n",
        "A",
        "a",
        "1",
        '"',
        "”",
        "…",
        "。",
        "•",
        "-",
        "(",
        ")",
        "é",
      ),
      maxLength: 400,
    }),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.string({
      unit: fc.constantFrom(" ", "\u00a0", "\u2028", "\ufeff", "\u3000", "\v", "x", ".", "X"),
      maxLength: 200,
    }),
    fc
      .array(
        fc.constantFrom(
          "Mr.",
          "U.S.",
          "1.",
          "a.",
          "...",
          ". . .",
          "The",
          "end.",
          "Q:",
          "\n",
          "“Yes.”",
          "$4.00",
          "e.g.",
          "I.",
        ),
        { maxLength: 80 },
      )
      .map((words) => words.join(" ")),
  );

  it("every sentence is the exact slice at its offsets, in order, without overlap", () => {
    fc.assert(
      fc.property(adversarial, (input) => {
        const sentences = segment(input);
        let last = 0;
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(input.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          last = s.end;
        }
        // Nothing but whitespace is left out.
        const covered = sentences.map((s) => s.text).join("");
        expect(covered.replace(/\s/g, "")).toBe(input.replace(/\s/g, ""));
      }),
      { numRuns: 500 },
    );
  });

  it("stays linear on pathological runs (dots, digits, capitals, quotes)", () => {
    // Not a timing assertion: the work is counted by input size. A quadratic pass over 200k
    // characters would not finish within the test timeout.
    for (const unit of [". ", ".", "1.", "A. ", '"', "... ", "U.S. "]) {
      const input = unit.repeat(Math.ceil(200_000 / unit.length));
      const sentences = segment(input);
      expect(sentences.length).toBeGreaterThan(0);
      expect(sentences[sentences.length - 1]!.end).toBeLessThanOrEqual(input.length);
    }
  });
});
