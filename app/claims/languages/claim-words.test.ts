import { describe, expect, it } from "vitest";
import { extract } from "../extract";
import { claimPatternsFor } from "./claim-words";

const proposed = (markdown: string) => extract(markdown).claims.map((c) => c.text);
const reasons = (markdown: string) => extract(markdown).claims.flatMap((c) => c.reasons);

describe("claims in other languages", () => {
  it("proposes German figures in local formats, dates and attributed statements", () => {
    const text =
      "Der Umsatz stieg am 3. Oktober 2025 auf 1.299,50 Millionen Euro. Vorstandschef Jonas Berger sagte, die Nachfrage habe sich verdoppelt. Der Bund fördert das Projekt mit 3 Mio. Euro.";
    expect(proposed(text)).toHaveLength(3);
    expect(reasons(text)).toContain(
      "Contains a figure or measurement (“1.299,50 Millionen”): numbers can be checked against sources.",
    );
    expect(reasons(text)).toContain("Gives a date or period (“3. Oktober 2025”): timelines can be checked.");
    expect(reasons(text)).toContain("Attributes the information (“sagte”): check the original source.");
  });

  it.each([
    ["fr", "Selon la société, la marge brute a atteint 41,5 % le 3 octobre 2025.", "“Selon”"],
    ["es", "Según la compañía, el beneficio neto creció hasta los 212,4 millones de euros.", "“Según”"],
    ["it", "Secondo l'azienda, il margine operativo è salito al 18,7% a ottobre.", "“Secondo”"],
    ["ru", "По словам компании, выручка выросла на 12 процентов в 2025 году.", "“По словам”"],
    ["zh", "公司首席执行官李明表示，数据中心芯片订单在过去一年翻了一番。", "“表示”"],
  ])("proposes an attributed figure in %s", (code, sentence, attribution) => {
    const { language, claims } = extract(sentence);
    expect(language).toBe(code);
    expect(claims.map((c) => c.text)).toEqual([sentence]);
    expect(claims[0]!.reasons).toContain(
      `Attributes the information (${attribution}): check the original source.`,
    );
  });

  it("types names only where the English lexicon holds in any language", () => {
    const names = (markdown: string) =>
      extract(markdown).claims.flatMap((c) => c.entities.map((e) => `${e.type}: ${e.text}`));
    // German capitalises every noun: none of them is an organisation.
    expect(
      names(
        "Der Umsatz stieg laut NVIDIA am 3. Oktober 2025 auf 1.299,50 Millionen Euro, die Nachfrage wuchs.",
      ),
    ).toEqual(["organization: NVIDIA"]);
    expect(
      names(
        "L'amministratore delegato, Giulia Ferri, ha dichiarato che gli ordini sono raddoppiati nel 2025.",
      ),
    ).toContain("person: Giulia Ferri");
  });

  it("proposes no question, opinion or newsletter prompt", () => {
    expect(
      proposed(
        "Ein spannender Tag für die Branche. Was bedeutet das für Anleger? Abonnieren Sie unseren Newsletter, um nichts zu verpassen.",
      ),
    ).toEqual([]);
    expect(proposed("这对行业来说是激动人心的一天。投资者应该买入2025年的股票吗？")).toEqual([]);
  });

  it("leaves English to the English rules", () => {
    expect(claimPatternsFor("en")).toBeNull();
    expect(claimPatternsFor(undefined)).toBeNull();
    expect(claimPatternsFor("ja")).toBeNull();
  });

  it("counts two Chinese characters as a word, so a short sentence is a fragment", () => {
    const zh = claimPatternsFor("zh")!;
    expect(zh.countWords("该工厂预计将创造3000个就业岗位。")).toBeGreaterThanOrEqual(3);
    expect(zh.countWords("好！")).toBe(1);
  });
});

describe("Chinese figures", () => {
  it("reads a figure written straight after a character", () => {
    expect(
      claimPatternsFor("zh")!.figure.exec("云帆科技周二发布了新款人工智能芯片，采用7纳米工艺。")?.[0],
    ).toBe("7纳米");
    expect(proposed("云帆科技周二发布了新款人工智能芯片，采用7纳米工艺。")).toHaveLength(1);
  });
});
