import { describe, expect, it } from "vitest";
import { claimNumbers } from "./claim-numbers";

describe("claim numbers", () => {
  it("follow reading order among all claims, whatever order they were read in, ties by end then id", () => {
    const numbers = claimNumbers([
      { id: 9, start: 40, end: 60 },
      { id: 3, start: 0, end: 20 },
      { id: 7, start: 40, end: 50 },
      { id: 5, start: 40, end: 50 },
    ]);
    expect([...numbers].sort((a, b) => a[1] - b[1])).toEqual([
      [3, 1],
      [5, 2],
      [7, 3],
      [9, 4],
    ]);
  });
});
