import { describe, expect, it } from "vitest";
import { compareQuantities, extractQuantities } from "./quantities";

const units = (text: string) => extractQuantities(text).map((q) => [q.value, q.unit]);

describe("figures with their units", () => {
  it("normalises spellings of the same figure", () => {
    expect(units("built on a 5 nm process")).toEqual([[5, "nm"]]);
    expect(units("built on a five-nanometre process")).toEqual([[5, "nm"]]);
    expect(units("a $53 billion plan")).toEqual([[53e9, "USD"]]);
    expect(units("a 53 billion dollars plan")).toEqual([[53e9, "USD"]]);
    expect(units("grew 26% year-over-year")).toEqual([[26, "%"]]);
    expect(units("grew 26 percent")).toEqual([[26, "%"]]);
    expect(units("512 GB/s of bandwidth")).toEqual([[512, "GB/s"]]);
    expect(units("1.5x better")).toEqual([[1.5, "x"]]);
    expect(units("Up to 12 TOPS")).toEqual([[12, "TOPS"]]);
    expect(units("draws 8 watts")).toEqual([[8, "W"]]);
    expect(units("shipped 3.76 million GPUs")).toEqual([[3.76e6, "count"]]);
    expect(units("in 2025")).toEqual([[2025, "year"]]);
  });

  it("reads ranges, and leaves model names and bare small numbers alone", () => {
    expect(extractQuantities("dipped 3–4%")[0]).toMatchObject({ value: 3, upTo: 4, unit: "%" });
    expect(extractQuantities("between 3 and 4 percent")[0]).toMatchObject({ value: 3, upTo: 4, unit: "%" });
    expect(units("the H20 and the RTX 4090 and the Q-7")).toEqual([]);
    expect(units("the two companies")).toEqual([]);
  });
});

describe("comparing two claims' figures", () => {
  const compare = (a: string, b: string) => compareQuantities(extractQuantities(a), extractQuantities(b));

  it("names the conflict when one measure has different figures", () => {
    expect(compare("40 TOPS at 8 W", "40 TOPS at 15 W")).toEqual({
      conflicts: [{ ours: "8 W", theirs: "15 W" }],
      agreeing: 1,
    });
    expect(compare("a 5 nm chip", "a 7nm chip").conflicts).toEqual([{ ours: "5 nm", theirs: "7nm" }]);
  });

  it("agrees across spellings and ranges, and ignores a measure only one side states", () => {
    expect(compare("Nvidia stock dipped 3–4%", "Nvidia fell 3.3%")).toEqual({ conflicts: [], agreeing: 1 });
    expect(compare("a $53 billion plan over three years", "53 billion dollars")).toEqual({
      conflicts: [],
      agreeing: 1,
    });
    expect(compare("12 TOPS", "12 TOPS at 75 W").conflicts).toEqual([]);
  });
});
