import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";

// An article's history as its page reads it, on a real SQLite file.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("./articles.server");
const { reviewClaim } = await import("./claims.server");
const { approveClaim } = await import("./approval.server");
const { reviseArticle } = await import("./revise.server");
const { publishArticle } = await import("../publishing/publish.server");
const { articleHistory, readHistoryFilter } = await import("./history.server");

const ARTICLE =
  "# Chipmaker results\n\nAcme Corp. said revenue rose 12% to $4.2 billion in 2025.\n\nShares of Acme fell 3%, while Rival Inc. gained 5% on Friday.";
let editor: CurrentUser;
let reviewer: CurrentUser;
let articleId: number;

const firstPage = { page: 1, size: 50 };
const all = (query = "") =>
  articleHistory(articleId, readHistoryFilter(new URLSearchParams(query)), firstPage);

beforeAll(async () => {
  const make = async (name: string, role: "editor" | "reviewer") => {
    const user = await createUser({ email: `${role}@history.test`, name, role, password: "a long password" });
    return { ...user, role };
  };
  editor = await make("Edith Editor", "editor");
  reviewer = await make("Rui Reviewer", "reviewer");
  const article = await importArticle(
    {
      title: "Chipmaker results",
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source: ARTICLE,
    },
    editor.id,
  );
  articleId = article.id;
  const second = (await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } }))[1]!;
  const reviewed = await reviewClaim(
    second.id,
    { version: second.version, verdict: "accurate", rationale: "Exchange data.", status: "needs-review" },
    editor,
  );
  await approveClaim(second.id, reviewed.version, reviewer);
  const publish = async (changeNote: string) =>
    publishArticle(
      articleId,
      {
        articleVersion: (await db().article.findUniqueOrThrow({ where: { id: articleId } })).version,
        changeNote,
        changeKind: "correction",
      },
      reviewer,
    );
  await publish("");
  const { version } = await db().article.findUniqueOrThrow({ where: { id: articleId } });
  await reviseArticle(articleId, { version, markdown: ARTICLE.replace("rose 12%", "rose 11.8%") }, editor);
  await publish("Revenue growth was 11.8%.");
});

describe("an article's history", () => {
  it("shows a correction as the words it changed", async () => {
    const { items } = await all();
    const correction = items.find((e) => e.action === "corrected the text of")!;
    expect(correction.entity).toBe("the article");
    expect(correction.diff).toEqual([
      { kind: "unchanged", paragraphs: 1 },
      {
        kind: "changed",
        parts: [
          { kind: "same", text: "Acme Corp. said revenue rose " },
          { kind: "removed", text: "12%" },
          { kind: "added", text: "11.8%" },
          { kind: "same", text: " to $4.2 billion in 2025." },
        ],
      },
      { kind: "unchanged", paragraphs: 1 },
    ]);
    expect(correction.changes.map((c) => c.field)).toContain("Claims unchanged");
  });

  it("names fields, people, claims and versions as a person reads them", async () => {
    const { items } = await all();
    expect(items[0]).toMatchObject({ actor: "Rui Reviewer", action: "published", entity: "version 2" });
    expect(items.find((e) => e.action === "published" && e.entity === "version 1")).toBeDefined();
    const approval = items.find((e) => e.action === "approved")!;
    expect(approval.entity).toBe("claim 2");
    expect(approval.changes).toEqual(
      expect.arrayContaining([
        { field: "Approved by", before: "—", after: "Rui Reviewer" },
        { field: "Status", before: "Needs review", after: "Approved" },
      ]),
    );
    const fields = items.flatMap((e) => e.changes.map((c) => c.field));
    expect(fields.filter((f) => /^[a-z]+[A-Z]|^(start|end|markdown)$/.test(f))).toEqual([]);
    expect(JSON.stringify(items)).not.toMatch(/publication #/);
  });

  it("filters by kind of change, claim number and person, ignoring values it does not know", async () => {
    expect((await all("kind=publication")).items.map((e) => e.entity)).toEqual(["version 2", "version 1"]);
    expect((await all("claim=2")).items.map((e) => e.action)).toEqual(["approved", "saved the verdict of"]);
    expect((await all(`person=${editor.id}`)).items.every((e) => e.actor === "Edith Editor")).toBe(true);
    expect((await all("claim=99")).items).toEqual([]);
    expect((await all("kind=nonsense&claim=x")).items.length).toBe((await all()).items.length);
    expect((await all()).people.map((p) => p.name)).toEqual(["Edith Editor", "Rui Reviewer"]);
  });

  it("pages through a long history", async () => {
    const total = (await all()).items.length;
    const one = await articleHistory(articleId, {}, { page: 1, size: 2 });
    const two = await articleHistory(articleId, {}, { page: 2, size: 2 });
    expect(one).toMatchObject({ hasPrevious: false, hasNext: true });
    expect(two.hasPrevious).toBe(true);
    expect([...one.items, ...two.items].map((e) => e.id)).toEqual(
      (await all()).items.slice(0, 4).map((e) => e.id),
    );
    expect(total).toBeGreaterThan(4);
  });
});

describe("claim numbers", () => {
  it("are 1..n in reading order on the workbench, the claim page and the history alike", async () => {
    const { articleWorkbench, claimWorkbench } = await import("./workbench.server");
    const other = await importArticle(
      {
        title: "Other",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
        format: "markdown",
        source: ARTICLE,
      },
      editor.id,
    );
    const workbench = await articleWorkbench(other.id, editor, { part: 1, page: 1 });
    expect(workbench.claims.map((c) => c.number)).toEqual(workbench.claims.map((_, i) => i + 1));
    const second = workbench.claims[1]!;
    expect(second.id).not.toBe(2);
    const ref = workbench.highlights.find((h) => h.claimId === String(second.id))!.ref;
    expect(ref).toMatchObject({ href: `#claim-item-${second.id}`, text: "2", label: "Claim 2" });
    await reviewClaim(
      second.id,
      { version: second.version, verdict: "accurate", rationale: "Exchange data.", status: "needs-review" },
      editor,
    );
    const page = await claimWorkbench(other.id, second.id, editor);
    expect(page.claim.number).toBe(2);
    expect(page.siblings.map((s) => s.number)).toEqual([1, 3]);
    // The claim page's trail names the claim by the same number.
    expect(page.history.map((e) => `${e.actor} ${e.action} ${e.entity}`)).toEqual([
      "Edith Editor saved the verdict of claim 2",
    ]);
  });
});
