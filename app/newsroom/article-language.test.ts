import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";

// An article's language: detected at import, set by an editor (audited), kept by corrections.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("./articles.server");
const { reviseArticle, setArticleLanguage } = await import("./revise.server");
const { articleHistory, readHistoryFilter } = await import("./history.server");
const { addClaim, reviewClaim } = await import("./claims.server");
const { approveClaim } = await import("./approval.server");
const { publishArticle } = await import("../publishing/publish.server");
const { publishedPage } = await import("../publishing/publications.server");

const GERMAN = [
  "# Alibaba stellt neuen KI-Chip vor",
  "",
  "Alibaba hat am 3. Oktober 2025 einen neuen KI-Chip vorgestellt, sagte ein Sprecher des Konzerns.",
  "",
  "Die Aktie stieg in Hongkong um 13 Prozent, während der Umsatz im Quartal bei 1.299,50 Millionen Euro lag.",
].join("\n");

let editor: CurrentUser;
let reviewer: CurrentUser;
const importText = (source: string, title: string) =>
  importArticle(
    { title, outlet: "", author: "", sourceUrl: "", originalDate: "", format: "markdown", source },
    editor.id,
  );
const stored = (id: number) => db().article.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  const user = await createUser({
    email: "editor@language.test",
    name: "Lena Language",
    role: "editor",
    password: "a long password",
  });
  editor = { ...user, role: "editor" };
  const second = await createUser({
    email: "reviewer@language.test",
    name: "Rolf Reviewer",
    role: "reviewer",
    password: "a long password",
  });
  reviewer = { ...second, role: "reviewer" };
});

describe("an article's language", () => {
  it("is detected at import, stored and recorded in the import's audit", async () => {
    const article = await importText(GERMAN, "KI-Chip");
    expect((await stored(article.id)).language).toBe("de");
    const english = await importText("Acme Corp. said revenue rose 12% to $4.2 billion in 2025.", "Acme");
    expect((await stored(english.id)).language).toBe("en");
    const imported = await db().auditEvent.findFirstOrThrow({
      where: { articleId: article.id, action: "imported" },
    });
    expect(JSON.parse(imported.after!)).toMatchObject({ language: "de" });
  });

  it("is set by an editor, audited with before and after, and kept by a later correction", async () => {
    const article = await importText(GERMAN, "KI-Chip, zweite Fassung");
    const { version } = await stored(article.id);
    await setArticleLanguage(article.id, { language: "nl", version }, editor);
    const after = await stored(article.id);
    expect(after.language).toBe("nl");
    expect(after.version).toBe(version + 1);

    const history = await articleHistory(article.id, readHistoryFilter(new URLSearchParams()), {
      page: 1,
      size: 50,
    });
    const set = history.items.find((e) => e.action === "set the language of");
    expect(set?.changes).toContainEqual({ field: "Language", before: "German", after: "Dutch" });
    expect(set?.actor).toBe("Lena Language");

    await reviseArticle(article.id, { markdown: GERMAN + "\n\nNeu.", version: after.version }, editor);
    expect((await stored(article.id)).language).toBe("nl");
  });

  it("refuses a stale version and changes nothing", async () => {
    const article = await importText(GERMAN, "KI-Chip, dritte Fassung");
    await expect(setArticleLanguage(article.id, { language: "fr", version: 99 }, editor)).rejects.toThrow(
      /changed since you opened it/,
    );
    expect((await stored(article.id)).language).toBe("de");
  });

  it("marks the article's words on the published page with their language, the page staying English", async () => {
    const article = await importText(GERMAN, "KI-Chip veröffentlicht");
    const claim = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
    const reviewed = await reviewClaim(
      claim.id,
      { version: claim.version, verdict: "accurate", rationale: "Laut Börse.", status: "needs-review" },
      editor,
    );
    await approveClaim(claim.id, reviewed.version, reviewer);
    const { version, slug } = await stored(article.id);
    await publishArticle(article.id, { articleVersion: version, changeNote: "" }, reviewer);
    const page = (await publishedPage(slug))!.body;
    expect(page).toMatch(/<html lang="en"/);
    expect(page).toMatch(/<h1 lang="de">KI-Chip veröffentlicht<\/h1>/);
    expect(page).toMatch(/<div class="article-text" lang="de">/);
    expect(page).toMatch(/<blockquote lang="de">/);
  });

  it("scores an editor's own claim in the article's language", async () => {
    const article = await importText(GERMAN, "KI-Chip, eigene Behauptung");
    const claim = await addClaim(article.id, { quote: "Die Aktie stieg in Hongkong um 13 Prozent" }, editor);
    const reasons = JSON.parse((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).reasons);
    expect(reasons).toContain(
      "Contains a figure or measurement (“13 Prozent”): numbers can be checked against sources.",
    );
  });
});
