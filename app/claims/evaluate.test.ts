import { describe, expect, it } from "vitest";
import {
  AFTER_TUNING_ENTITY_LABELS,
  evaluateEntityFixtures,
  evaluateFixtures,
} from "../../scripts/eval-fixtures";
import { evaluate, evaluateEntities, matches } from "./evaluate";

describe("matching proposals to labels", () => {
  it("counts a proposal that shares at least half of the shorter span", () => {
    expect(matches({ start: 0, end: 100 }, { start: 10, end: 30 })).toBe(true); // a sentence finds its clause
    expect(matches({ start: 0, end: 10 }, { start: 5, end: 100 })).toBe(true); // a clause inside a long label
    expect(matches({ start: 0, end: 10 }, { start: 8, end: 30 })).toBe(false);
    expect(matches({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
  });

  it("scores precision and recall, and leaves restatements out of precision", () => {
    const text = "Acme sold 5 units. Acme sold five units. Buy now! The sky is green.";
    const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const result = evaluate(
      text,
      [span("Acme sold 5 units."), span("Acme sold five units."), span("Buy now!")],
      {
        claims: ["Acme sold 5 units.", "The sky is green."],
        restatements: ["Acme sold five units."],
        traps: ["Buy now!"],
      },
    );
    expect(result).toMatchObject({ proposals: 2, truePositives: 1, found: 1, precision: 0.5, recall: 0.5 });
    expect(result.missed).toEqual(["The sky is green."]);
    expect(result.falsePositives).toEqual(["Buy now!"]);
    expect(result.trapsProposed).toEqual(["Buy now!"]);
  });

  it("refuses labels that are not in the article", () => {
    expect(() => evaluate("Some text.", [], { claims: ["Other text."], traps: [] })).toThrow(
      /Label not found/,
    );
  });
});

describe("matching entities to labels", () => {
  it("counts an overlapping entity as found, and typed right only with the labelled type", () => {
    const text = "Chen Hao said Omdia and Omdia’s rival grew 5%.";
    const result = evaluateEntities(
      text,
      [
        { text: "Chen", type: "person", start: 0, end: 4 },
        { text: "Omdia", type: "place", start: 14, end: 19 },
        { text: "grew", type: "organization", start: 38, end: 42 },
      ],
      [
        { text: "Chen Hao", type: "person" },
        { text: "Omdia", type: "organization" },
        { text: "Omdia", type: "organization" },
      ],
    );
    expect(result).toEqual({
      labelled: 3,
      found: 2,
      typedRight: 1,
      missed: ["Omdia (organization)"],
      mistyped: ["Omdia: place, labelled organization"],
      spurious: ["grew (organization)"],
    });
  });
});

describe("the labelled evaluation set (fixtures/eval)", () => {
  const { rows, overall } = evaluateFixtures();

  it("covers the kinds of article newsrooms check, the seed included", () => {
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((r) => r.name)).toContain("alibaba-ai-chip");
    for (const kind of [
      "product launch",
      "earnings report",
      "benchmark claims",
      "policy news",
      "opinion piece",
    ]) {
      expect(rows.some((r) => r.kind === kind)).toBe(true);
    }
  });

  it("meets the targets overall: recall ≥ 0.95, precision ≥ 0.85, and proposes no trap", () => {
    console.log(
      `Claims evaluation: precision ${overall.precision.toFixed(2)}, recall ${overall.recall.toFixed(2)} over ${overall.labelled} labelled claims`,
    );
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(overall.precision).toBeGreaterThanOrEqual(0.85);
    expect(overall.traps).toBe(0);
  });

  it("meets recall and precision ≥ 0.95 in every other language, with no trap proposed", () => {
    const { byLanguage, rows: all } = evaluateFixtures();
    expect([...byLanguage.keys()].sort()).toEqual(["de", "en", "es", "fr", "it", "zh"]);
    for (const row of all) expect(row.detected, row.name).toBe(row.language);
    for (const [language, figures] of byLanguage) {
      expect({ language, recall: figures.recall >= 0.95, precision: figures.precision >= 0.95 }).toEqual({
        language,
        recall: true,
        precision: true,
      });
      expect(figures.traps).toBe(0);
    }
  });

  it("types entities right: at least 95% of the labelled ones", () => {
    const typed = evaluateEntityFixtures();
    expect(typed.labelled).toBeGreaterThanOrEqual(150);
    expect(typed.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(typed.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("reports the English articles written after tuning apart, at recall and precision ≥ 0.95", () => {
    const { afterTuning, rows: all } = evaluateFixtures();
    const english = all.filter((r) => r.language === "en" && r.name.startsWith("after-tuning-"));
    expect(english.map((r) => r.name).sort()).toEqual(["after-tuning-en-capex", "after-tuning-en-soc"]);
    const figures = afterTuning.get("en")!;
    expect(figures.labelled).toBe(english.reduce((n, r) => n + r.result.labelled, 0));
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.precision).toBeGreaterThanOrEqual(0.95);
    expect(figures.traps).toBe(0);
  });

  it("types the entities of the articles written after tuning, labelled apart, at least 95% right", () => {
    const heldOut = evaluateEntityFixtures(AFTER_TUNING_ENTITY_LABELS);
    expect(heldOut.labelled).toBeGreaterThanOrEqual(150);
    expect(heldOut.labelled).not.toBe(evaluateEntityFixtures().labelled);
    expect(heldOut.accuracy, [...heldOut.missed, ...heldOut.mistyped].join("\n")).toBeGreaterThanOrEqual(
      0.95,
    );
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.95);
  });
});
