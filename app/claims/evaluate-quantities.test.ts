import { describe, expect, it } from "vitest";
import { AFTER_TUNING_QUANTITY_LABELS, evaluateQuantityFixtures } from "../../scripts/eval-fixtures";
import { evaluateQuantities } from "./evaluate-quantities";
import { claimQuantities } from "./quantities";

describe("scoring parsed figures against labelled ones", () => {
  const text = "Revenue rose 26% to $9 billion. It has 16 GB.";
  const parsed = claimQuantities({ start: 0, text });

  it("counts a figure right only when it reads the same at the same place", () => {
    const result = evaluateQuantities(text, parsed, [
      {
        in: "Revenue rose 26% to $9 billion.",
        quantities: [
          { text: "26%", value: 26, unit: "%", measure: "percent" },
          { text: "$9 billion", value: 9, unit: "USD", measure: "money" },
        ],
      },
    ]);
    expect(result).toMatchObject({ parsed: 3, labelled: 2, correct: 1, precision: 1 / 3, recall: 0.5 });
    expect(result.missed).toEqual(["$9 billion (9 USD, money)"]);
    expect(result.wrong).toEqual(["$9 billion (9000000000 USD, money)", "16 GB (16 GB, memory)"]);
  });

  it("checks the normalised form when the label gives one", () => {
    const label = { text: "16 GB", value: 16, unit: "GB", measure: "memory" as const };
    const right = evaluateQuantities(text, parsed, [{ in: "It has 16 GB.", quantities: [label] }]);
    expect(right.recall).toBe(1);
    const wrong = evaluateQuantities(text, parsed, [
      { in: "It has 16 GB.", quantities: [{ ...label, normalized: { value: 16, unit: "GiB" } }] },
    ]);
    expect(wrong.recall).toBe(0);
  });

  it("refuses labels that are not in the text", () => {
    expect(() => evaluateQuantities(text, parsed, [{ in: "Not there.", quantities: [] }])).toThrow(
      /not found/,
    );
    expect(() =>
      evaluateQuantities(text, parsed, [
        { in: "It has 16 GB.", quantities: [{ text: "32 GB", value: 32, unit: "GB", measure: "memory" }] },
      ]),
    ).toThrow(/"32 GB" not found/);
  });
});

describe("the labelled figures (fixtures/eval/quantity-labels.json)", () => {
  const { rows, overall } = evaluateQuantityFixtures();

  it("covers every labelled article and the held-out sentences", () => {
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(["alibaba-ai-chip", "held-out sentences"]),
    );
    expect(overall.labelled).toBeGreaterThanOrEqual(100);
  });

  it("reaches precision and recall of 0.95", () => {
    expect(overall.precision, overall.wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall, overall.missed.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the figures of the articles written after tuning (fixtures/eval/after-tuning-quantity-labels.json)", () => {
  const { rows, overall } = evaluateQuantityFixtures(AFTER_TUNING_QUANTITY_LABELS);

  it("covers both English articles, apart from the tuned labels", () => {
    expect(rows.map((r) => r.name).sort()).toEqual(["after-tuning-en-capex", "after-tuning-en-soc"]);
    expect(overall.labelled).toBeGreaterThanOrEqual(50);
  });

  it("reaches precision and recall of 0.95", () => {
    expect(overall.precision, overall.wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall, overall.missed.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
