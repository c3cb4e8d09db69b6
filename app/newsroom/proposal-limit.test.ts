import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { importArticle, MAX_PROPOSALS, strongestClaims } from "./articles.server";
import { reviseArticle } from "./revise.server";
import { db } from "../db/client.server";

await useFreshDatabase();

const claim = (start: number, score: number) => ({ start, end: start + 5, score });

describe("strongestClaims", () => {
  it("keeps everything up to the limit, untouched", () => {
    const claims = [claim(0, 0.5), claim(10, 0.9)];
    expect(strongestClaims(claims, 2)).toBe(claims);
  });

  it("keeps the most check-worthy, earlier first on a tie, back in reading order", () => {
    const claims = [claim(0, 0.5), claim(10, 0.9), claim(20, 0.7), claim(30, 0.9), claim(40, 0.7)];
    expect(strongestClaims(claims, 3).map((c) => c.start)).toEqual([10, 20, 30]);
    expect(strongestClaims(claims, 0)).toEqual([]);
    expect(strongestClaims(claims, -4)).toEqual([]);
  });
});

describe("an article with more claim-like passages than any desk can review", () => {
  const line = (i: number) =>
    `| Plant ${i} | Acme Corp said it employs ${1000 + i} people, ${i % 90}% more than in 2020 |`;
  const table = (rows: number) =>
    `| Plant | Figures |\n|---|---|\n${Array.from({ length: rows }, (_, i) => line(i)).join("\n")}`;

  it("gets at most MAX_PROPOSALS proposals, and the import says how many more were found", async () => {
    const { id } = await importArticle(
      {
        title: "Plants",
        source: table(MAX_PROPOSALS + 200),
        format: "markdown",
        sourceUrl: "",
        outlet: "",
        author: "",
        originalDate: "",
      },
      null,
    );
    expect(await db().claim.count({ where: { articleId: id } })).toBe(MAX_PROPOSALS);
    const event = await db().auditEvent.findFirstOrThrow({ where: { articleId: id, action: "imported" } });
    expect(JSON.parse(event.after!)).toMatchObject({ proposedClaims: MAX_PROPOSALS, notProposed: 200 });

    // A correction that adds more such lines proposes none beyond the limit.
    const article = await db().article.findUniqueOrThrow({ where: { id } });
    const revision = await reviseArticle(
      id,
      { markdown: `${article.markdown}\n${line(5_000)}\n${line(5_001)}`, version: article.version },
      null,
    );
    expect(revision.proposed).toBe(0);
    expect(await db().claim.count({ where: { articleId: id } })).toBe(MAX_PROPOSALS);
  });
});
