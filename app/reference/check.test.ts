import { describe, expect, it } from "vitest";
import { parseQuantities, type Measure } from "../claims/quantities";
import { agreesWith, checkClaim, referenceIndex, referencesJson, type ClaimFigure } from "./check";
import { shippedReference } from "./fixture.server";

const index = referenceIndex(shippedReference());

/** A parsed quantity as app/claims/quantities.ts gives it, placed where its text is in the claim. */
function figure(
  claim: string,
  text: string,
  measure: Measure,
  value: number,
  normalized: [number, string],
  extra: Partial<ClaimFigure> = {},
): ClaimFigure {
  const start = claim.indexOf(text);
  if (start < 0) throw new Error(`${text} is not in the claim`);
  return {
    text,
    start,
    end: start + text.length,
    value,
    measure,
    normalized: { value: normalized[0], unit: normalized[1] },
    ...extra,
  };
}

const claimed = (result: ReturnType<typeof checkClaim>) =>
  result.hardware.flatMap((row) => row.figures.filter((f) => f.claimed !== null));

describe("checkClaim", () => {
  it("flags a figure that disagrees with the reference, in a sentence with its source", () => {
    const claim = "Alibaba's Hanguang 800 chip delivers 900 TOPS at 276 W.";
    const result = checkClaim(
      claim,
      [
        figure(claim, "900 TOPS", "compute", 900, [900, "TOPS"]),
        figure(claim, "276 W", "power", 276, [276, "W"]),
      ],
      index,
    );
    expect(result.hardware.map((row) => row.name)).toEqual(["T-Head Hanguang 800"]);
    const [tops, watts] = claimed(result);
    expect(tops).toMatchObject({
      hardware: "T-Head Hanguang 800",
      metric: "int8Tops",
      value: 825,
      unit: "TOPS",
      claimed: "900 TOPS",
      agrees: false,
      note: "Claims 900 TOPS; the reference lists 825 TOPS INT8 (Epoch AI).",
      source: { name: "Epoch AI, Machine Learning Hardware (CC BY 4.0)" },
    });
    expect(watts).toMatchObject({ metric: "tdpWatts", agrees: true });
    // Figures the claim does not give are still listed, with nothing to agree or disagree with.
    expect(result.hardware[0]!.figures.find((f) => f.metric === "processNm")).toMatchObject({
      value: 12,
      claimed: null,
      agrees: null,
    });
  });

  it("agrees within 5%, and with a range that holds the reference figure", () => {
    expect(agreesWith([296, 296], 296)).toBe(true);
    expect(agreesWith([310, 310], 296)).toBe(true); // 4.7% over
    expect(agreesWith([312, 312], 296)).toBe(false); // 5.4% over
    expect(agreesWith([280, 320], 296)).toBe(true);
    expect(agreesWith([592, 592], 296)).toBe(false); // the sparse figure quoted as dense
  });

  it("reads the precision written beside a figure and skips one the reference lacks", () => {
    const claim = "The H20 GPU offers 148 TFLOPS of FP16 and 296 TFLOPS FP8 compute.";
    const result = checkClaim(
      claim,
      [
        figure(claim, "148 TFLOPS", "compute", 148, [148, "TFLOPS"]),
        figure(claim, "296 TFLOPS", "compute", 296, [296, "TFLOPS"]),
      ],
      index,
    );
    expect(claimed(result).map((f) => [f.metric, f.claimed, f.agrees])).toEqual([
      ["fp16Tflops", "148 TFLOPS", true],
    ]);
  });

  it("gives each figure to the chip named nearest before it, and none to a counted cluster", () => {
    const claim = "The Ascend 910B draws 400 W, while 10,000 A100 GPUs draw 4 MW.";
    const result = checkClaim(
      claim,
      [figure(claim, "400 W", "power", 400, [400, "W"]), figure(claim, "4 MW", "power", 4, [4_000_000, "W"])],
      index,
    );
    expect(claimed(result).map((f) => [f.hardware, f.claimed, f.agrees])).toEqual([
      ["Huawei Ascend 910B", "400 W", true],
    ]);
  });

  it("checks a comparison when both chips are known, and flags one the reference contradicts", () => {
    const claim = "Huawei says the Ascend 910C is three times as efficient as Nvidia's H20 chip.";
    const ratio = figure(claim, "three times", "ratio", 3, [3, "x"], { comparedTo: "Nvidia's H20 chip" });
    const result = checkClaim(claim, [ratio], index);
    expect(result.comparisons).toHaveLength(1);
    const [comparison] = result.comparisons;
    // FP16 per watt: 752/700 against 148/400 is 2.9x: three times holds.
    expect(comparison).toMatchObject({
      hardware: "Huawei Ascend 910C",
      other: "NVIDIA HGX H20",
      basis: "FP16 performance per watt",
      agrees: true,
    });
    expect(comparison!.referenceRatio).toBeCloseTo(2.9, 1);

    const faster = "The Ascend 910C is 40% faster than the H20 chip.";
    const percent = figure(faster, "40%", "percent", 40, [40, "%"], { comparedTo: "the H20 chip" });
    const contradicted = checkClaim(faster, [percent], index).comparisons[0]!;
    expect(contradicted).toMatchObject({ basis: "FP16 performance", claimedRatio: 1.4, agrees: false });
    expect(contradicted.note).toBe(
      "Claims 1.4× the NVIDIA HGX H20 (“40%”); on FP16 performance the reference figures give 5.08× (Epoch AI).",
    );
  });

  it("says so when the reference lacks the figures for a comparison", () => {
    const claim = "The Ascend 970 chip is twice as fast as the H20.";
    const ratio = figure(claim, "twice", "ratio", 2, [2, "x"], { comparedTo: "the H20" });
    expect(checkClaim(claim, [ratio], index).comparisons[0]).toMatchObject({
      agrees: null,
      referenceRatio: null,
    });
  });

  it("never decides more than agreement: no verdict, and nothing for a claim naming no hardware", () => {
    const claim = "Revenue rose 26% to $120 million.";
    expect(
      checkClaim(claim, [figure(claim, "26%", "percent", 26, [26, "%"], { change: true })], index),
    ).toEqual({
      hardware: [],
      comparisons: [],
    });
    const result = checkClaim("The H20 chip", [], index);
    expect(Object.keys(result)).toEqual(["hardware", "comparisons"]);
  });
});

describe("checkClaim with the quantity parser", () => {
  it("reads a claim's own figures and checks each against its chip", () => {
    const claim = "Built on a 7nm process, the Ascend 910B has 64 GB of memory.";
    const result = checkClaim(claim, parseQuantities(claim), index);
    expect(claimed(result).map((f) => f.note)).toEqual([
      "Claims 64 GB; the reference lists 32 GB of memory (Epoch AI).",
      "Claims 7nm; the reference lists 7 nm process (Epoch AI): within 5%.",
    ]);
  });
});

describe("referencesJson", () => {
  it("is extract's contract: hardware, metric, value, unit, source, agrees", () => {
    const claim = "Nvidia's H20 GPU delivers 296 TOPS.";
    const rows = referencesJson(
      checkClaim(claim, [figure(claim, "296 TOPS", "compute", 296, [296, "TOPS"])], index),
    );
    expect(rows[0]).toEqual({
      hardware: "NVIDIA HGX H20",
      metric: "INT8 performance",
      value: 296,
      unit: "TOPS",
      source: "Epoch AI, Machine Learning Hardware (CC BY 4.0)",
      agrees: true,
    });
    expect(rows.map((row) => row.metric)).toEqual([
      "INT8 performance",
      "FP16 performance",
      "Memory",
      "Memory bandwidth",
      "TDP",
    ]);
  });
});
