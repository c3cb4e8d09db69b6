import { describe, expect, it } from "vitest";
import { instructionsFor, SUGGESTED_INSTRUCTIONS } from "./instructions";

describe("instructions that follow what students see", () => {
  it("turns either suggestion into the suggestion for the chosen mode", () => {
    expect(instructionsFor("marked", SUGGESTED_INSTRUCTIONS.article)).toBe(SUGGESTED_INSTRUCTIONS.marked);
    expect(instructionsFor("article", SUGGESTED_INSTRUCTIONS.marked)).toBe(SUGGESTED_INSTRUCTIONS.article);
    expect(instructionsFor("marked", `  ${SUGGESTED_INSTRUCTIONS.marked}\n`)).toBe(
      SUGGESTED_INSTRUCTIONS.marked,
    );
  });

  it("never suggests finding claims when they are marked, nor the reverse", () => {
    expect(SUGGESTED_INSTRUCTIONS.marked).not.toMatch(/mark every sentence/i);
    expect(SUGGESTED_INSTRUCTIONS.article).not.toMatch(/claim marked/i);
  });

  it("keeps what the educator wrote, even an empty box", () => {
    const own = `${SUGGESTED_INSTRUCTIONS.article} Work in pairs.`;
    expect(instructionsFor("marked", own)).toBe(own);
    expect(instructionsFor("marked", "")).toBe("");
  });
});
