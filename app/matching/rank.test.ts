import { describe, expect, it } from "vitest";
import { conflictsBetween, describeConflicts, rankCandidates, type Candidate } from "./rank";

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
