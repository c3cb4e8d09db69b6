import { describe, expect, it } from "vitest";
import { verdictCounts, verdictCountsOnScale } from "./verdicts";

describe("verdict counts", () => {
  const verdicts = ["unsupported", "accurate", "unsupported", "mixed"] as const;

  it("count the verdicts that occur, in the order they first occur (the feed's summary)", () => {
    expect(verdictCounts(verdicts)).toEqual([
      { verdict: "unsupported", count: 2 },
      { verdict: "accurate", count: 1 },
      { verdict: "mixed", count: 1 },
    ]);
    expect(verdictCounts([])).toEqual([]);
  });

  it("or in the scale's order (the public page and the list of fact-checks)", () => {
    expect(verdictCountsOnScale(verdicts)).toEqual([
      { verdict: "accurate", count: 1 },
      { verdict: "mixed", count: 1 },
      { verdict: "unsupported", count: 2 },
    ]);
  });
});
