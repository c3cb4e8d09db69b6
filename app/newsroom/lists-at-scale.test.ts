import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { apiHandler } from "../api/testing.server";

// Every list on a real SQLite file holding more rows than SQLite's 999 bound parameters:
// 1,100 articles, all published (a third of them twice), 4,400 claims. Each list must answer
// and page through everything exactly once, in its order.
const ARTICLES = 1100;
const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-scale-")), "scale.db");
const workspace = generateWorkspace(file, { articles: ARTICLES, claimsPerArticle: 4, published: ARTICLES });
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
const { listArticles: listArticleRows } = await import("./articles.server");
const { withPublishedVersions } = await import("../publishing/latest.server");
/** The workbench's list as its page reads it: the articles, then their published versions. */
const listArticles = async (request: { page: number; size: number }) =>
  withPublishedVersions(await listArticleRows(request));
const { deskClaims, deskCounts } = await import("./desk.server");
const { PAGE_SIZE } = await import("./paging");
const { listPublished } = await import("../publishing/publications.server");
const { publishedForExercise, publishedForExercises } = await import("../classroom/exercises.server");
const handleApi = await apiHandler();

const raw = new Database(file, { readonly: true });
const column = <T>(sql: string) => (raw.prepare(sql).raw().all() as unknown[][]).map((row) => row[0] as T);

/** Reads every page of a list; fails on a repeated row. */
async function everyPage<T>(
  read: (page: number) => Promise<{ items: T[]; hasNext: boolean; page: number }>,
  key: (item: T) => unknown,
) {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const result = await read(page);
    expect(result.page).toBe(page);
    all.push(...result.items);
    if (!result.hasNext) break;
  }
  expect(new Set(all.map(key)).size).toBe(all.length);
  return all;
}

async function api(pathAndQuery: string) {
  const response = await handleApi(
    new Request(`http://localhost/api/v1${pathAndQuery}`, {
      headers: { Authorization: `Bearer ${workspace.apiToken}` },
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

/** Follows an API list's `next` links from its first page. */
async function everyApiPage(first: string, field: string) {
  const rows: Array<Record<string, any>> = [];
  for (let next: string | null = first; next !== null;) {
    const { status, json } = await api(next);
    expect(status, JSON.stringify(json)).toBe(200);
    rows.push(...json[field]);
    next =
      json.next === null
        ? null
        : new URL(json.next).pathname.replace(/^\/api\/v1/, "") + new URL(json.next).search;
  }
  return rows;
}

const latestNumberOf = (articleId: number) => (articleId % 3 === 0 ? 2 : 1);

beforeAll(() => {
  expect(column<number>(`SELECT count(*) FROM "Article"`)[0]).toBe(ARTICLES);
});

describe("the workbench's articles", () => {
  it("pages through 1,100 articles, newest change first, with claim counts and latest versions", async () => {
    const first = await listArticles({ page: 1, size: PAGE_SIZE });
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.hasNext).toBe(true);
    expect(first.items[0]).not.toHaveProperty("markdown");
    const all = await everyPage(
      (page) => listArticles({ page, size: PAGE_SIZE }),
      (a) => a.id,
    );
    expect(all.map((a) => a.id)).toEqual(
      column<number>(`SELECT id FROM "Article" ORDER BY updatedAt DESC, id DESC`),
    );
    for (const a of all) {
      expect(a.claims).toBe(4);
      expect(a.publishedVersion).toBe(latestNumberOf(a.id));
    }
  });
});

describe("published fact-checks", () => {
  it("lists each of 1,100 published articles once, at its latest version, newest first", async () => {
    const first = await listPublished({ page: 1, size: PAGE_SIZE });
    expect(first.items).toHaveLength(PAGE_SIZE);
    const all = await everyPage(
      (page) => listPublished({ page, size: 200 }),
      (p) => p.slug,
    );
    expect(all).toHaveLength(ARTICLES);
    for (const p of all) expect(p.number).toBe(latestNumberOf(Number(p.slug.replace("bench-article-", ""))));
    const times = all.map((p) => p.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("offers them for exercises, page by page, and finds one by its slug", async () => {
    const all = await everyPage(
      (page) => publishedForExercises({ page, size: 200 }),
      (p) => p.slug,
    );
    expect(all).toHaveLength(ARTICLES);
    expect((await publishedForExercise("bench-article-999"))?.number).toBe(2);
    expect(await publishedForExercise("no-such-article")).toBeNull();
  });
});

describe("the desk", () => {
  it("pages through every claim in the order of urgency, then score, with evidence counts", async () => {
    const filter = {
      status: "any",
      verdict: "any",
      assignee: "any",
      article: "any",
      previous: "any",
      queue: "any",
    } as const;
    const all = await everyPage(
      (page) => deskClaims(filter, workspace.editorId, { page, size: 200 }),
      (c) => c.id,
    );
    const expected = column<number>(
      `SELECT id FROM "Claim" ORDER BY CASE status WHEN 'needs-review' THEN 0 WHEN 'researching' THEN 1 WHEN 'candidate' THEN 2 WHEN 'approved' THEN 3 ELSE 4 END, score DESC, id ASC`,
    );
    expect(all.map((c) => c.id)).toEqual(expected);
    const evidence = new Map(
      raw.prepare(`SELECT claimId, count(*) FROM "Evidence" GROUP BY claimId`).raw().all() as Array<
        [number, number]
      >,
    );
    for (const c of all) expect(c.evidence).toBe(evidence.get(c.id) ?? 0);
  });

  it("pages a filtered view across statuses without gaps", async () => {
    const filter = {
      status: "open",
      verdict: "any",
      assignee: "none",
      article: "any",
      previous: "any",
      queue: "any",
    } as const;
    const all = await everyPage(
      (page) => deskClaims(filter, workspace.editorId, { page, size: 37 }),
      (c) => c.id,
    );
    const expected = column<number>(
      `SELECT id FROM "Claim" WHERE status IN ('needs-review', 'researching', 'candidate') AND assigneeId IS NULL ORDER BY CASE status WHEN 'needs-review' THEN 0 WHEN 'researching' THEN 1 ELSE 2 END, score DESC, id ASC`,
    );
    expect(all.map((c) => c.id)).toEqual(expected);
  });

  it("counts the quick views up to the cap", async () => {
    const capped = (sql: string) => Math.min(column<number>(sql)[0]!, 1001);
    const open = `status IN ('candidate', 'researching', 'needs-review')`;
    expect(await deskCounts(workspace.editorId)).toEqual({
      mine: capped(
        `SELECT count(*) FROM "Claim" WHERE ${open} AND (assigneeId = ${workspace.editorId} OR (status = 'researching' AND reviewNote <> '' AND verdictById = ${workspace.editorId}))`,
      ),
      toReview: capped(
        `SELECT count(*) FROM "Claim" WHERE status = 'needs-review' AND (verdictById IS NULL OR verdictById <> ${workspace.editorId})`,
      ),
      review: capped(`SELECT count(*) FROM "Claim" WHERE status = 'needs-review'`),
      mentions: capped(
        `SELECT count(DISTINCT claimId) FROM "ClaimMention" WHERE userId = ${workspace.editorId}`,
      ),
      unassigned: capped(`SELECT count(*) FROM "Claim" WHERE ${open} AND assigneeId IS NULL`),
    });
  });
});

describe("the API's lists", () => {
  it("pages GET /articles by its next links, without the articles' text", async () => {
    const first = await api("/articles");
    expect(first.json.articles).toHaveLength(PAGE_SIZE);
    expect(first.json.previous).toBeNull();
    expect(first.json.next).toMatch(/\/api\/v1\/articles\?page=2$/);
    const rows = await everyApiPage("/articles?limit=200", "articles");
    expect(rows.map((a) => a.id)).toEqual(column<number>(`SELECT id FROM "Article" ORDER BY id`));
    expect(rows[0]).not.toHaveProperty("markdown");
  });

  it("pages GET /claims with its filters kept in the next link", async () => {
    const first = await api("/claims?status=candidate&limit=100");
    expect(first.json.claims).toHaveLength(100);
    expect(first.json.next).toContain("status=candidate");
    const rows = await everyApiPage("/claims?status=candidate&limit=200", "claims");
    expect(rows.map((c) => c.id)).toEqual(
      column<number>(`SELECT id FROM "Claim" WHERE status = 'candidate' ORDER BY score DESC, id ASC`),
    );
    expect(first.json.total).toBe(Math.min(rows.length, 1000));
    expect(first.json.totalIsCapped).toBe(rows.length > 1000);
  });

  it("pages GET /publications", async () => {
    const rows = await everyApiPage("/publications?limit=200", "publications");
    expect(new Set(rows.map((p) => p.slug)).size).toBe(ARTICLES);
  });

  it("refuses bad paging values with 400 and a message", async () => {
    for (const query of [
      "/articles?page=0",
      "/articles?page=-1",
      "/articles?page=1.5",
      "/articles?page=abc",
      "/articles?limit=0",
      "/articles?limit=201",
      "/publications?limit=x",
      "/claims?page=0",
      "/articles?pgae=2",
    ]) {
      const { status, json } = await api(query);
      expect(status, query).toBe(400);
      expect(json.error, query).toMatch(/page|limit|Unknown query parameter/);
    }
    const past = await api("/articles?page=999");
    expect(past.status).toBe(200);
    expect(past.json.articles).toEqual([]);
    expect(past.json.next).toBeNull();
  });
});
