import { describe, expect, it } from "vitest";
import { compareQuantities, extractQuantities } from "./quantities";

const units = (text: string) =>
  extractQuantities(text)
    .filter((q) => q.unit !== "direction")
    .map((q) => [q.value, q.unit]);
const figure = (text: string) => extractQuantities(text).find((q) => q.unit !== "direction");

describe("figures with their units", () => {
  it("normalises spellings of the same figure", () => {
    expect(units("built on a 5 nm process")).toEqual([[5, "nm"]]);
    expect(units("built on a five-nanometre process")).toEqual([[5, "nm"]]);
    expect(units("a $53 billion plan")).toEqual([[53e9, "USD"]]);
    expect(units("a 53 billion dollars plan")).toEqual([[53e9, "USD"]]);
    expect(units("grew 26% year-over-year")).toEqual([
      [1, "period"],
      [26, "%"],
    ]);
    expect(units("grew 26 percent")).toEqual([[26, "%"]]);
    expect(units("512 GB/s of bandwidth")).toEqual([[512, "GB/s"]]);
    expect(units("1.5x better")).toEqual([[1.5, "x"]]);
    expect(units("Up to 12 TOPS")).toEqual([[12, "TOPS"]]);
    expect(units("draws 8 watts")).toEqual([[8, "W"]]);
    expect(units("shipped 3.76 million GPUs")).toEqual([[3.76e6, "count"]]);
    expect(units("in 2025")).toEqual([[2025, "year"]]);
  });

  it("reads ranges, and leaves model names and bare small numbers alone", () => {
    expect(figure("dipped 3–4%")).toMatchObject({ value: 3, upTo: 4, unit: "%" });
    expect(figure("between 3 and 4 percent")).toMatchObject({ value: 3, upTo: 4, unit: "%" });
    expect(units("the H20 and the RTX 4090 and the Q-7")).toEqual([]);
    expect(units("the two companies")).toEqual([[2, "n:company"]]);
  });
});

describe("dates and periods", () => {
  it("reads months, durations and the period a change is measured over", () => {
    expect(units("attacked in September, disclosed in Nov.")).toEqual([
      [9, "month"],
      [11, "month"],
    ]);
    expect(units("over the next three years")).toEqual([[3, "years"]]);
    expect(units("grew 26% quarter-over-quarter")).toEqual([
      [2, "period"],
      [26, "%"],
    ]);
    expect(units("prices may rise")).toEqual([]);
  });
});

describe("comparing two claims' figures", () => {
  const compare = (a: string, b: string) => compareQuantities(extractQuantities(a), extractQuantities(b));

  it("names the conflict when one measure has different figures", () => {
    expect(compare("40 TOPS at 8 W", "40 TOPS at 15 W")).toMatchObject({
      conflicts: [{ ours: "8 W", theirs: "15 W" }],
      agreeing: 1,
    });
    expect(compare("a 5 nm chip", "a 7nm chip").conflicts).toEqual([{ ours: "5 nm", theirs: "7nm" }]);
    expect(compare("used in 2022", "used in 2024").conflicts).toEqual([{ ours: "2022", theirs: "2024" }]);
    expect(compare("over three years", "over five years").conflicts).toHaveLength(1);
    expect(compare("grew 26% year over year", "grew 26% quarter-over-quarter").conflicts).toHaveLength(1);
    expect(compare("in September", "in November").conflicts).toHaveLength(1);
    expect(compare("The R9 costs $1,499, $200 less", "The R9 costs $1,199, $200 less").conflicts).toEqual([
      { ours: "$1,499", theirs: "$1,199" },
    ]);
    expect(compare("shares rose 9%", "shares fell 9%").conflicts).toEqual([{ ours: "rose", theirs: "fell" }]);
    expect(compare("revenue tripled", "revenue doubled").conflicts).toHaveLength(1);
    expect(
      compare("laptops from eight manufacturers", "laptops from five manufacturers").conflicts,
    ).toHaveLength(1);
    expect(compare("an estimated $7 billion", "an estimated €7 billion").conflicts).toHaveLength(1);
    expect(compare("fourth-quarter revenue", "third-quarter revenue").conflicts).toHaveLength(1);
    expect(compare("at 1440p", "at 4K").conflicts).toHaveLength(1);
  });

  it("agrees across spellings and ranges, and ignores a measure only one side states", () => {
    expect(compare("Nvidia stock dipped 3–4%", "Nvidia fell 3.3%")).toEqual({
      conflicts: [],
      agreeing: 1,
      agreeingMeasures: 1,
    });
    expect(compare("a $53 billion plan over three years", "53 billion dollars")).toMatchObject({
      conflicts: [],
      agreeingMeasures: 1,
    });
    expect(compare("one and a half times as efficient", "1.5x more efficient").agreeingMeasures).toBe(1);
    expect(compare("12 TOPS", "12 TOPS at 75 W").conflicts).toEqual([]);
  });
});
