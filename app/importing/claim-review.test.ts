import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  claimReviewsFrom,
  MAX_INPUT_BYTES,
  MAX_REVIEWS,
  parseClaimReviewJson,
  parseClaimReviewValue,
  ReviewInputError,
} from "./claim-review";
import { jsonLdBlocks } from "./page-json-ld";

const review = (over: Record<string, unknown> = {}) => ({
  "@type": "ClaimReview",
  url: "https://checks.example.org/a",
  claimReviewed: "The moon is made of cheese.",
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A. Person" } },
  author: { "@type": "Organization", name: "Example Checks", url: "https://checks.example.org/" },
  datePublished: "2024-05-02",
  reviewRating: {
    "@type": "Rating",
    alternateName: "False",
    ratingValue: "1",
    bestRating: 5,
    worstRating: 1,
  },
  ...over,
});

describe("reading ClaimReview JSON-LD", () => {
  it("reads every field of a single object", () => {
    const { reviews, skipped } = parseClaimReviewValue(review());
    expect(skipped).toEqual([]);
    expect(reviews).toEqual([
      {
        index: 0,
        review: {
          url: "https://checks.example.org/a",
          claimReviewed: "The moon is made of cheese.",
          claimant: "A. Person",
          publisher: "Example Checks",
          publisherUrl: "https://checks.example.org/",
          reviewDate: "2024-05-02",
          ratingText: "False",
          ratingValue: 1,
          bestRating: 5,
          worstRating: 1,
        },
      },
    ]);
  });

  it("reads arrays, @graph and DataCommons DataFeeds, passing over other nodes", () => {
    const a = review();
    const b = review({ url: "https://checks.example.org/b" });
    const c = review({ url: "https://checks.example.org/c", "@type": ["ClaimReview"] });
    expect(parseClaimReviewValue([a, b]).reviews).toHaveLength(2);
    expect(
      parseClaimReviewValue({ "@graph": [{ "@type": "WebPage", name: "x" }, a, { "@graph": [b] }] }).reviews,
    ).toHaveLength(2);
    const feed = {
      "@type": "DataFeed",
      dataFeedElement: [{ item: [a, b] }, { item: c }, { item: "nonsense" }, null, 4],
    };
    expect(parseClaimReviewValue(feed).reviews.map((r) => r.review.url)).toEqual([
      "https://checks.example.org/a",
      "https://checks.example.org/b",
      "https://checks.example.org/c",
    ]);
  });

  it("uses the publisher when there is no author, and leaves absent fields empty", () => {
    const { reviews } = parseClaimReviewValue(
      review({
        author: undefined,
        publisher: { name: "Pub" },
        itemReviewed: undefined,
        reviewRating: undefined,
      }),
    );
    expect(reviews[0]!.review).toMatchObject({
      publisher: "Pub",
      claimant: "",
      ratingText: "",
      ratingValue: null,
      bestRating: null,
    });
  });

  it("skips invalid reviews with a reason, never half-reading them", () => {
    const { reviews, skipped } = parseClaimReviewValue([
      review({ url: undefined }),
      review({ url: "https://checks.example.org/b", claimReviewed: "   " }),
      review({ url: "javascript:alert(1)" }),
      review({ url: "ftp://checks.example.org/x" }),
      review({ url: "https://checks.example.org/long", claimReviewed: "x".repeat(5_001) }),
      review({ url: "https://checks.example.org/pub", author: { name: "p".repeat(501) } }),
      review({ url: { "@id": "https://x" } }),
      review({ url: "https://checks.example.org/ok" }),
      review({ url: "https://checks.example.org/ok" }),
    ]);
    expect(reviews.map((r) => r.index)).toEqual([7]);
    expect(skipped).toEqual([
      { index: 0, reason: "It has no url." },
      { index: 1, reason: "It has no claimReviewed." },
      { index: 2, reason: "Its url is not an http or https address." },
      { index: 3, reason: "Its url is not an http or https address." },
      { index: 4, reason: "Its claimReviewed is longer than 5,000 characters." },
      { index: 5, reason: "The publisher's name is longer than 500 characters." },
      { index: 6, reason: "It has no url." },
      { index: 8, reason: "It has the same url as review 8." },
    ]);
  });

  it("cleans control characters and lone surrogates, ignores unusable numbers and publisher urls", () => {
    const { reviews } = parseClaimReviewValue(
      review({
        claimReviewed: "A\u0000 claim\n\twith \uD800 junk",
        author: { name: "Pub", url: "javascript:void(0)" },
        reviewRating: {
          alternateName: ["Mostly false"],
          ratingValue: "NaN",
          bestRating: "",
          worstRating: {},
        },
      }),
    );
    expect(reviews[0]!.review).toMatchObject({
      claimReviewed: "A claim with \uFFFD junk",
      publisherUrl: "",
      ratingText: "Mostly false",
      ratingValue: null,
      bestRating: null,
      worstRating: null,
    });
  });

  it("refuses input it cannot read with a sentence", () => {
    expect(() => parseClaimReviewJson("{not json")).toThrow("The JSON-LD is not valid JSON.");
    expect(() => parseClaimReviewJson("  ")).toThrow("The JSON-LD is empty.");
    expect(() => parseClaimReviewJson('{"@type":"WebPage"}')).toThrow("The JSON-LD has no ClaimReview.");
    expect(() => parseClaimReviewJson("null")).toThrow(ReviewInputError);
    expect(() => parseClaimReviewJson(" ".repeat(MAX_INPUT_BYTES + 1))).toThrow("larger than 5 MB");
    expect(() => claimReviewsFrom([Array.from({ length: MAX_REVIEWS + 1 }, () => review())])).toThrow(
      "more than 5,000 reviews",
    );
  });

  it("survives deep nesting without recursing forever", () => {
    const deep = "[".repeat(100_000) + JSON.stringify(review()) + "]".repeat(100_000);
    expect(() => parseClaimReviewJson(deep)).toThrow(ReviewInputError);
    const graphs = '{"@graph":'.repeat(10_000) + JSON.stringify(review()) + "}".repeat(10_000);
    expect(() => parseClaimReviewJson(graphs)).toThrow(ReviewInputError);
  });

  it("reads the sample feed: two reviews and one skipped for its missing url", () => {
    const parsed = parseClaimReviewJson(readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8"));
    expect(parsed.reviews).toHaveLength(2);
    expect(parsed.skipped).toEqual([{ index: 2, reason: "It has no url." }]);
  });
});

describe("JSON-LD on a fact-check page", () => {
  it("takes the ld+json blocks, passing over broken ones and other scripts", () => {
    const html = `<html><head>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json; charset=utf-8">${JSON.stringify(review())}</script>
      <script>var x = ${JSON.stringify(review({ url: "https://evil.example/" }))}</script>
      <script type="application/ld+json">${JSON.stringify({ "@graph": [review({ url: "https://checks.example.org/b" })] })}</script>
    </head><body></body></html>`;
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(2);
    expect(claimReviewsFrom(blocks).reviews.map((r) => r.review.url)).toEqual([
      "https://checks.example.org/a",
      "https://checks.example.org/b",
    ]);
  });
});
