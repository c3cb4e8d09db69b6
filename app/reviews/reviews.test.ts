import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Storing other fact-checkers' reviews on both databases (vitest.config.ts ON_BOTH_DATABASES).
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { parseClaimReviewJson, parseClaimReviewValue } = await import("./claim-review");
const { importReviews, listReviews } = await import("./reviews.server");

let editor: { id: number };
const sample = () => parseClaimReviewJson(readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8"));

beforeAll(async () => {
  editor = await createUser({
    email: "ed@reviews.test",
    name: "Ed",
    role: "editor",
    password: "a long password",
  });
});

describe("importing other fact-checkers' reviews", () => {
  it("stores the valid reviews, names the skipped one, and updates on a second import", async () => {
    expect(await importReviews(sample(), editor)).toEqual({
      imported: 2,
      updated: 0,
      skipped: [{ index: 2, reason: "It has no url." }],
    });
    expect(await importReviews(sample(), editor)).toMatchObject({ imported: 0, updated: 2 });
    expect(await db().externalReview.count()).toBe(2);
    const stored = await db().externalReview.findUniqueOrThrow({
      where: { url: "https://factcheck.example.org/2024/05/alibaba-chip-12-tops" },
    });
    expect(stored).toMatchObject({
      claimant: "Alibaba",
      publisher: "Example Fact Check",
      publisherUrl: "https://factcheck.example.org/",
      reviewDate: "2024-05-02",
      ratingText: "Misleading",
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      importedById: editor.id,
    });
  });

  it("updates a review's fields when its URL comes again, and lists newest first", async () => {
    const again = parseClaimReviewValue({
      "@type": "ClaimReview",
      url: "https://checkers.example.net/reviews/battery-life",
      claimReviewed: "The tablet's battery lasts a week.",
      reviewRating: { alternateName: "Mostly false" },
    });
    expect(await importReviews(again, null)).toEqual({ imported: 0, updated: 1, skipped: [] });
    const { reviews, total } = await listReviews(1);
    expect(total).toBe(2);
    const battery = reviews.find((r) => r.url.includes("battery"))!;
    expect(battery).toMatchObject({
      claimReviewed: "The tablet's battery lasts a week.",
      ratingText: "Mostly false",
    });
    const fresh = parseClaimReviewValue({
      "@type": "ClaimReview",
      url: "https://new.example.org/1",
      claimReviewed: "Something new \u0000 with a NUL",
    });
    expect(await importReviews(fresh, null)).toMatchObject({ imported: 1 });
    expect((await listReviews(1)).reviews[0]).toMatchObject({
      url: "https://new.example.org/1",
      claimReviewed: "Something new with a NUL",
    });
  });

  it("imports a large feed in one transaction", async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      "@type": "ClaimReview",
      url: `https://bulk.example.org/${i}`,
      claimReviewed: `Bulk claim number ${i}`,
    }));
    expect(await importReviews(parseClaimReviewValue(many), null)).toMatchObject({ imported: 1_200 });
    expect(await importReviews(parseClaimReviewValue(many), null)).toMatchObject({
      imported: 0,
      updated: 1_200,
    });
    expect(await db().externalReview.count()).toBe(1_203);
  });
});
