import { describe, expect, it } from "vitest";
import { ArticleImportSchema, ArticleRevisionSchema, ClaimReviewSchema, EvidenceSchema } from "./schemas";
import { SearchParamsSchema } from "../search/search-request";

describe("article text", () => {
  const meta = { title: "A title" };

  it("refuses a null character with a message, on import and on correction", () => {
    const imported = ArticleImportSchema.safeParse({ ...meta, source: "Acme sold 4\u0000 million chips." });
    expect(imported.success).toBe(false);
    expect(imported.error?.issues[0]?.message).toMatch(/null character \(U\+0000\)/);
    const corrected = ArticleRevisionSchema.safeParse({ version: 1, markdown: "Fixed\u0000 text." });
    expect(corrected.error?.issues[0]?.message).toMatch(/null character/);
  });

  it("accepts every other character, control characters and unpaired surrogates included", () => {
    const text = "Acme\u0001 sold \uD800 4 million \u202E chips.";
    expect(ArticleImportSchema.parse({ ...meta, source: text }).source).toBe(text);
  });
});

describe("dates", () => {
  it("refuses an impossible source date and original date, saying which", () => {
    const evidence = EvidenceSchema.safeParse({
      url: "https://example.org",
      stance: "supports",
      publishedOn: "2017-02-30",
    });
    expect(evidence.error?.issues[0]).toMatchObject({
      path: ["publishedOn"],
      message: expect.stringMatching(/2017-02-30 is not a day of the calendar/),
    });
    const article = ArticleImportSchema.safeParse({
      title: "T",
      source: "Text.",
      originalDate: "2023-02-29",
    });
    expect(article.error?.issues[0]?.path).toEqual(["originalDate"]);
    expect(SearchParamsSchema.parse({ q: "", from: "2017-02-30", to: "2017-02-28" })).toMatchObject({
      from: undefined,
      to: new Date("2017-02-28T00:00:00Z"),
    });
  });
});

describe("asking for review", () => {
  const form = { version: "3", status: "researching", askReview: "yes" };

  it("puts a verdict with its rationale on the reviewers' desk", () => {
    const parsed = ClaimReviewSchema.parse({
      ...form,
      verdict: "accurate",
      rationale: "The maker's data sheet says so.",
    });
    expect(parsed.status).toBe("needs-review");
  });

  it("refuses a verdict without a rationale, or a rationale without a verdict, saying which", () => {
    const noRationale = ClaimReviewSchema.safeParse({ ...form, verdict: "accurate", rationale: "  " });
    expect(noRationale.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      [
        "rationale",
        "Write the rationale before asking for review: a reviewer cannot approve a verdict without one.",
      ],
    ]);
    const noVerdict = ClaimReviewSchema.safeParse({ ...form, verdict: "", rationale: "Why." });
    expect(noVerdict.error?.issues.map((i) => i.path[0])).toEqual(["verdict"]);
    // Saving alone still keeps work in progress, without either.
    expect(
      ClaimReviewSchema.parse({ ...form, askReview: undefined, verdict: "", rationale: "" }).status,
    ).toBe("researching");
  });
});
