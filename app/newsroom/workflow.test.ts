import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";

// A real SQLite file, migrated by the app's migrator; modules load after it is configured.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("./articles.server");
const claims = {
  ...(await import("./claims.server")),
  ...(await import("./claim-boundaries.server")),
  ...(await import("./approval.server")),
};
const { addEvidence, updateEvidence, removeEvidence } = await import("./evidence.server");
const { publishArticle } = await import("../publishing/publish.server");
const { loadPublication } = await import("../publishing/publications.server");
const { loadFactCheck } = await import("../startup/seed.server");
const { reviseArticle } = await import("./revise.server");
const { ConflictError, UserError } = await import("../utils/errors");

let editor: CurrentUser;
let otherEditor: CurrentUser;
let reviewer: CurrentUser;

const asCurrent = (u: { id: number; email: string; name: string; role: string }) => ({
  ...u,
  role: u.role as CurrentUser["role"],
});

beforeAll(async () => {
  editor = asCurrent(
    await createUser({
      email: "ed@desk.test",
      name: "Edith Editor",
      role: "editor",
      password: "correct horse 1",
    }),
  );
  otherEditor = asCurrent(
    await createUser({
      email: "ed2@desk.test",
      name: "Oscar Other",
      role: "editor",
      password: "correct horse 2",
    }),
  );
  reviewer = asCurrent(
    await createUser({
      email: "rev@desk.test",
      name: "Rita Reviewer",
      role: "reviewer",
      password: "correct horse 3",
    }),
  );
});

const BLANK_META = { outlet: "", author: "", sourceUrl: "", originalDate: "" };
const ARTICLE = `# Chipmaker results\n\nAcme Corp. said revenue rose 12% to $4.2 billion in 2025. Support us on Patreon!\n\nShares of Acme fell 3%, while Rival Inc. gained 5% on Friday.`;

describe("the seed fact-check", () => {
  it("loads as a published article with 16 approved claims and their evidence", async () => {
    const slug = await loadFactCheck("fixtures/alibaba-ai-chip.fact-check.json");
    expect(slug).toBe("alibaba-ai-chip");
    const published = await loadPublication(slug);
    expect(published!.snapshot.claims).toHaveLength(16);
    expect(published!.snapshot.claims.every((c) => c.evidence.length > 0)).toBe(true);
    expect(new Set(published!.snapshot.claims.map((c) => c.verdict))).toEqual(
      new Set(["accurate", "mostly-accurate", "mixed", "misleading", "inaccurate", "unsupported"]),
    );
    const article = await db().article.findUniqueOrThrow({ where: { slug }, include: { claims: true } });
    const candidates = article.claims.filter((c) => c.status === "candidate");
    expect(candidates.length).toBeGreaterThan(5);
    // Machine proposals never duplicate a checked claim.
    const approved = article.claims.filter((c) => c.status === "approved");
    for (const c of candidates) expect(approved.some((a) => a.start < c.end && c.start < a.end)).toBe(false);
    // Checked claims carry the engine's reasons too, as the claim page and the classroom reveal show them.
    for (const c of approved) {
      const reasons = JSON.parse(c.reasons) as string[];
      expect(reasons[0]).toBe("Checked in the seed fact-check.");
      expect(reasons.length, c.quote).toBeGreaterThan(1);
      const named = reasons.filter((r) => r.startsWith("Names ")).join(" ");
      expect(named).not.toMatch(/“(?:It’s|Enables|Node|Efficiency|Bandwidth|Tera)”/u);
    }
    const memory = approved.find((c) => c.quote.includes("512 GB/s"));
    if (memory) expect(memory.reasons).toContain("Contains a figure or measurement (“512 GB/s”)");
  });
});

describe("checking an article", () => {
  it("imports, proposes claims, and takes a claim through to publication", async () => {
    const article = await importArticle(
      {
        title: "Chipmaker results",
        outlet: "Test Wire",
        author: "",
        sourceUrl: "https://example.com/a",
        originalDate: "2025-11",
        format: "markdown",
        source: ARTICLE,
      },
      editor.id,
    );
    const proposed = await db().claim.findMany({
      where: { articleId: article.id },
      orderBy: { start: "asc" },
    });
    expect(proposed.map((c) => c.quote)).toEqual([
      "Acme Corp. said revenue rose 12% to $4.2 billion in 2025.",
      "Shares of Acme fell 3%",
      "Rival Inc. gained 5% on Friday.",
    ]);

    const claim = proposed[0]!;
    const reviewed = await claims.reviewClaim(
      claim.id,
      {
        version: claim.version,
        verdict: "accurate",
        rationale: "The annual report says so.",
        status: "needs-review",
      },
      editor,
    );
    await addEvidence(
      claim.id,
      {
        url: "https://example.com/report",
        title: "Annual report",
        publisher: "Acme",
        publishedOn: "2026-02",
        stance: "supports",
        note: "",
        excerpt: "",
        archiveUrl: "",
      },
      editor,
    );

    await expect(claims.approveClaim(claim.id, reviewed.version + 1, editor)).rejects.toThrow(
      /two-person rule/,
    );
    const approved = await claims.approveClaim(claim.id, reviewed.version + 1, reviewer);
    expect(approved.status).toBe("approved");
    expect(approved.approvedById).toBe(reviewer.id);

    const fresh = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    const v1 = await publishArticle(article.id, { articleVersion: fresh.version, changeNote: "" }, reviewer);
    expect(v1.number).toBe(1);
    const published = await loadPublication(fresh.slug, 1);
    expect(published!.snapshot.claims.map((c) => c.quote)).toEqual([claim.quote]);

    // A correction: the draft changes, version 2 needs a note, version 1 stays as it was.
    const current = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    const changed = await claims.reviewClaim(
      claim.id,
      {
        version: current.version,
        verdict: "mostly-accurate",
        rationale: "Revenue rose 11.8%, rounded up.",
        status: "needs-review",
      },
      otherEditor,
    );
    expect(changed.status).toBe("needs-review");
    expect(changed.approvedById).toBeNull();
    await claims.approveClaim(claim.id, changed.version, reviewer);
    const after = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    await expect(
      publishArticle(
        article.id,
        { articleVersion: after.version, changeNote: " ", changeKind: "correction" },
        reviewer,
      ),
    ).rejects.toThrow(/change note/);
    // Corrected or updated is the publisher's to say, never a default.
    const { PublishSchema } = await import("./schemas");
    const unsaid = PublishSchema.parse({
      articleVersion: String(after.version),
      changeNote: "Revenue growth was 11.8%.",
    });
    expect(unsaid.changeKind).toBeUndefined();
    await expect(publishArticle(article.id, unsaid, reviewer)).rejects.toMatchObject({
      message:
        "Choose whether version 2 corrects something published or adds to it: readers see “Corrected” or “Updated”.",
      fields: { changeKind: "Choose one of the two." },
    });
    await publishArticle(
      article.id,
      { articleVersion: after.version, changeNote: "Revenue growth was 11.8%.", changeKind: "correction" },
      reviewer,
    );
    expect((await loadPublication(fresh.slug, 1))!.snapshot.claims[0]!.verdict).toBe("accurate");
    const v2 = await loadPublication(fresh.slug);
    expect(v2!.snapshot.claims[0]!.verdict).toBe("mostly-accurate");
    expect(v2!.history.map((h) => h.changeNote)).toEqual(["", "Revenue growth was 11.8%."]);

    const { claimHistory } = await import("./history.server");
    const { claimNumbers } = await import("./claim-numbers");
    const { claimSpans } = await import("./claims.server");
    const trailOfClaim = await claimHistory(claim, claimNumbers(await claimSpans(article.id)));
    expect(trailOfClaim[0]).toMatchObject({ actor: "Rita Reviewer", action: "approved", entity: "claim 1" });
    const review = trailOfClaim.find(
      (e) => e.action === "saved the verdict of" && e.actor === "Oscar Other",
    )!;
    expect(review.changes).toEqual(
      expect.arrayContaining([
        { field: "Verdict", before: "Accurate", after: "Mostly accurate" },
        { field: "Status", before: "Approved", after: "Needs review" },
      ]),
    );
    const trail = await db().auditEvent.findMany({
      where: { articleId: article.id },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual([
      "imported",
      "reviewed",
      "added",
      "approved",
      "published",
      "reviewed",
      "approved",
      "published",
    ]);
    expect(JSON.parse(trail[5]!.before!).verdict).toBe("accurate");
    expect(JSON.parse(trail[5]!.after!).verdict).toBe("mostly-accurate");
  });

  it("refuses a stale save instead of overwriting it", async () => {
    const article = await importArticle(
      {
        title: "Stale",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
        format: "text",
        source: "Acme shipped 5 million chips in 2024.",
      },
      editor.id,
    );
    const claim = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
    await claims.reviewClaim(
      claim.id,
      { version: claim.version, verdict: "accurate", rationale: "First.", status: "researching" },
      editor,
    );
    await expect(
      claims.reviewClaim(
        claim.id,
        { version: claim.version, verdict: "inaccurate", rationale: "Second.", status: "researching" },
        otherEditor,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).rationale).toBe("First.");
  });

  it("adds, adjusts, splits and merges claims by the article's own words", async () => {
    const article = await importArticle(
      {
        title: "Shape",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
        format: "markdown",
        source: ARTICLE,
      },
      editor.id,
    );
    await expect(claims.addClaim(article.id, { quote: "revenue fell 50%" }, editor)).rejects.toBeInstanceOf(
      UserError,
    );
    const added = await claims.addClaim(article.id, { quote: "revenue rose 12% to $4.2 billion" }, editor);
    expect(added.origin).toBe("editor");
    await expect(
      claims.addClaim(article.id, { quote: "revenue rose 12% to $4.2 billion" }, editor),
    ).rejects.toThrow(/already a claim/);

    const adjusted = await claims.adjustClaim(added.id, added.version, "revenue rose 12%", editor);
    expect(adjusted.quote).toBe("revenue rose 12%");
    const [first, second] = await claims.splitClaim(adjusted.id, adjusted.version, "12%", editor);
    expect([first.quote, second.quote]).toEqual(["revenue rose", "12%"]);
    const merged = await claims.mergeClaims(first.id, first.version, second.id, editor);
    expect(merged.quote).toBe("revenue rose 12%");
    expect(await db().claim.findUnique({ where: { id: second.id } })).toBeNull();
  });

  it("splits without leaving a dangling conjunction or comma on either part", async () => {
    const article = await importArticle(
      {
        ...BLANK_META,
        title: "Split",
        format: "text",
        source: "Acme launched the GV100 in 2015, and it sold 3 million units.",
      },
      editor.id,
    );
    const whole = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
    expect(whole.quote).toBe("Acme launched the GV100 in 2015, and it sold 3 million units.");
    const [first, second] = await claims.splitClaim(whole.id, whole.version, "and it sold", editor);
    expect([first.quote, second.quote]).toEqual([
      "Acme launched the GV100 in 2015",
      "it sold 3 million units.",
    ]);
  });

  it("will not publish unapproved work or approve a claim without a rationale", async () => {
    const article = await importArticle(
      {
        title: "Empty",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
        format: "text",
        source: "Acme shipped 5 million chips in 2024.",
      },
      editor.id,
    );
    await expect(
      publishArticle(article.id, { articleVersion: article.version, changeNote: "" }, reviewer),
    ).rejects.toThrow(/approve at least one claim/);
    const claim = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
    await expect(claims.approveClaim(claim.id, claim.version, reviewer)).rejects.toThrow(
      /verdict and a written rationale/,
    );
    await expect(
      publishArticle(article.id, { articleVersion: article.version + 7, changeNote: "" }, reviewer),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("edits and removes evidence, and each change withdraws an approval", async () => {
    const article = await importArticle(
      {
        title: "Evidence",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
        format: "text",
        source: "Acme shipped 5 million chips in 2024.",
      },
      editor.id,
    );
    const claim = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
    const reviewed = await claims.reviewClaim(
      claim.id,
      { version: claim.version, verdict: "accurate", rationale: "Shipping data.", status: "needs-review" },
      editor,
    );
    const source = {
      url: "https://example.com/a",
      title: "A",
      publisher: "Pub",
      publishedOn: "2024",
      stance: "supports" as const,
      note: "",
      excerpt: "",
      archiveUrl: "",
    };
    const evidence = await addEvidence(claim.id, source, editor);
    const approved = await claims.approveClaim(claim.id, reviewed.version + 1, reviewer);
    expect(approved.status).toBe("approved");

    const edited = await updateEvidence(
      evidence.id,
      { ...source, stance: "refutes", note: "Read again: it refutes." },
      otherEditor,
    );
    expect(edited.stance).toBe("refutes");
    const afterEdit = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(afterEdit.status).toBe("needs-review");
    expect(afterEdit.lastEditorId).toBe(otherEditor.id);

    await removeEvidence(evidence.id, otherEditor);
    expect(await db().evidence.count({ where: { claimId: claim.id } })).toBe(0);
    await expect(removeEvidence(evidence.id, otherEditor)).rejects.toThrow(/already removed/);
    const actions = (
      await db().auditEvent.findMany({
        where: { entityType: "evidence", entityId: evidence.id },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(["added", "edited", "removed"]);
  });

  it("re-anchors claims when the text is corrected; published versions stay as they were", async () => {
    const seeded = await db().article.findUniqueOrThrow({
      where: { slug: "alibaba-ai-chip" },
      include: { claims: true },
    });
    const before = (await loadPublication("alibaba-ai-chip"))!;
    const corrected = seeded.markdown
      .replace("Memory Bandwidth: 512 GB/s. Enables high-speed data processing for AI workloads.", "")
      .replace(
        "Alibaba’s shares spiked—up to **+13%** on the news.",
        "Alibaba’s shares spiked — up to **+13%** on the news.",
      )
      .replace("Process Node: 5nm technology.", "Process Node: 5 nm technology.");
    const revision = await reviseArticle(seeded.id, { markdown: corrected, version: seeded.version }, editor);
    expect(revision.orphaned).toBe(1);
    expect(revision.moved).toBeGreaterThanOrEqual(2);
    const claimsAfter = await db().claim.findMany({ where: { articleId: seeded.id } });
    const memory = claimsAfter.find((c) => c.quote.startsWith("Memory Bandwidth"))!;
    expect(memory.orphanedAt).not.toBeNull();
    expect(memory.status).toBe("needs-review");
    const node = claimsAfter.find((c) => c.quote.startsWith("Process Node"))!;
    expect(node.quote).toBe("Process Node: 5 nm technology.");
    expect(node.status).toBe("needs-review"); // its words changed: approval withdrawn
    const unchanged = claimsAfter.find(
      (c) => c.quote === "Architecture: RISC-V with custom AI accelerators.",
    )!;
    expect(unchanged.status).toBe("approved");
    const { text } = (await import("../claims/projection")).project(corrected);
    for (const c of claimsAfter.filter((c) => !c.orphanedAt))
      expect(text.slice(c.start, c.end)).toBe(c.quote);
    await expect(claims.approveClaim(memory.id, memory.version, reviewer)).rejects.toThrow(/lost its place/);
    expect((await loadPublication("alibaba-ai-chip"))!.snapshot).toEqual(before.snapshot);
    await expect(
      reviseArticle(seeded.id, { markdown: corrected, version: seeded.version }, editor),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
