import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Matching against a real database (both: vitest.config.ts runs this on SQLite and PostgreSQL):
// the seed's claims are found again in another article's words, decisions are kept, and an editor
// can start from an earlier check without getting around the two-person rule.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { seedIfEmpty } = await import("../startup/seed.server");
const { importArticle } = await import("../newsroom/articles.server");
const { approveClaim } = await import("../newsroom/approval.server");
const { claimMatches, decideMatch } = await import("./decisions.server");
const { findMatches } = await import("./match.server");
const { claimNumbers } = await import("../newsroom/claim-numbers");

let editor: { id: number; email: string; name: string; role: "editor" };
let reviewer: { id: number; email: string; name: string; role: "reviewer" };
let repeated = 0;
let seedTops = 0;

/** An article of these paragraphs, imported by the editor, and its claims in reading order. */
const imported = (title: string, paragraphs: string[]) =>
  importArticle(
    {
      title,
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source: paragraphs.join("\n\n"),
    },
    editor.id,
  );
const claimsOf = (articleId: number) =>
  db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });

beforeAll(async () => {
  await seedIfEmpty();
  const password = "a long password";
  editor = {
    ...(await createUser({ email: "ed@match.test", name: "Ed", role: "editor", password })),
    role: "editor",
  };
  reviewer = {
    ...(await createUser({ email: "rev@match.test", name: "Rev", role: "reviewer", password })),
    role: "reviewer",
  };
  const article = await importArticle(
    {
      title: "Alibaba's chip, retold",
      outlet: "Quillmark Daily",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source:
        "Alibaba's new inference processor reaches 12 TOPS, on par with mid-range Nvidia chips, the company says.\n\nIts memory bandwidth is 640 GB/s.",
    },
    editor.id,
  );
  const claims = await db().claim.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
  repeated = claims.find((c) => c.quote.includes("12 TOPS"))!.id;
  seedTops = (await db().claim.findFirstOrThrow({ where: { quote: { contains: "Up to 12 TOPS" } } })).id;
});

describe("has this been checked before?", () => {
  it("finds the seed's checked claim for a claim repeated in other words, with its verdict", async () => {
    const { suggestions, confirmed } = await claimMatches(repeated);
    expect(confirmed).toEqual([]);
    expect(suggestions[0]).toMatchObject({
      id: seedTops,
      verdict: "inaccurate",
      relation: "same",
      conflicts: [],
    });
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });

  it("shows a claim with another figure as related, with the figures named", async () => {
    const matches = await findMatches("The Alibaba chip's memory bandwidth reaches 640 GB/s.");
    // The new article's own claim states the same figure; the seed's states another.
    expect(matches[0]).toMatchObject({ text: "Its memory bandwidth is 640 GB/s.", conflicts: [] });
    expect(matches.find((m) => m.text.includes("512 GB/s"))).toMatchObject({
      relation: "related",
      conflicts: [{ ours: "640 GB/s", theirs: "512 GB/s" }],
    });
  });

  it("suggests another claim of the same article only as a repetition of it", async () => {
    const seed = await db().claim.findUniqueOrThrow({ where: { id: seedTops } });
    const { suggestions } = await claimMatches(seedTops);
    expect(suggestions.filter((m) => m.kind === "claim" && m.articleId === seed.articleId)).toEqual([]);
    const [first, second] = await db().claim.findMany({
      where: { articleId: seed.articleId, status: { not: "dismissed" } },
      orderBy: { start: "asc" },
      take: 2,
    });
    // The same sentence twice in one article is worth knowing: labelled as a repetition.
    const again = await findMatches(first!.quote, { claimId: second!.id, articleId: seed.articleId });
    expect(again.find((m) => m.id === first!.id)).toMatchObject({ sameArticle: true, relation: "same" });
  });

  it("shows a claim the article makes again with another figure, with the difference, and no other of its claims", async () => {
    const article = await imported("Vantor's accelerator, twice over", [
      "Vantor's X1 accelerator delivers 310 TOPS at 45 watts, the company said on Monday.",
      "Shares of Vantor rose 6% after the announcement.",
      "Later, the company said its X1 accelerator delivers 210 TOPS at 45 watts.",
    ]);
    const claims = await claimsOf(article.id);
    const first = claims.find((c) => c.quote.includes("310 TOPS"))!;
    const later = claims.find((c) => c.quote.includes("210 TOPS"))!;
    const shares = claims.find((c) => c.quote.includes("Shares of Vantor"))!;
    const { suggestions } = await claimMatches(first.id);
    const own = suggestions.filter((m) => m.kind === "claim" && m.articleId === article.id);
    expect(own.map((m) => m.id)).toEqual([later.id]);
    expect(own[0]).toMatchObject({
      sameArticle: true,
      relation: "related",
      conflicts: [{ ours: "310 TOPS", theirs: "210 TOPS", kind: "figure" }],
    });
    expect(own.map((m) => m.id)).not.toContain(shares.id);
    // Before anything merely related from elsewhere: a contradiction is worth the first look.
    const firstRelated = suggestions.findIndex(
      (m) => !(m.kind === "claim" && m.sameArticle) && m.relation !== "same",
    );
    if (firstRelated >= 0) expect(suggestions.indexOf(own[0]!)).toBeLessThan(firstRelated);
  });

  it("suggests nothing that shares no word or figure with the claim", async () => {
    const matches = await findMatches("Analysts at Omdia expect Nova to ship 2 million units in 2027.", {});
    expect(matches.map((m) => m.text)).not.toContain("Process Node: 5nm technology.");
    for (const match of matches) expect(match.score).toBeGreaterThanOrEqual(0.1);
  });

  it("confirms two claims whose figures differ as the same only when the editor says so", async () => {
    const bandwidth = await db().claim.findFirstOrThrow({
      where: { quote: "Its memory bandwidth is 640 GB/s." },
    });
    const seedBandwidth = await db().claim.findFirstOrThrow({ where: { quote: { contains: "512 GB/s" } } });
    const confirm = (despiteDifferences?: "yes") =>
      decideMatch(bandwidth.id, { otherId: seedBandwidth.id, decision: "same", despiteDifferences }, editor);
    await expect(confirm()).rejects.toThrow(
      /Nothing was saved: the two claims differ \(this claim says 640 GB\/s, that one 512 GB\/s\)/,
    );
    expect(await db().claimMatch.count({ where: { claimId: bandwidth.id } })).toBe(0);
    await confirm("yes");
    expect((await claimMatches(bandwidth.id)).confirmed.map((m) => m.id)).toEqual([seedBandwidth.id]);
    await db().claimMatch.deleteMany({ where: { claimId: { in: [bandwidth.id, seedBandwidth.id] } } });
  });

  it("keeps a dismissal for this claim only, and links a confirmed match both ways in the history", async () => {
    const { suggestions } = await claimMatches(repeated);
    const other = suggestions.find((m) => m.id !== seedTops)!;
    await decideMatch(repeated, { otherId: other.id, decision: "dismissed" }, editor);
    expect((await claimMatches(repeated)).suggestions.map((m) => m.id)).not.toContain(other.id);

    await decideMatch(repeated, { otherId: seedTops, decision: "same" }, editor);
    const mine = await claimMatches(repeated);
    expect(mine.confirmed.map((m) => m.id)).toEqual([seedTops]);
    expect(mine.suggestions.map((m) => m.id)).not.toContain(seedTops);
    expect((await claimMatches(seedTops)).confirmed.map((m) => m.id)).toEqual([repeated]);
    const events = await db().auditEvent.findMany({ where: { entityType: "claim", entityId: repeated } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["matched", "dismissed-match"]));
  });

  it("starts from the earlier check: verdict, attributed rationale and sources, back to review under this editor", async () => {
    const before = await db().claim.findUniqueOrThrow({ where: { id: repeated } });
    await decideMatch(repeated, { otherId: seedTops, decision: "start", version: before.version }, editor);
    const after = await db().claim.findUniqueOrThrow({
      where: { id: repeated },
      include: { evidence: true },
    });
    const seed = await db().claim.findUniqueOrThrow({ where: { id: seedTops }, include: { evidence: true } });
    expect(after).toMatchObject({ verdict: "inaccurate", status: "needs-review", verdictById: editor.id });
    expect(after.rationale).toContain(seed.rationale.trim().slice(0, 40));
    // Named by its claim number (decision 029), never by its database id.
    const number = claimNumbers(await claimsOf(seed.articleId)).get(seedTops)!;
    expect(number).not.toBe(seedTops);
    expect(after.rationale).toMatch(new RegExp(`\\(claim ${number}\\)\\.$`));
    expect(after.evidence.map((e) => e.url).sort()).toEqual(seed.evidence.map((e) => e.url).sort());
    expect(after.evidence.every((e) => e.note.includes(`Copied from claim ${number} of “`))).toBe(true);
    // The two-person rule holds: the editor who started from it cannot approve it; a reviewer can.
    await expect(approveClaim(repeated, after.version, { ...editor, role: "editor" })).rejects.toThrow();
    await approveClaim(repeated, after.version, reviewer);
  });

  it("refuses to start from a check that was not confirmed as the same claim", async () => {
    const unconfirmed = await db().claim.findFirstOrThrow({
      where: { quote: "Its memory bandwidth is 640 GB/s." },
    });
    const claim = await db().claim.findUniqueOrThrow({ where: { id: seedTops } });
    await expect(
      decideMatch(seedTops, { otherId: unconfirmed.id, decision: "start", version: claim.version }, editor),
    ).rejects.toThrow(/Confirm that the two are the same claim/);
  });

  it("matches another fact-checker's imported review of the same claim, as theirs, with a link out", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseClaimReviewJson } = await import("../importing/claim-review");
    const { importReviews } = await import("../reviews/reviews.server");
    await importReviews(
      parseClaimReviewJson(readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8")),
      editor,
    );
    const { suggestions } = await claimMatches(seedTops);
    const external = suggestions.find((m) => m.kind === "external");
    expect(external).toMatchObject({
      kind: "external",
      publisher: "Example Fact Check",
      verdict: "Misleading",
      url: "https://factcheck.example.org/2024/05/alibaba-chip-12-tops",
      articleId: null,
      conflicts: [],
    });
    // An unrelated review is not suggested.
    expect(suggestions.some((m) => m.text.includes("battery"))).toBe(false);
  });
});

describe("a claim that names no company, from an article about another company", () => {
  it("is about its article's: the seed's chip is Alibaba's, and a Qualcomm article's is Qualcomm's", async () => {
    const article = await imported("Qualcomm’s new AI chip", [
      "The new inference processor reaches 12 TOPS, on par with mid-range Nvidia chips, the company says.",
    ]);
    const [claim] = await db().claim.findMany({ where: { articleId: article.id } });
    const { suggestions } = await claimMatches(claim!.id);
    // Without the articles, the two would be the same claim: same figure, same comparison.
    expect(suggestions.find((m) => m.id === seedTops)).toMatchObject({
      relation: "related",
      conflicts: [{ ours: "Qualcomm", theirs: "Alibaba", kind: "name" }],
    });
    expect(suggestions.some((m) => m.relation === "same")).toBe(false);
    // Confirming them as one claim asks first, naming the difference the panel showed.
    await expect(decideMatch(claim!.id, { otherId: seedTops, decision: "same" }, editor)).rejects.toThrow(
      /the two claims differ \(this claim names Qualcomm, that one Alibaba\)/,
    );
    await db().claim.updateMany({ where: { articleId: article.id }, data: { status: "dismissed" } });
  });
});

describe("a claim whose own article says nearly the same with another year", () => {
  it("still calls the check done elsewhere the same claim", async () => {
    const earlier = await imported("Hangzhou centre", [
      "Alibaba is to open a new semiconductor design hub in Hangzhou in 2026, according to a filing.",
    ]);
    const [checked] = await claimsOf(earlier.id);
    await db().claim.update({ where: { id: checked!.id }, data: { verdict: "accurate" } });
    const article = await imported("Hangzhou centre, twice", [
      "Alibaba will open a chip design centre in Hangzhou in 2026, the company said on Monday.",
      "Alibaba will open a chip design centre in Hangzhou in 2028, the company said on Monday.",
    ]);
    const [claim] = await claimsOf(article.id);
    const matches = await findMatches(claim!.quote, { claimId: claim!.id, articleId: article.id });
    // The sibling (2028) outscores the earlier check on wording, but it is of this article: shown
    // after the check done elsewhere, as the article saying otherwise, and no rival to it.
    expect(matches[0]).toMatchObject({ id: checked!.id, relation: "same" });
    expect(matches.filter((m) => m.articleId === article.id)).toMatchObject([
      {
        sameArticle: true,
        relation: "related",
        conflicts: [{ ours: "2026", theirs: "2028", kind: "figure" }],
      },
    ]);
    await db().claim.updateMany({
      where: { articleId: { in: [earlier.id, article.id] } },
      data: { status: "dismissed" },
    });
  });
});

describe("the desk's 'checked before' filter", () => {
  it("lists the claims confirmed as the same as an earlier checked claim, and no others", async () => {
    const { deskRows } = await import("../newsroom/desk.server");
    const filter = {
      status: "any",
      verdict: "any",
      assignee: "any",
      article: "any",
      previous: "yes",
      queue: "any",
    } as const;
    const rows = await deskRows(filter, editor.id, { page: 1, size: 50 });
    // The repeated claim was confirmed the same as the seed's; the seed's own claim points back
    // at it, and it has a verdict now too.
    expect(rows.items.map((r) => r.id).sort()).toEqual([repeated, seedTops].sort());
    const all = await deskRows({ ...filter, previous: "any" }, editor.id, { page: 1, size: 50 });
    expect(all.items.length).toBeGreaterThan(2);
  });
});

describe("deciding from the desk, many claims at once", () => {
  it("confirms each claim's likely same earlier claim, or dismisses every suggestion", async () => {
    const retold = await imported("Markets, retold", [
      "Alibaba's shares spiked by as much as 13% on the news, traders said.",
      "Nvidia stock dipped between 3 and 4 percent on Friday.",
    ]);
    const claims = await claimsOf(retold.id);
    const [shares, nvidia] = [claims[0]!.id, claims[1]!.id];
    const { decideInBulk } = await import("./decisions.server");
    expect(await decideInBulk({ claimIds: [shares], decision: "same" }, editor)).toEqual({
      claims: 1,
      decided: 1,
    });
    expect((await claimMatches(shares)).confirmed[0]!.text).toMatch(/^Alibaba’s shares spiked/);
    // Our own claims only: another fact-checker's review (imported above) has nothing to dismiss.
    const suggested = (await claimMatches(nvidia)).suggestions
      .filter((m) => m.kind === "claim")
      .map((m) => m.id);
    const before = suggested.length;
    expect(before).toBeGreaterThan(0);
    expect(await decideInBulk({ claimIds: [nvidia], decision: "dismissed" }, editor)).toEqual({
      claims: 1,
      decided: before,
    });
    const after = await claimMatches(nvidia);
    expect(after.confirmed).toEqual([]);
    // Dismissed suggestions are gone; further candidates may move up in their place.
    expect(after.suggestions.filter((m) => m.kind === "claim" && suggested.includes(m.id))).toEqual([]);
  });
});
