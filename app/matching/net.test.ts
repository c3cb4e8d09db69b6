import { describe, expect, it } from "vitest";
import { castNet, COMMON_WORD_ROWS } from "./net";

const COMMON = COMMON_WORD_ROWS;

describe("castNet", () => {
  it("keeps the words that tell claims apart, rarest first, and ranks all their rows", () => {
    expect(castNet(["alibaba", "hanguang", "chip", "tops"], [400, 3, COMMON, 90])).toEqual({
      words: ["hanguang", "tops", "alibaba"],
      newestOnly: false,
    });
  });

  it("leaves out words no row holds", () => {
    expect(castNet(["zettaflop", "chip"], [0, 12])).toEqual({ words: ["chip"], newestOnly: false });
    expect(castNet(["zettaflop"], [0])).toEqual({ words: [], newestOnly: false });
  });

  it("casts a claim made only of common words over the newest rows of its few rarest", () => {
    const words = ["company", "chip", "performance", "market", "nvidia", "growth"];
    expect(castNet(words, [COMMON, COMMON, COMMON, COMMON, COMMON, COMMON])).toEqual({
      words: words.slice(0, 4),
      newestOnly: true,
    });
  });

  it("is empty for no words", () => {
    expect(castNet([], [])).toEqual({ words: [], newestOnly: false });
  });
});
