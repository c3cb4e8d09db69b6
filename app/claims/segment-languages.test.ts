import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conformance,
  passes,
  segmentAsImported,
  segmentWithIntl,
  type ConformanceCase,
} from "./segment-conformance";

const suite = JSON.parse(
  readFileSync(
    new URL("../../../shared/conformance/golden-rules-multilingual.json", import.meta.url),
    "utf8",
  ),
) as { languages: Record<string, ConformanceCase[]> };

/**
 * How many of pySBD's cases per language the segmenter passes (golden-rules-multilingual.json).
 * A change that passes more raises the figure here; one that passes fewer fails.
 */
const EXPECTED_PASSING: Record<string, number> = {
  de: 32,
  fr: 5,
  es: 34,
  it: 35,
  nl: 3,
  ru: 42,
  pl: 1,
  zh: 2,
  ja: 4,
};

const split = segmentAsImported;

describe("pySBD's per-language cases", () => {
  it.each(Object.entries(EXPECTED_PASSING))("%s passes %i", (language, expected) => {
    const cases = suite.languages[language]!;
    const failing = cases.filter((c) => !passes(c, (text) => split(text, language)));
    const result = conformance(cases, (text) => split(text, language));
    console.log(`${language}: ${result.passing}/${result.total}`);
    expect({
      language,
      passing: result.passing,
      failing: failing.map((c) => c.input.slice(0, 80)),
    }).toMatchObject({
      language,
      passing: expected,
    });
  });

  it("passes more of them than Intl.Segmenter in every language with abbreviations", () => {
    for (const language of ["de", "es", "it", "ru"]) {
      const cases = suite.languages[language]!;
      const ours = conformance(cases, (text) => split(text, language)).passing;
      const intl = conformance(cases, (text) => segmentWithIntl(text, language)).passing;
      expect(ours, language).toBeGreaterThan(intl);
    }
  });

  it("covers every language of the suite", () => {
    expect(Object.keys(suite.languages).sort()).toEqual(Object.keys(EXPECTED_PASSING).sort());
  });
});

describe("language rules", () => {
  it("reads German ordinals, abbreviations and quotation marks", () => {
    expect(
      split("Am 3. Oktober 2025 stieg der Umsatz um 1.299,50 Euro, z. B. in Berlin. Das ist viel.", "de"),
    ).toEqual(["Am 3. Oktober 2025 stieg der Umsatz um 1.299,50 Euro, z. B. in Berlin.", "Das ist viel."]);
    expect(
      split("„Wir liefern 2026“, sagte Dr. med. Meyer. „Und auch keine Lust.“ Wir haben 3 Mio. Euro.", "de"),
    ).toEqual([
      "„Wir liefern 2026“, sagte Dr. med. Meyer.",
      "„Und auch keine Lust.“",
      "Wir haben 3 Mio. Euro.",
    ]);
  });

  it("reads an English text as before when no language is given, and a German ordinal as an end in English", () => {
    expect(split("The vote was on June 12. Juni is a name.", "en")).toHaveLength(2);
    expect(split("Die Abstimmung war am 12. Juni.", "de")).toHaveLength(1);
    expect(split("Die Abstimmung war am 12. Die nächste folgt.", "de")).toHaveLength(2);
  });

  it("keeps a Chinese title whole and splits after its closing mark", () => {
    expect(split("我们明天一起去看《摔跤吧！爸爸》好吗？好！", "zh")).toEqual([
      "我们明天一起去看《摔跤吧！爸爸》好吗？",
      "好！",
    ]);
    expect(split("「はい。」「いいえ。」", "ja")).toEqual(["「はい。」", "「いいえ。」"]);
  });
});
