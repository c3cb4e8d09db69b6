import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { routeArgs } from "../routes/testing.server";

// Create forms posted twice with the same submission token, as a double click without
// JavaScript sends them: the routes' own actions on a real SQLite file.
const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-submissions-")), "submissions.db");
const workspace = generateWorkspace(file, {
  articles: 2,
  claimsPerArticle: 3,
  published: 0,
  evidencePerThirdClaim: 0,
});
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
const { action: importAction } = await import("../routes/articles.new");
const { action: claimAction } = await import("../routes/claim");
const { SUBMISSION_MEMORY_MS } = await import("./submissions.server");

const raw = new Database(file);
const cookie = `claimdesk_session=${workspace.sessionToken}`;
const count = (sql: string, ...args: unknown[]) => (raw.prepare(sql).get(...args) as { n: number }).n;

function post(url: string, fields: Record<string, string>) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const article = (token: string, title = "Nimbus doubles its chip sales") => ({
  submission: token,
  title,
  format: "markdown",
  source: "Nimbus says it sold twice as many chips in 2025 as in 2024, the company said on Monday.",
});

async function importArticle(fields: Record<string, string>) {
  const request = post("/articles/new", fields);
  return (await importAction(routeArgs(request))) as unknown;
}

const locationOf = (answer: unknown) => (answer instanceof Response ? answer.headers.get("Location") : null);

describe("a create form sent twice with the same token", () => {
  it("imports the article once, and sends the replay where the first went", async () => {
    const before = count(`SELECT count(*) AS n FROM "Article"`);
    const first = await importArticle(article("seed.«r1»"));
    const second = await importArticle(article("seed.«r1»"));
    expect(count(`SELECT count(*) AS n FROM "Article"`)).toBe(before + 1);
    expect(locationOf(first)).toMatch(/^\/articles\/\d+$/);
    expect(locationOf(second)).toBe(locationOf(first));
  });

  it("imports once when both copies arrive at the same time", async () => {
    const before = count(`SELECT count(*) AS n FROM "Article"`);
    const answers = await Promise.all([
      importArticle(article("seed.«r2»")),
      importArticle(article("seed.«r2»")),
    ]);
    expect(count(`SELECT count(*) AS n FROM "Article"`)).toBe(before + 1);
    expect(locationOf(answers[1])).toBe(locationOf(answers[0]));
  });

  it("makes a second article for a second submission (another token)", async () => {
    const before = count(`SELECT count(*) AS n FROM "Article"`);
    await importArticle(article("seed.«r3»"));
    await importArticle(article("other.«r3»"));
    expect(count(`SELECT count(*) AS n FROM "Article"`)).toBe(before + 2);
  });

  it("gives a refused submission's token back, so the corrected form is imported", async () => {
    const before = count(`SELECT count(*) AS n FROM "Article"`);
    const refused = await importArticle(article("seed.«r4»", ""));
    expect(refused).not.toBeInstanceOf(Response);
    expect(count(`SELECT count(*) AS n FROM "Article"`)).toBe(before);
    expect(locationOf(await importArticle(article("seed.«r4»")))).toMatch(/^\/articles\/\d+$/);
    expect(count(`SELECT count(*) AS n FROM "Article"`)).toBe(before + 1);
  });

  it("adds a source once", async () => {
    const claim = raw.prepare(`SELECT id, articleId FROM "Claim" LIMIT 1`).get() as {
      id: number;
      articleId: number;
    };
    const here = `/articles/${claim.articleId}/claims/${claim.id}`;
    const source = {
      submission: "seed.«r5»",
      intent: "add-evidence",
      url: "https://example.org/nimbus-annual-report",
      stance: "supports",
    };
    const params = { id: String(claim.articleId), claimId: String(claim.id) };
    const send = () => {
      const request = post(here, source);
      return claimAction(routeArgs(request, params));
    };
    const before = count(`SELECT count(*) AS n FROM "Evidence" WHERE claimId = ?`, claim.id);
    const [first, second] = [await send(), await send()];
    expect(count(`SELECT count(*) AS n FROM "Evidence" WHERE claimId = ?`, claim.id)).toBe(before + 1);
    expect(locationOf(second)).toBe(locationOf(first));
  });

  it("forgets handled submissions after a day, when new ones come", async () => {
    const old = new Date(Date.now() - SUBMISSION_MEMORY_MS - 60_000).toISOString().replace("Z", "+00:00");
    raw.prepare(`INSERT INTO "SubmissionToken" (key, location, createdAt) VALUES ('old', '/x', ?)`).run(old);
    await importArticle(article("seed.«r6»"));
    expect(count(`SELECT count(*) AS n FROM "SubmissionToken" WHERE key = 'old'`)).toBe(0);
  });
});
