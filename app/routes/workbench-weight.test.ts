import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generatedArticle } from "../../scripts/bench-articles";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { routeArgs } from "./testing.server";

// The workbench's pages as server.js loads them, on a real SQLite file with a 200 KB article of
// a thousand proposed claims: what each page sends is bounded by what it shows, not by the
// article's length (the issue: 3.3 MB of HTML, a merge list of 1,165 options, /articles
// sending every article's text). The benchmark measures bytes and times; this checks the bounds.
const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-weight-")), "weight.db");
const workspace = generateWorkspace(file, {
  articles: 3,
  claimsPerArticle: 4,
  published: 0,
  markdownChars: 4000,
});
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
const { loader: articleLoader, action: articleAction } = await import("./article");
const { loader: claimLoader } = await import("./claim");
const { loader: articlesLoader } = await import("./articles");
const { importArticle } = await import("../newsroom/articles.server");
const { db } = await import("../db/client.server");
const { CLAIMS_PER_PAGE } = await import("../newsroom/workbench.server");
const { MERGE_NEIGHBOURS } = await import("../newsroom/claims.server");

const cookie = `claimdesk_session=${workspace.sessionToken}`;
const load = <T>(loader: (args: never) => Promise<T>, url: string, params: Record<string, string>) =>
  loader(routeArgs(new Request(`http://localhost${url}`, { headers: { cookie } }), params));
const ARTICLE = generatedArticle(200_000);
let articleId = 0;

/** The workbench's loader at `search`: what the page reads, and its status (404 past the list's end). */
async function openWorkbench(search = "") {
  const { data, init } = await load(articleLoader, `/articles/${articleId}${search}`, {
    id: String(articleId),
  });
  return { data, status: init?.status ?? 200 };
}

/** Dismisses or restores a claim from the list at `view`, as its button does; the address it leads to. */
async function fromTheList(
  intent: "dismiss" | "restore",
  claim: { id: number; version: number },
  view: string,
) {
  const request = new Request(`http://localhost/articles/${articleId}${view}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent, claimId: String(claim.id), version: String(claim.version), view }),
  });
  const response = (await articleAction(routeArgs(request, { id: String(articleId) }))) as Response;
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

beforeAll(async () => {
  const article = await importArticle(
    {
      title: "Two hundred kilobytes",
      source: ARTICLE,
      format: "markdown",
      sourceUrl: "",
      outlet: "",
      author: "",
      originalDate: "",
    },
    null,
  );
  articleId = article.id;
}, 60_000);

describe("the workbench of a 200 KB article", () => {
  it("sends one part of the text and one page of its claims, under 1 MB in all", async () => {
    const { data } = await openWorkbench();
    const claims = await db().claim.count({ where: { articleId } });
    expect(claims).toBeGreaterThan(500);
    expect(data.claims.length).toBe(CLAIMS_PER_PAGE);
    expect(data.part.parts).toBeGreaterThan(1);
    // The article's last section is not on the first part's page, but on the last part's.
    const lastHeading = `>Part ${ARTICLE.split("## Part ").length - 1}</h4>`;
    expect(data.html).toContain(">Part 1</h4>");
    expect(data.html).not.toContain(lastHeading);
    // The data the page carries, and its HTML is about the same again: together under 1 MB.
    expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThan(500_000);

    const { data: last } = await openWorkbench(`?part=${data.part.parts}`);
    expect(last.part.part).toBe(data.part.parts);
    expect(last.html).toContain(lastHeading);
    expect(last.html).not.toContain(">Part 1</h4>");
  });

  it("leads each highlighted claim's number to its page of the list", async () => {
    const { data } = await openWorkbench();
    const listed = data.claims.at(-1)!.id;
    expect(data.html).toContain(`href="#claim-item-${listed}"`);
    expect(data.html).toMatch(new RegExp(`href="/articles/${articleId}\\?page=2#claim-item-\\d+"`));
  });

  it("comes back to the same page of the list after dismissing a claim from it", async () => {
    const { data: second } = await openWorkbench("?page=2");
    const claim = second.claims[3]!;
    // To the notice that offers it back ("Undo"), at the top of the same page of the list.
    expect(await fromTheList("dismiss", claim, "?page=2")).toBe(
      `/articles/${articleId}?page=2&dismissed=${claim.id}#claim-dismissed`,
    );
    const after = await openWorkbench(`?page=2&dismissed=${claim.id}`);
    expect(after.status).toBe(200);
    expect(after.data.justDismissed).toBe(claim.id);
    expect(after.data.dismissed.map((c) => c.id)).toContain(claim.id);
  });

  it("answers a page of claims past the list's end with a 404 showing none, as every paged list does", async () => {
    const { data: first } = await openWorkbench();
    const { pages } = first.claimsPage;
    expect(pages).toBeGreaterThan(1);
    const last = await openWorkbench(`?page=${pages}`);
    expect(last.status).toBe(200);
    expect(last.data.claims.length).toBeGreaterThan(0);
    for (const search of [`?page=${pages + 1}`, "?page=999", `?part=2&page=999`]) {
      const past = await openWorkbench(search);
      expect(past.status, search).toBe(404);
      // What the Pager reads to say "There is nothing on page N" and link to the first and last pages.
      expect(past.data.claims, search).toEqual([]);
      expect(past.data.claimsPage.page, search).toBe(search.includes("999") ? 999 : pages + 1);
      // The rest of the workbench is there: the article, its text and the forms.
      expect(past.data.article.id, search).toBe(articleId);
      expect(past.data.html.length, search).toBeGreaterThan(0);
    }
  });

  it("after dismissing the only claim on the last page, shows the last page left, and Undo puts it back", async () => {
    const part = "?part=2";
    const { data } = await openWorkbench(part);
    const { pages } = data.claimsPage;
    expect(pages).toBeGreaterThan(1);
    const onLast = (await openWorkbench(`${part}&page=${pages}`)).data.claims;
    // The last page keeps one claim: the others on it are dismissed.
    await db().claim.updateMany({
      where: { id: { in: onLast.slice(1).map((c) => c.id) } },
      data: { status: "dismissed" },
    });
    const alone = onLast[0]!;
    const back = await fromTheList("dismiss", alone, `${part}&page=${pages}`);
    expect(back).toBe(`/articles/${articleId}${part}&page=${pages}&dismissed=${alone.id}#claim-dismissed`);
    // Claimdesk's own address, not a stale link: the list's last page now, with the notice.
    const after = await openWorkbench(new URL(back, "http://x").search);
    expect(after.status).toBe(200);
    expect(after.data.claimsPage.page).toBe(pages - 1);
    expect(after.data.claims.length).toBe(CLAIMS_PER_PAGE);
    expect(after.data.justDismissed).toBe(alone.id);
    // Undo comes back to the page the claim was on, where it is again.
    const dismissed = after.data.dismissed.find((c) => c.id === alone.id)!;
    const restored = await fromTheList("restore", dismissed, new URL(back, "http://x").search);
    expect(restored).toBe(`/articles/${articleId}${part}&page=${pages}#claim-item-${alone.id}`);
    const again = await openWorkbench(`${part}&page=${pages}`);
    expect(again.status).toBe(200);
    expect(again.data.claims.map((c) => c.id)).toEqual([alone.id]);
  });

  it("offers to merge a claim with its neighbours only, nearest first either side", async () => {
    const claims = await db().claim.findMany({
      where: { articleId, status: { not: "dismissed" } },
      orderBy: [{ start: "asc" }, { id: "asc" }],
    });
    const middle = claims[Math.floor(claims.length / 2)]!;
    const data = await load(claimLoader, `/articles/${articleId}/claims/${middle.id}`, {
      id: String(articleId),
      claimId: String(middle.id),
    });
    expect(data.siblings.length).toBe(2 * MERGE_NEIGHBOURS);
    const at = claims.indexOf(middle);
    const expected = [
      ...claims.slice(at - MERGE_NEIGHBOURS, at),
      ...claims.slice(at + 1, at + 1 + MERGE_NEIGHBOURS),
    ];
    expect(data.siblings.map((s) => s.id)).toEqual(expected.map((c) => c.id));
    expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThan(100_000);
  });

  it("lists /articles without any article's text", async () => {
    const { data } = await load(articlesLoader, "/articles", {});
    expect(data.articles.items.some((a) => a.id === articleId)).toBe(true);
    const sent = JSON.stringify(data);
    expect(sent).not.toContain(ARTICLE.slice(200, 260));
    expect(sent).not.toContain("Acme says its chip");
  });
});
