import { describe, expect, it } from "vitest";
import { proposeClaimant, proposeClaimantInContext } from "./attribution";

const claimant = (sentence: string) => proposeClaimant(sentence)?.claimant ?? null;

describe("proposeClaimant", () => {
  it.each([
    ["Nimbus says its chip delivers 40 TOPS at 8 W.", "Nimbus"],
    ["According to TechInsight, the chip is built on a 7 nm process.", "TechInsight"],
    ["The chip is built on a 7 nm process, according to a report by Omdia.", "Omdia"],
    [
      "Server OEMs (Dell, Lenovo, HPE) cannot get enough AI and HPC GPUs to fulfill their server orders yet, Omdia claims.",
      "Omdia",
    ],
    ["“We shipped 2 million units,” said Chen Hao.", "Chen Hao"],
    ["Nvidia CEO Jensen Huang said demand was insane.", "Jensen Huang"],
    ["Jensen Huang, Nvidia’s CEO, said demand was insane.", "Jensen Huang"],
    ["According to Chen Hao, Nimbus’s chief engineer, yields are 90%.", "Chen Hao"],
    [
      "The Ministry of Industry and Information Technology said exports rose 26%.",
      "Ministry of Industry and Information Technology",
    ],
    ["In 2024, Counterpoint Research estimated shipments at 3 million.", "Counterpoint Research"],
    // The person a role describes said it, not the organisation they work at.
    ["Maria Chen, an analyst at Omdia, said the chip is late.", "Maria Chen"],
    ["Jin Park, head of research at Omdia, said prices fell 4%.", "Jin Park"],
    ["Priya Raman, chief executive of Acme, said sales rose 5%.", "Priya Raman"],
  ])("%s → %s", (sentence, expected) => {
    expect(claimant(sentence)).toBe(expected);
  });

  it.each([
    "The company said its chip is three times as efficient.",
    "He said the chip delivers 40 TOPS.",
    "They claimed a 5 nm process.",
    "Analysts said the figure was plausible.",
    "The chip delivers 40 TOPS at 8 W.",
    "Sources said the launch slipped to 2026.",
    "",
  ])("proposes nothing for an unnamed source: %s", (sentence) => {
    expect(proposeClaimant(sentence)).toBeNull();
  });

  it("names the organisation type only when the name says so", () => {
    expect(proposeClaimant("Counterpoint Research estimated 3 million.")?.claimantType).toBe("organization");
    expect(proposeClaimant("Nimbus says 40 TOPS.")?.claimantType).toBe("");
  });

  it("quotes the words that attribute the claim", () => {
    expect(proposeClaimant("The chip uses 7 nm, according to TechInsight.")?.cue).toBe(
      "according to TechInsight",
    );
    expect(proposeClaimant("Nimbus says 40 TOPS.")?.cue).toBe("says");
  });

  it("stays bounded on hostile input", () => {
    const long = "Aa ".repeat(50_000) + "said";
    expect(() => proposeClaimant(long)).not.toThrow();
    expect(claimant("said ".repeat(2000))).toBeNull();
  });
});

describe("proposeClaimantInContext", () => {
  it("reads the attribution in the words after the quote, within its sentence", () => {
    expect(
      proposeClaimantInContext({
        prefix: "were up 10%. Server OEMs say ",
        quote: "they cannot get enough AI GPUs",
        suffix: ", Omdia claims. Nvidia said 3 m",
      })?.claimant,
    ).toBe("Omdia");
  });

  it("does not take an attribution from the sentence before", () => {
    expect(
      proposeClaimantInContext({ prefix: "It grew, Omdia said. ", quote: "The chip uses 7 nm", suffix: "." }),
    ).toBeNull();
  });
});
