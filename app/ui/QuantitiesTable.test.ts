import { describe, expect, it } from "vitest";
import { claimQuantities } from "../claims/quantities";
import { amountText, figureNotes } from "./QuantitiesTable";

const figuresOf = (text: string) => claimQuantities({ start: 0, text }, "en");

describe("a figure as readers see it", () => {
  it("gives the common unit where it helps, and never a duration in seconds", () => {
    const [money, years] = figuresOf("A $53 billion plan over the next three years.");
    expect(amountText(money!)).toBe("53,000,000,000 USD");
    expect(figureNotes(years!)).toBe("");
    const [count] = figuresOf("Shipments reached 1.2 million in May.");
    expect(count && amountText(count)).toBe("1,200,000");
    const [bandwidth] = figuresOf("Memory bandwidth reaches 4 TB/s.");
    expect(figureNotes(bandwidth!)).toMatch(/^= 4,000 GB\/s$/);
  });
});
