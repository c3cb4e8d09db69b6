import { describe, expect, it } from "vitest";
import { articleSubject } from "./subject";

describe("what an article is about, from its title", () => {
  it("reads the title's first word when it is a name", () => {
    expect(
      articleSubject("Alibaba AI Chip: The Bold Nvidia Alternative Shaping China’s Tech Future")?.subject,
    ).toBe("Alibaba");
    expect(articleSubject("Qualcomm’s new AI chip")?.subject).toBe("Qualcomm");
    expect(articleSubject("AMD-based servers take the lead")?.subject).toBe("AMD");
  });

  it("reads nothing from a title that opens with an ordinary word", () => {
    expect(articleSubject("The R9 review")).toBeNull();
    expect(articleSubject("How Streamly beat expectations")).toBeNull();
    expect(articleSubject("Chip Wars: Qualcomm Takes On Nvidia")).toBeNull();
    expect(articleSubject("fixtures/alibaba-ai-chip.fact-check.json")).toBeNull();
    expect(articleSubject("")).toBeNull();
  });

  it("reads nothing when a sentence-case title's first word is part of a longer name or set beside another", () => {
    expect(articleSubject("Nvidia rival Alibaba unveils an inference chip")).toBeNull();
    expect(articleSubject("Elon Musk says the chips will ship in 2026")).toBeNull();
    // The first word alone, as the subject, where it is: a verb or a possessive follows.
    expect(articleSubject("Alibaba unveils AI chip to rival Nvidia")?.subject).toBe("Alibaba");
    expect(articleSubject("Alibaba’s AI chip arrives")?.subject).toBe("Alibaba");
  });
});
