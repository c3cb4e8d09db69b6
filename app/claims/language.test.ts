import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage, isLanguageCode, languageName } from "./language";

const multilingual = JSON.parse(
  readFileSync(
    new URL("../../../shared/conformance/golden-rules-multilingual.json", import.meta.url),
    "utf8",
  ),
) as { languages: Record<string, Array<{ input: string }>> };

describe("detectLanguage", () => {
  it.each([
    ["en", "Alibaba unveiled a new AI chip on Friday, and its shares rose 13% in Hong Kong trading."],
    [
      "de",
      "Alibaba hat am Freitag einen neuen KI-Chip vorgestellt, die Aktie stieg in Hongkong um 13 Prozent.",
    ],
    ["fr", "Alibaba a présenté vendredi une nouvelle puce d'IA, et son action a bondi de 13 % à Hong Kong."],
    [
      "es",
      "Alibaba presentó el viernes un nuevo chip de inteligencia artificial y sus acciones subieron un 13 %.",
    ],
    [
      "it",
      "Alibaba ha presentato venerdì un nuovo chip per l'intelligenza artificiale e le azioni sono salite del 13%.",
    ],
    ["ru", "Компания Alibaba в пятницу представила новый чип, и её акции выросли на 13 процентов."],
    ["zh", "阿里巴巴周五发布了新的人工智能芯片，股价上涨了13%。"],
    ["ja", "アリババは金曜日に新しいAIチップを発表し、株価は13％上昇した。"],
  ])("names %s", (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it("is undetermined for text too short or without words", () => {
    expect(detectLanguage("Hallo")).toBe("und");
    expect(detectLanguage("12 345 678 — 90%")).toBe("und");
    expect(detectLanguage("")).toBe("und");
  });

  it("places most of pySBD's single sentences in their language", () => {
    const cases = Object.entries(multilingual.languages).flatMap(([code, list]) =>
      list.map((c) => ({ code, input: c.input })),
    );
    const right = cases.filter((c) => detectLanguage(c.input) === c.code).length;
    console.log(`language detection: ${right}/${cases.length} of pySBD's cases`);
    expect(right).toBeGreaterThanOrEqual(152);
  });
});

describe("language codes", () => {
  it("names the codes it knows and passes others through", () => {
    expect(languageName("de")).toBe("German");
    expect(languageName("und")).toBe("Undetermined");
    expect(languageName("xx")).toBe("xx");
    expect(isLanguageCode("zh")).toBe(true);
    expect(isLanguageCode("deu")).toBe(false);
  });
});
