import { describe, expect, it } from "vitest";
import { metered } from "./meter";
import { parseQuantities, type Quantity } from "./quantities";

/** The one figure in `text`, with the fields most tests look at. */
function only(text: string, language?: string) {
  const found = parseQuantities(text, language);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0]!;
}
const brief = ({ text, value, unit, measure, normalized }: Quantity) => ({
  text,
  value,
  unit,
  measure,
  normalized,
});

describe("hardware figures", () => {
  it.each([
    ["It delivers 40 TOPS.", "40 TOPS", 40, "TOPS", "compute", 40, "TOPS"],
    ["It reaches 825 INT8 TOPS.", "825 INT8 TOPS", 825, "INT8 TOPS", "compute", 825, "TOPS"],
    ["It reaches 2 PFLOPS FP16.", "2 PFLOPS FP16", 2, "FP16 PFLOPS", "compute", 2000, "TFLOPS"],
    ["It reaches 989 TFLOPS (BF16).", "989 TFLOPS (BF16)", 989, "BF16 TFLOPS", "compute", 989, "TFLOPS"],
    ["It reaches 20 petaflops of FP4.", "20 petaflops of FP4", 20, "FP4 PFLOPS", "compute", 20_000, "TFLOPS"],
    ["It draws 8 watts.", "8 watts", 8, "W", "power", 8, "W"],
    ["It draws 8W.", "8W", 8, "W", "power", 8, "W"],
    ["It draws 1.2 kW.", "1.2 kW", 1.2, "kW", "power", 1200, "W"],
    ["It is made on a 12-nanometer process.", "12-nanometer", 12, "nm", "process node", 12, "nm"],
    ["It is made at 12 nm.", "12 nm", 12, "nm", "process node", 12, "nm"],
    ["It has 16 GB of memory.", "16 GB", 16, "GB", "memory", 16, "GB"],
    ["It has 3 GiB of memory.", "3 GiB", 3, "GiB", "memory", 3.221225472, "GB"],
    ["It moves 512 GB/s.", "512 GB/s", 512, "GB/s", "bandwidth", 512, "GB/s"],
    ["It moves 1.2 TB/s.", "1.2 TB/s", 1.2, "TB/s", "bandwidth", 1200, "GB/s"],
    ["It moves 400 Gbps.", "400 Gbps", 400, "Gb/s", "bandwidth", 50, "GB/s"],
    ["It runs at 2.5 GHz.", "2.5 GHz", 2.5, "GHz", "frequency", 2.5, "GHz"],
    // "-generation" and "-gen" end an adjective here; they do not label the number as a name.
    ["It uses a second-generation 3-nanometer process.", "3-nanometer", 3, "nm", "process node", 3, "nm"],
    ["It is a next-gen 2 nm design.", "2 nm", 2, "nm", "process node", 2, "nm"],
    ["It stays below 45 degrees Celsius.", "45 degrees Celsius", 45, "°C", "other", 45, "°C"],
    ["It throttles at 105 °C.", "105 °C", 105, "°C", "other", 105, "°C"],
    ["It peaked at 212 degrees Fahrenheit.", "212 degrees Fahrenheit", 212, "°F", "other", 100, "°C"],
  ])("%s", (text, written, value, unit, measure, normalizedValue, normalizedUnit) => {
    expect(brief(only(text))).toEqual({
      text: written,
      value,
      unit,
      measure,
      normalized: { value: normalizedValue, unit: normalizedUnit },
    });
  });

  it("gives offsets into the text", () => {
    const text = "The chip delivers 40 TOPS at 8 watts.";
    for (const q of parseQuantities(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe("money, percentages and ratios", () => {
  it("reads $120 million as 120,000,000 USD", () => {
    expect(brief(only("Alibaba raised $120 million."))).toEqual({
      text: "$120 million",
      value: 120_000_000,
      unit: "USD",
      measure: "money",
      normalized: { value: 120_000_000, unit: "USD" },
    });
  });

  it.each([
    ["£40m", 40e6, "GBP"],
    ["€2.5bn", 2.5e9, "EUR"],
    ["RMB 3 billion", 3e9, "CNY"],
    ["5 billion yuan", 5e9, "CNY"],
    ["US$7.2 billion", 7.2e9, "USD"],
  ])("%s", (written, value, unit) => {
    const q = only(`They paid ${written} for it.`);
    expect([q.text, q.value, q.unit, q.measure]).toEqual([written, value, unit, "money"]);
  });

  it("reads a change year over year and after a verb", () => {
    expect(only("Revenue was up 26% year-over-year.")).toMatchObject({ value: 26, unit: "%", change: true });
    expect(only("Sales rose 13% in May.")).toMatchObject({ value: 13, change: true });
    expect(only("Nvidia stock dipped 3–4% on the news.")).toMatchObject({ value: 3, upper: 4, change: true });
    expect(only("Its share is 13% of the market.").change).toBeUndefined();
  });

  it("reads a range and a negative figure", () => {
    expect(only("Margins were 3–4% last year.")).toMatchObject({
      text: "3–4%",
      value: 3,
      upper: 4,
      unit: "%",
    });
    expect(only("Shipments moved −17% in a year.")).toMatchObject({ text: "−17%", value: -17, change: true });
  });

  it("reads ratios and what they compare against", () => {
    expect(only("It is three times as efficient as Nvidia's H20.")).toMatchObject({
      text: "three times",
      value: 3,
      unit: "x",
      measure: "ratio",
      comparedTo: "Nvidia's H20",
    });
    expect(only("It is 1.5x faster than the V100 in training.")).toMatchObject({
      value: 1.5,
      measure: "ratio",
      comparedTo: "the V100",
    });
  });
});

describe("number formats by language", () => {
  it("reads German thousands and decimals", () => {
    expect(brief(only("Der Chip kostet 1.299 Euro.", "de"))).toMatchObject({
      value: 1299,
      unit: "EUR",
      measure: "money",
    });
    expect(only("Er taktet mit 2,5 GHz.", "de")).toMatchObject({ value: 2.5, unit: "GHz" });
    expect(only("Der Umsatz lag bei 1,5 Mrd. Euro.", "de")).toMatchObject({ value: 1.5e9, unit: "EUR" });
  });

  it("reads the same figure as English in English", () => {
    expect(only("The part costs 1.299 euros.")).toMatchObject({ value: 1.299, unit: "EUR" });
    expect(only("The part costs 1,299 euros.")).toMatchObject({ value: 1299, unit: "EUR" });
  });
});

describe("Chinese and Japanese figures", () => {
  it("reads numbers written straight after a character, with their scales and currencies", () => {
    expect(brief(only("阿里巴巴计划投资3800亿元。", "zh"))).toEqual({
      text: "3800亿元",
      value: 380_000_000_000,
      unit: "CNY",
      measure: "money",
      normalized: { value: 380_000_000_000, unit: "CNY" },
    });
    expect(only("芯片采用7纳米工艺。", "zh")).toMatchObject({
      value: 7,
      unit: "nm",
      measure: "process node",
    });
    expect(only("算力达到40 TOPS。", "zh")).toMatchObject({ value: 40, unit: "TOPS" });
    expect(only("收入为500亿美元。", "zh")).toMatchObject({ value: 5e10, unit: "USD" });
  });
});

describe("what is not a quantity", () => {
  it.each([
    "The H20 and the A100 are chips.",
    "Version v2 shipped.",
    "It was founded in 2023.",
    "Pick 1,2,3,4 from the list.",
    "We met on March 14 at 9:30.",
    "COVID-19 changed everything.",
    "Windows 11 users and RTX 4090 cards.",
    "The iPhone 16 Pro starts at noon.",
    "It beat 2 Nvidia.",
    "Version 2.1 of the driver ships in Q3 2025.",
    "It streams 4K video over 5G, 24/7.",
    "It topped the chart for the 5th week.",
    "The Top 10 list.",
    "Sales doubled.",
    "A 2 x 4 grid of tiles.",
    "PCIe Gen 5 drives and generation 3 parts.",
  ])("%s", (text) => {
    expect(parseQuantities(text)).toEqual([]);
  });
});

describe("counts, durations and words", () => {
  it.each([
    [
      "The firm added 6.2 million paid subscribers.",
      "6.2 million paid subscribers",
      6.2e6,
      "paid subscribers",
      "count",
    ],
    ["It ships from five manufacturers.", "five manufacturers", 5, "manufacturers", "count"],
    ["Twenty-two of the 27 member states agreed.", "Twenty-two", 22, "member states", "count"],
    ["It was offline for nine days.", "nine days", 9, "d", "duration"],
    ["It averaged 92 frames per second.", "92 frames per second", 92, "frames/s", "other"],
    ["The cluster has 100,000 GPUs.", "100,000 GPUs", 100_000, "GPUs", "count"],
    ["It has a 16-core graphics unit.", "16-core", 16, "core", "count"],
    ["About 40 people came.", "40 people", 40, "people", "count"],
    ["She bought 10 tops.", "10 tops", 10, "tops", "count"],
    ["Buyers ordered 1 million H20 chips.", "1 million H20 chips", 1e6, "H20 chips", "count"],
    ["It employs 29,600 people across 36 countries.", "29,600 people", 29_600, "people", "count"],
    ["It raised prices three times this year.", "three times", 3, "times", "count"],
    ["It is ten times faster.", "ten times", 10, "x", "ratio"],
    ["It added twice what it built a year ago.", "twice", 2, "x", "ratio"],
    ["Demand grew fourfold.", "fourfold", 4, "x", "ratio"],
    [
      "It is rated at 38 trillion operations per second.",
      "38 trillion operations per second",
      38e12,
      "OPS",
      "compute",
    ],
  ])("%s", (text, written, value, unit, measure) => {
    expect(parseQuantities(text)[0]).toMatchObject({ text: written, value, unit, measure });
  });

  it("reads capitalised German nouns and units", () => {
    expect(only("Die App hat 3 Mio. Nutzer.", "de")).toMatchObject({
      value: 3e6,
      unit: "Nutzer",
      measure: "count",
    });
    expect(only("Er braucht 350 Watt.", "de")).toMatchObject({ value: 350, unit: "W", measure: "power" });
    expect(only("Es kostet 3 Mrd. US-Dollar.", "de")).toMatchObject({
      value: 3e9,
      unit: "USD",
      measure: "money",
    });
    expect(only("Es kostet CHF 20.", "de")).toMatchObject({ text: "CHF 20", value: 20, unit: "CHF" });
  });

  it("reads currencies written after a linking word", () => {
    expect(only("Invirtió 1.500 millones de euros.", "es")).toMatchObject({ value: 1.5e9, unit: "EUR" });
    expect(only("Ricavi di 850 milioni di euro.", "it")).toMatchObject({ value: 8.5e8, unit: "EUR" });
    expect(only("Il coûte 1 299 euros.", "fr")).toMatchObject({ value: 1299, unit: "EUR" });
  });
});

describe("hostile input", () => {
  it("leaves out a number too large to compute with, which a publication could not store", () => {
    const found = parseQuantities(
      `It reaches ${"9".repeat(400)} billion TOPS and 12 TOPS, and costs $${"9".repeat(310)} billion.`,
    );
    expect(found.map((q) => q.text)).toEqual(["12 TOPS"]);
    // js-quantities throws converting this one (a TypeError inside the library).
    expect(parseQuantities(`It has ${"9".repeat(300)}0 EFLOPS and 12 EFLOPS.`).map((q) => q.text)).toEqual([
      "12 EFLOPS",
    ]);
  });

  it("rejects numbers too large to hold", () => {
    expect(parseQuantities(`${"9".repeat(400)} GB`)).toEqual([]);
  });

  it("reads a number too long to be a figure as nothing, not as a huge one", () => {
    for (const q of parseQuantities(`${"9".repeat(300)} GB and $${"1,000".repeat(50)}`)) {
      expect(Number.isFinite(q.value) && Number.isFinite(q.normalized.value)).toBe(true);
    }
  });

  it.each([
    ["figures", "1,2,3 9 9% 8 W $5 million 3–4% twice as fast as x "],
    ["digit runs", "9"],
    ["grouped digits", "1,111,"],
    ["spaces after a number", "5      "],
    ["a long word after a number", "5 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
    ["dashes", "1-2-3-4-5%-"],
    ["currency signs", "$$$€€£ "],
  ])("does work in proportion to the text: %s", (_name, unit) => {
    const work = (size: number) => metered(() => parseQuantities(unit.repeat(size))).steps;
    const small = work(2000);
    expect(small).toBeGreaterThan(0);
    expect(work(8000) / small).toBeLessThanOrEqual(5);
  });
});
