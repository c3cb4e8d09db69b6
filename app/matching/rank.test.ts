import { describe, expect, it } from "vitest";
import {
  conflictsBetween,
  describeConflicts,
  MIN_SHARED_WORDS,
  rankCandidates,
  saysOtherwise,
  type Candidate,
} from "./rank";

const candidate = (text: string, extra: Partial<Candidate> = {}): Candidate => ({
  text,
  checked: true,
  sameArticle: false,
  ageDays: 30,
  ...extra,
});
const top = (text: string, candidates: Candidate[]) => rankCandidates(text, candidates)[0]!;

const ARCHIVE = [
  candidate(
    "Inference Performance: Up to 12 TOPS (Tera Operations Per Second). Competitive with mid-range Nvidia inference chips.",
  ),
  candidate("Process Node: 5nm technology."),
  candidate("Alibaba’s shares spiked—up to +13% on the news."),
  candidate("Nvidia stock dipped 3–4%"),
];

describe("ranking earlier claims", () => {
  it("calls a reworded claim with the same figures the same, first", () => {
    const best = top(
      "Alibaba's new inference processor reaches 12 TOPS, on par with mid-range Nvidia chips",
      ARCHIVE,
    );
    expect(best.candidate.text).toMatch(/^Inference Performance/);
    expect(best.relation).toBe("same");
    expect(best.conflicts).toEqual([]);
  });

  it("shows a claim with another figure for the same measure as related, the figures named", () => {
    const best = top(
      "Alibaba's new inference processor reaches 16 TOPS, on par with mid-range Nvidia chips",
      ARCHIVE,
    );
    expect(best.candidate.text).toMatch(/^Inference Performance/);
    expect(best.relation).toBe("related");
    expect(best.conflicts).toEqual([{ ours: "16 TOPS", theirs: "12 TOPS", kind: "figure" }]);
  });

  it("never calls a claim about another company the same", () => {
    const best = top("Baidu's shares spiked as much as 13% on the news.", ARCHIVE);
    expect(best.candidate.text).toMatch(/shares spiked/);
    expect(best.relation).toBe("related");
    expect(best.conflicts).toContainEqual({ ours: "Baidu", theirs: "Alibaba", kind: "name" });
  });

  it("only suggests when the texts are very short or the earlier check is old", () => {
    expect(top("Nvidia dipped 3.5%", ARCHIVE).relation).toBe("related");
    const old = [candidate("Alibaba’s shares spiked—up to +13% on the news.", { ageDays: 4 * 365 })];
    expect(top("Alibaba's shares spiked by as much as 13% on the news", old).relation).toBe("related");
    expect(
      top("Alibaba's shares spiked by as much as 13% on the news", [candidate(old[0]!.text)]).relation,
    ).toBe("same");
  });

  it("puts checked claims and other articles first when all else is equal", () => {
    const text = "Nvidia stock dipped 3–4% on Friday";
    const ranked = rankCandidates(text, [
      candidate("Nvidia stock dipped 3–4%", { checked: false }),
      candidate("Nvidia stock dipped 3–4%", { sameArticle: true }),
      candidate("Nvidia stock dipped 3–4%"),
    ]);
    expect(ranked.map((r) => [r.candidate.checked, r.candidate.sameArticle])).toEqual([
      [true, false],
      [false, false],
      [true, true],
    ]);
  });
});

describe("differences named", () => {
  it("reads a place's adjective as the place: 'a Chinese fab' mentions China", () => {
    const best = top("The chip is made in China by a domestic foundry.", [
      candidate("The chip is made by a Chinese foundry at home."),
    ]);
    expect(best.conflicts).toEqual([]);
  });

  it("names another name only when the two claims say much the same otherwise", () => {
    const unrelated = top(
      "Alibaba is also integrating the chip into its Qwen AI model deployment workflows.",
      [candidate("Nvidia stock dipped 3–4% after the announcement in China.")],
    );
    expect(unrelated.conflicts).toEqual([]);
    expect(unrelated.relation).toBe("related");
    const close = top("Baidu's shares spiked as much as 13% on the news.", ARCHIVE);
    // As the texts write them, for the page's "Differs: this claim names Baidu, that one Alibaba".
    expect(close.conflicts).toContainEqual({ ours: "Baidu", theirs: "Alibaba", kind: "name" });
    expect(describeConflicts(close.conflicts)).toContain("this claim names Baidu, that one Alibaba");
    const spelled = conflictsBetween(
      "The RISC-V core of Alibaba's chip runs at 2 GHz, the company says.",
      "The Arm core of Alibaba's chip runs at 2 GHz, the company says.",
    );
    expect(spelled).toEqual([{ ours: "RISC-V", theirs: "Arm", kind: "name" }]);
  });

  it("names every differing figure, so confirming them as one claim can ask first", () => {
    expect(
      conflictsBetween(
        "Alibaba's chip reaches 400 TOPS, the company says.",
        "Alibaba's chip reaches 12 TOPS, the company says.",
      ),
    ).toEqual([{ ours: "400 TOPS", theirs: "12 TOPS", kind: "figure" }]);
    expect(conflictsBetween("Alibaba's chip reaches 12 TOPS.", "The Alibaba chip reaches 12 TOPS.")).toEqual(
      [],
    );
  });
});

describe("denials", () => {
  it("never calls a claim the same as one that denies what it asserts, and names the denials", () => {
    const seed = candidate("the chip focuses solely on AI inference, not training");
    const swapped = top("The chip focuses solely on AI training, not inference.", [seed]);
    expect(swapped.relation).toBe("related");
    expect(swapped.conflicts).toEqual([{ ours: "not inference", theirs: "not training", kind: "wording" }]);
    expect(describeConflicts(swapped.conflicts)).toBe("this claim says not inference, that one not training");
    const denied = top("The Helix X2 does not support Wi-Fi 7, Orbitek says.", [
      candidate("The Helix X2 supports Wi-Fi 7, Orbitek says."),
    ]);
    expect(denied.relation).toBe("related");
    expect(denied.conflicts).toEqual([{ ours: "not support", theirs: "supports", kind: "wording" }]);
  });

  it("still calls the same denial in other words the same", () => {
    expect(
      top("AI inference, not training, is the sole focus of the chip.", [
        candidate("the chip focuses solely on AI inference, not training"),
      ]).relation,
    ).toBe("same");
    const best = top("Medlink’s filing said no payment card data was stolen.", [
      candidate("Medlink said no payment card data was taken."),
    ]);
    expect(best.conflicts).toEqual([]);
  });

  it("names no denial between claims that share a word or two and little else", () => {
    // "no payment card data" denies "data", which the other asserts; the two are about other things.
    expect(
      top("Hackers stole personal data belonging to 4.3 million patients.", [
        candidate("Medlink said no payment card data was taken."),
      ]).conflicts,
    ).toEqual([]);
  });
});

describe("names by role: what a claim is about, and what it is compared with", () => {
  const SEED_TOPS =
    "Inference Performance: Up to 12 TOPS (Tera Operations Per Second). Competitive with mid-range Nvidia inference chips.";

  it("names no difference when the other claim's name is only what it is compared with", () => {
    // Nvidia is the point of comparison there, Alibaba the subject here: not another subject.
    expect(
      conflictsBetween(
        "Alibaba's chip delivers 12 TOPS, the company says.",
        "The chip delivers 12 TOPS, competitive with mid-range Nvidia inference chips.",
      ),
    ).toEqual([]);
    expect(
      top("Alibaba's chip delivers 12 TOPS, the company says.", [candidate(SEED_TOPS)]).conflicts,
    ).toEqual([]);
    // Both name both, in other roles: nothing to name either.
    expect(
      conflictsBetween(
        "Alibaba's new chip matches Nvidia's mid-range parts at 12 TOPS.",
        "Nvidia's mid-range parts are matched by Alibaba's new chip at 12 TOPS.",
      ),
    ).toEqual([]);
  });

  it("tells a claim about the point of comparison's own figure from the comparison", () => {
    // Nvidia is the subject here and only what the seed compares its chip (Alibaba's) with there.
    // The seed's title names Nvidia too, as what Alibaba's chip is the alternative to.
    const ALIBABA = {
      subject: "Alibaba",
      title: "Alibaba AI Chip: The Bold Nvidia Alternative Shaping China’s Tech Future",
    };
    for (const claim of [
      "Nvidia's mid-range chips reach 12 TOPS",
      "Nvidia's mid-range inference chips deliver up to 12 TOPS.",
    ]) {
      const withArticle = top(claim, [candidate(SEED_TOPS, { about: ALIBABA })]);
      expect(withArticle.relation, claim).toBe("related");
      expect(withArticle.conflicts, claim).toEqual([{ ours: "Nvidia", theirs: "Alibaba", kind: "name" }]);
      // Without an article, the seed's claim is still about something other than what it compares with.
      const alone = top(claim, [candidate(SEED_TOPS)]);
      expect(alone.relation, claim).toBe("related");
      expect(alone.namesDiffer, claim).toBe(true);
      expect(alone.conflicts, claim).toEqual([]);
      // Either way round.
      expect(top(SEED_TOPS, [candidate(claim)]).relation, claim).toBe("related");
    }
    // A claim of an article about Nvidia that leaves its subject to the article.
    expect(
      conflictsBetween("Its mid-range inference chips deliver up to 12 TOPS.", SEED_TOPS, {
        ours: { subject: "Nvidia", title: "Nvidia readies new mid-range chips" },
        theirs: ALIBABA,
      }),
    ).toEqual([{ ours: "Nvidia", theirs: "Alibaba", kind: "name" }]);
    // The comparison itself, told with Alibaba named or left to the article, is still the same claim.
    for (const claim of [
      "Alibaba's new inference processor reaches 12 TOPS, on par with mid-range Nvidia chips",
      "The chip delivers up to 12 TOPS of inference performance, putting it on a par with Nvidia's mid-range inference chips.",
    ]) {
      expect(top(claim, [candidate(SEED_TOPS, { about: ALIBABA })]).relation, claim).toBe("same");
      expect(top(claim, [candidate(SEED_TOPS)]).relation, claim).toBe("same");
    }
    // Two claims naming each other's subject as the point of comparison may say the same.
    expect(
      conflictsBetween(
        "Alibaba's chip rivals Nvidia's mid-range parts at 12 TOPS.",
        "Nvidia's mid-range parts are rivalled by Alibaba's chip at 12 TOPS.",
      ),
    ).toEqual([]);
  });

  it("still names another subject, and another point of comparison", () => {
    expect(
      conflictsBetween(
        "Qualcomm's chip delivers 12 TOPS, competitive with mid-range Nvidia inference chips.",
        "Alibaba's chip delivers 12 TOPS, competitive with mid-range Nvidia inference chips.",
      ),
    ).toEqual([{ ours: "Qualcomm", theirs: "Alibaba", kind: "name" }]);
    expect(
      conflictsBetween(
        "Orbitek is the only company besides Qualcomm to design its own laptop CPU cores.",
        "Orbitek is the only company besides Apple to design its own laptop CPU cores.",
      ),
    ).toEqual([{ ours: "Qualcomm", theirs: "Apple", kind: "name" }]);
  });

  it("names no difference between names that stand nowhere alike, but does not call them the same", () => {
    // The seed's own claims: "a Chinese fab" and "RISC-V architecture" are not one for the other.
    const fab =
      "has unveiled a new Alibaba AI chip, a versatile inference processor made by a Chinese fab, designed to reduce reliance on U.S. Nvidia technology";
    const riscV =
      "Alibaba AI chip, designed to reduce reliance on Nvidia with custom RISC-V architecture for inference workloads";
    const best = top(fab, [candidate(riscV)]);
    expect(best.conflicts).toEqual([]);
    expect(best.relation).toBe("related");
    // A foundry for a foundry is named.
    expect(
      conflictsBetween(
        "The Helix X2 has 12 CPU cores and a 16-core graphics unit, built on Samsung's 3 nm process.",
        "The Helix X2 has 12 CPU cores and a 16-core graphics unit, built on TSMC's 3 nm process.",
      ),
    ).toEqual([{ ours: "Samsung", theirs: "TSMC", kind: "name" }]);
  });

  it("tells an article saying otherwise from a series, another subject or another product", () => {
    const otherwise = (ours: string, theirs: string) =>
      saysOtherwise(rankCandidates(ours, [candidate(theirs, { sameArticle: true })])[0]!);
    expect(
      otherwise(
        "Vantor's X1 accelerator delivers 310 TOPS at 45 watts, the company said.",
        "Later, the company said its X1 accelerator delivers 210 TOPS at 45 watts.",
      ),
    ).toBe(true);
    expect(
      otherwise(
        "Alibaba will open a chip design centre in Hangzhou in 2026.",
        "Alibaba will open a chip design centre in Hangzhou in 2028.",
      ),
    ).toBe(true);
    // A series, other companies, other products, other quarters: not the article contradicting itself.
    expect(otherwise("Revenue rose 5% in 2023.", "Revenue rose 7% in 2024.")).toBe(false);
    expect(otherwise("Acme's revenue rose 5% in 2024.", "Beta's revenue rose 7% in 2024.")).toBe(false);
    expect(otherwise("The H20 draws 400 W under load.", "The B200 draws 1000 W under load.")).toBe(false);
    expect(
      otherwise("Shipments grew 12% in the first quarter.", "Shipments grew 3% in the second quarter."),
    ).toBe(false);
    // The same figures: a repetition, not a contradiction.
    expect(otherwise("Revenue rose 5% in 2024.", "Revenue rose 5% in 2024.")).toBe(false);
  });

  it("weighs a claim's first twenty names, so a claim of hundreds of names costs no more", () => {
    const listed = (count: number, from: number) =>
      Array.from(
        { length: count },
        (_, i) => `Vendor${String.fromCharCode(65 + ((from + i) % 26))}${from + i}`,
      ).join(", ");
    const foundry = (shared: number, fab: string) =>
      `The Helix X2, sold by ${listed(shared, 0)}, is built on ${fab}'s 3 nm process.`;
    // A foundry for a foundry is named while it is among the first twenty names…
    expect(conflictsBetween(foundry(3, "Samsung"), foundry(3, "TSMC"))).toEqual([
      { ours: "Samsung", theirs: "TSMC", kind: "name" },
    ]);
    // …and past them it is not looked at: each name weighed costs a look through both texts.
    expect(conflictsBetween(foundry(30, "Samsung"), foundry(30, "TSMC"))).toEqual([]);
  });

  it("reads a name joined to a lower-case word as the name: 'AMD-based' names AMD", () => {
    expect(
      conflictsBetween(
        "The chip enables software compatibility with existing AMD-based systems.",
        "Enables software compatibility with existing Nvidia-based systems.",
      ),
    ).toEqual([{ ours: "AMD", theirs: "Nvidia", kind: "name" }]);
    expect(
      conflictsBetween(
        "The chip is compatible with Nvidia-based systems.",
        "The chip supports existing Nvidia systems.",
      ),
    ).toEqual([]);
  });
});

describe("the subject a claim leaves to its article", () => {
  const SEED_TOPS =
    "Inference Performance: Up to 12 TOPS (Tera Operations Per Second). Competitive with mid-range Nvidia inference chips.";
  const QUALCOMM =
    "Qualcomm's new AI inference chip reaches 12 TOPS, competitive with mid-range Nvidia chips.";
  const SEED_ARTICLE = {
    subject: "Alibaba",
    title: "Alibaba AI Chip: The Bold Nvidia Alternative Shaping China’s Tech Future",
  };
  const QUALCOMM_ARTICLE = { subject: "Qualcomm", title: "Qualcomm’s new AI chip" };

  it("never calls a claim about another company's chip the same as one its article says is Alibaba's", () => {
    const best = top(QUALCOMM, [candidate(SEED_TOPS, { about: SEED_ARTICLE })]);
    expect(best.relation).toBe("related");
    expect(best.conflicts).toEqual([{ ours: "Qualcomm", theirs: "Alibaba", kind: "name" }]);
    expect(describeConflicts(best.conflicts)).toBe("this claim names Qualcomm, that one Alibaba");
    // The same claim about Alibaba's chip still is the same.
    const alibaba = QUALCOMM.replace("Qualcomm", "Alibaba");
    expect(top(alibaba, [candidate(SEED_TOPS, { about: SEED_ARTICLE })]).relation).toBe("same");
    // Two claims naming no subject, from articles about two companies.
    expect(
      conflictsBetween(
        "The chip focuses solely on AI inference, not training.",
        "the chip focuses solely on AI inference, not training",
        { ours: QUALCOMM_ARTICLE, theirs: SEED_ARTICLE },
      ),
    ).toEqual([{ ours: "Qualcomm", theirs: "Alibaba", kind: "name" }]);
  });

  it("names another subject even where the two share little wording", () => {
    const best = top("Qualcomm's chip is built for inference in phones and laptops.", [
      candidate(
        "Alibaba AI chip, designed to reduce reliance on Nvidia with custom RISC-V architecture for inference workloads",
      ),
    ]);
    expect(best.lexical).toBeLessThan(MIN_SHARED_WORDS);
    expect(best.conflicts).toEqual([{ ours: "Qualcomm", theirs: "Alibaba", kind: "name" }]);
  });

  it("takes a claim's own detail for no other subject than its article's", () => {
    // Both from the seed article: "RISC-V" is what this one is about, within Alibaba's chip.
    expect(
      conflictsBetween(
        "Architecture: RISC-V with custom AI accelerators.",
        "the chip focuses solely on AI inference, not training",
        { ours: SEED_ARTICLE, theirs: SEED_ARTICLE },
      ),
    ).toEqual([]);
    // A product its article's title names is no other subject than the article's company.
    const launch = {
      subject: "Orbitek",
      title: "Orbitek launches the Helix X2 laptop chip, promising all-day battery",
    };
    expect(
      conflictsBetween(
        "Helix X2 laptops will be priced from 999 dollars.",
        "Laptops with the chip will start at $999.",
        {
          theirs: launch,
        },
      ),
    ).toEqual([]);
  });
});

describe("the same movement in other words", () => {
  it("calls 'Nvidia's stock fell 3-4%' the same as 'Nvidia stock dipped 3–4%'", () => {
    const best = top("Nvidia's stock fell 3-4%", [candidate("Nvidia stock dipped 3–4%")]);
    expect(best.relation).toBe("same");
    expect(best.conflicts).toEqual([]);
    expect(top("Nvidia stock declined 3 to 4 percent", [candidate("Nvidia stock slid 3–4%")]).relation).toBe(
      "same",
    );
    expect(
      top("Alibaba's shares jumped 13% on the news", [candidate("Alibaba's shares climbed 13% on the news")])
        .relation,
    ).toBe("same");
  });

  it("keeps the direction: rose is not fell", () => {
    const best = top("Nvidia's stock rose 3-4%", [candidate("Nvidia stock dipped 3–4%")]);
    expect(best.relation).toBe("related");
    expect(best.conflicts).toEqual([{ ours: "rose", theirs: "dipped", kind: "figure" }]);
    expect(
      top("Alibaba's shares gained 13% on the news", [candidate("Alibaba's shares dropped 13% on the news")])
        .conflicts,
    ).toEqual([{ ours: "gained", theirs: "dropped", kind: "figure" }]);
  });
});
