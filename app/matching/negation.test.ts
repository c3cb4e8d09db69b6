import { describe, expect, it } from "vitest";
import { denialConflict, polarity } from "./negation";

const conflict = (ours: string, theirs: string) =>
  denialConflict(polarity(ours), polarity(theirs), ours, theirs);

describe("denials", () => {
  it("tells a claim from one that denies what it asserts", () => {
    // The seed's claim with its two words swapped around "not": stop words to ranking.
    expect(
      conflict(
        "The chip focuses solely on AI training, not inference.",
        "the chip focuses solely on AI inference, not training",
      ),
    ).toEqual({ ours: "not inference", theirs: "not training" });
    expect(conflict("The chip does not support CUDA.", "The chip supports CUDA.")).toEqual({
      ours: "not support",
      theirs: "supports",
    });
    expect(conflict("The chip supports CUDA.", "The chip doesn’t support CUDA.")).toEqual({
      ours: "supports",
      theirs: "doesn’t support",
    });
    expect(conflict("Alibaba no longer sells the chip abroad.", "Alibaba sells the chip abroad.")).toEqual({
      ours: "no longer sells",
      theirs: "sells",
    });
    expect(conflict("Acme never paid the ransom.", "Acme paid the ransom.")).toEqual({
      ours: "never paid",
      theirs: "paid",
    });
    expect(conflict("Acme declined to confirm the layoffs.", "Acme confirmed the layoffs.")).not.toBeNull();
    // Every form of the verbs that say something was not done, the present tense included.
    for (const verb of ["pauses", "pause", "paused", "stops", "stop", "stopped", "halts", "suspends"])
      expect(
        conflict(`The factories ${verb} shipments of the chip.`, "The factories make shipments of the chip."),
        verb,
      ).not.toBeNull();
  });

  it("finds none between two denials worded with another scope, or another way", () => {
    // Both deny; neither denies a word the other asserts outright, so they may say the same.
    expect(
      conflict(
        "Medlink said payment card details were not affected by the breach.",
        "Medlink said no payment card data was taken.",
      ),
    ).toBeNull();
    expect(
      conflict(
        "Medlink would not comment on whether it had paid a ransom.",
        "Medlink declined to comment on the payment.",
      ),
    ).toBeNull();
    expect(
      conflict(
        "New data centres in Dublin will not get grid connections until 2028 under a moratorium.",
        "Dublin has paused new grid connections for them until 2028.",
      ),
    ).toBeNull();
    expect(
      conflict(
        "AI inference, not training, is the sole focus of the chip.",
        "the chip focuses solely on AI inference, not training",
      ),
    ).toBeNull();
    expect(
      conflict(
        "Alibaba's new processor is built only to run AI models, not to train them, industry sources say.",
        "the chip focuses solely on AI inference, not training",
      ),
    ).toBeNull();
  });

  it("reads no denial in bounds, in 'not only', in a fall or in a number sign", () => {
    expect(conflict("It delivers no more than 12 TOPS.", "It delivers up to 12 TOPS.")).toBeNull();
    expect(conflict("It ships not later than March.", "It ships in March.")).toBeNull();
    expect(
      conflict("The chip is not only fast but cheap to run.", "The chip is fast and cheap to run."),
    ).toBeNull();
    expect(conflict("Revenue declined 5% in 2024.", "Revenue fell 5% in 2024.")).toBeNull();
    expect(
      conflict("The chip ranked No. 1 in the benchmark.", "The chip ranked first in the benchmark."),
    ).toBeNull();
    // Nothing denied on either side.
    expect(conflict("Acme sells chips.", "Acme sells chips.")).toBeNull();
  });

  it("ends a denial at its clause", () => {
    // "Acme sells the chip" is asserted after the comma in both.
    expect(
      conflict(
        "The chip does not run CUDA, but Acme sells the chip.",
        "Acme sells the chip, which runs CUDA.",
      ),
    ).toEqual({ ours: "not run", theirs: "runs" });
    expect(conflict("Without a fan, the chip runs at 5 W.", "The chip runs at 5 W.")).toBeNull();
  });

  it("reads long and hostile text in time linear in its length", () => {
    const word = "a".repeat(200_000);
    const hostile = [
      `${word}n’t ${word}`,
      `not ${"x, ".repeat(100_000)}`,
      `${"no ".repeat(100_000)}`,
      `${"declined to ".repeat(50_000)}comment`,
    ];
    for (const text of hostile) {
      expect(conflict(text, "Acme sells chips.")).toBeNull();
      expect(conflict("Acme sells chips.", text)).toBeNull();
    }
  });
});
