import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimFigures } from "./ClaimFigures";
import { frozenFigures } from "./figures";
import { readSnapshot, SNAPSHOT_SCHEMA } from "./snapshot";
import { referenceIndex } from "../reference/check";
import { EPOCH_SOURCE } from "../reference/hardware";

/** A version as stored before the language layer: its claims have no figures or reference checks. */
const OLD_VERSION = {
  schema: SNAPSHOT_SCHEMA,
  number: 1,
  publishedAt: "2025-09-01T10:00:00.000Z",
  publishedBy: "Rui Reviewer",
  changeNote: "",
  article: {
    title: "Chips",
    slug: "chips",
    outlet: "Wire",
    author: "",
    sourceUrl: "",
    originalDate: "",
    markdown: "The H20 has 96 GB of memory.",
  },
  claims: [
    {
      id: 7,
      number: 1,
      start: 0,
      end: 28,
      quote: "The H20 has 96 GB of memory.",
      prefix: "",
      suffix: "",
      verdict: "accurate",
      rationale: "Datasheet.",
      approvedBy: "Rui Reviewer",
      approvedAt: "2025-09-01T09:00:00.000Z",
      evidence: [],
    },
  ],
};

const H20 = {
  id: 1,
  name: "NVIDIA H20",
  aliases: "",
  manufacturer: "NVIDIA",
  int8Tops: 296,
  fp16Tflops: 148,
  memoryGb: 96,
  bandwidthGbs: 4000,
  tdpWatts: 400,
  processNm: 4,
  foundry: "TSMC",
  releaseDate: "",
  sourceUrl: "https://example.com/h20.pdf",
  sourceName: EPOCH_SOURCE,
};

describe("a published claim's figures", () => {
  it("are read from a version stored before them as none", () => {
    const [claim] = readSnapshot(JSON.stringify(OLD_VERSION)).claims;
    expect(claim!.figures).toEqual([]);
    expect(claim!.referenceChecks).toEqual([]);
  });

  it("are frozen with the claim: its figures, and each one the reference can check, with its source", () => {
    const quote = "The H20 has 96 GB of memory and 900 TOPS.";
    const frozen = frozenFigures(quote, "en", referenceIndex([H20]));
    const stored = {
      ...OLD_VERSION,
      claims: [{ ...OLD_VERSION.claims[0]!, quote, end: quote.length, ...frozen }],
    };
    const [claim] = readSnapshot(JSON.stringify(stored)).claims;
    expect(claim!.figures.map((f) => [f.text, f.normalized, f.measure])).toEqual([
      ["96 GB", { value: 96, unit: "GB" }, "memory"],
      ["900 TOPS", { value: 900, unit: "TOPS" }, "compute"],
    ]);
    expect(claim!.referenceChecks).toEqual([
      {
        hardware: "NVIDIA H20",
        metric: "INT8 performance",
        claimed: "900 TOPS",
        value: 296,
        unit: "TOPS",
        agrees: false,
        note: "Claims 900 TOPS; the reference lists 296 TOPS INT8 (Epoch AI).",
        sources: [{ name: EPOCH_SOURCE, url: "https://example.com/h20.pdf", hardware: "NVIDIA H20" }],
      },
      {
        hardware: "NVIDIA H20",
        metric: "Memory",
        claimed: "96 GB",
        value: 96,
        unit: "GB",
        agrees: true,
        note: "Claims 96 GB; the reference lists 96 GB of memory (Epoch AI): within 5%.",
        sources: [{ name: EPOCH_SOURCE, url: "https://example.com/h20.pdf", hardware: "NVIDIA H20" }],
      },
    ]);
  });

  it("keep an old version readable when the parser renames a measure", () => {
    const stored = {
      ...OLD_VERSION,
      claims: [
        {
          ...OLD_VERSION.claims[0]!,
          figures: [
            {
              text: "96 GB",
              value: 96,
              unit: "GB",
              measure: "capacity",
              normalized: { value: 96, unit: "GB" },
            },
          ],
        },
      ],
    };
    expect(readSnapshot(JSON.stringify(stored)).claims[0]!.figures[0]!.measure).toBe("other");
  });
});

describe("a published comparison", () => {
  it("links the reference rows of both chips it compares, each by name, and says what disagrees", () => {
    const H100 = {
      ...H20,
      id: 2,
      name: "NVIDIA H100",
      int8Tops: 1979,
      tdpWatts: 700,
      sourceUrl: "https://example.com/h100.pdf",
    };
    const quote = "The H20 chip is three times as efficient as the H100.";
    const stored = {
      ...OLD_VERSION,
      claims: [
        {
          ...OLD_VERSION.claims[0]!,
          quote,
          end: quote.length,
          ...frozenFigures(quote, "en", referenceIndex([H20, H100])),
        },
      ],
    };
    const [claim] = readSnapshot(JSON.stringify(stored)).claims;
    const html = renderToStaticMarkup(createElement(ClaimFigures, { claim: claim! }));
    expect(html).toContain(
      '(Epoch AI: <a href="https://example.com/h20.pdf" rel="nofollow">NVIDIA H20</a>, <a href="https://example.com/h100.pdf" rel="nofollow">NVIDIA H100</a>)',
    );
    expect(html).toMatch(
      /<p class="notice" role="note">Claims 3× the NVIDIA H100 \(“three times”\); on INT8 performance per watt the reference figures give 0\.26× \(Epoch AI\)\.<\/p>/,
    );
    expect(html).toContain('<strong class="reference-disagrees">Disagrees</strong>');
  });
});
