// A generated newsroom workspace of any size, written with raw bulk inserts into a migrated
// SQLite file in seconds. Used by the scale benchmark (scripts/bench-scale.ts) and by the
// integration test of the paged lists (app/newsroom/lists-at-scale.test.ts).
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../app/db/migrate.server";

export interface WorkspaceSize {
  articles: number;
  claimsPerArticle: number;
  /** How many of the articles (the first ones) have a publication; every third of those has two. */
  published: number;
  /** Evidence rows for every claim whose id is divisible by 3. */
  evidencePerThirdClaim?: number;
  /** Characters of markdown per article (the lists must never read it). */
  markdownChars?: number;
}

export interface Workspace {
  file: string;
  /** Cookie value of a signed-in editor's session (claimdesk_session). */
  sessionToken: string;
  /** A personal API token of the same editor. */
  apiToken: string;
  editorId: number;
}

const STATUSES = [
  "candidate",
  "candidate",
  "candidate",
  "researching",
  "needs-review",
  "approved",
  "dismissed",
];
const VERDICTS = ["accurate", "mostly-accurate", "mixed", "misleading", "inaccurate", "unsupported"];
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
/** Prisma's better-sqlite3 adapter stores DateTime as ISO 8601 with an explicit offset. */
const stamp = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export function generateWorkspace(file: string, size: WorkspaceSize): Workspace {
  migrate(file, path.resolve("prisma/migrations"));
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const sessionToken = "bench-session-" + sha256(file).slice(0, 24);
  const apiToken = "cdk_bench" + sha256(file + "api").slice(0, 32);
  const base = Date.UTC(2026, 0, 1);
  const markdown = "Acme says its chip is 40% faster than the H20, according to a company statement. "
    .repeat(64)
    .slice(0, size.markdownChars ?? 4000);

  const fill = db.transaction(() => {
    const users = db.prepare(
      `INSERT INTO "User" (email, name, role, passwordHash, createdAt) VALUES (?, ?, ?, 'x', ?)`,
    );
    const editorId = Number(
      users.run("editor@bench.test", "Bench Editor", "editor", stamp(base)).lastInsertRowid,
    );
    const reviewerId = Number(
      users.run("reviewer@bench.test", "Bench Reviewer", "reviewer", stamp(base)).lastInsertRowid,
    );
    db.prepare(`INSERT INTO "Session" (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)`).run(
      sha256(sessionToken),
      editorId,
      stamp(base),
      stamp(Date.now() + 86_400_000),
    );
    db.prepare(
      `INSERT INTO "ApiToken" (userId, name, tokenHash, prefix, createdAt) VALUES (?, 'bench', ?, ?, ?)`,
    ).run(editorId, sha256(apiToken), apiToken.slice(0, 10), stamp(base));

    const article = db.prepare(
      `INSERT INTO "Article" (slug, title, outlet, markdown, status, createdAt, updatedAt) VALUES (?, ?, 'Bench Outlet', ?, ?, ?, ?)`,
    );
    const claim = db.prepare(
      `INSERT INTO "Claim" (articleId, start, "end", quote, score, status, verdict, assigneeId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const evidence = db.prepare(
      `INSERT INTO "Evidence" (claimId, url, stance, createdAt) VALUES (?, ?, 'supports', ?)`,
    );
    const publication = db.prepare(
      `INSERT INTO "Publication" (articleId, number, snapshot, publishedAt, title, outlet, verdicts) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const included = db.prepare(`INSERT INTO "PublicationClaim" (claimId, publicationId) VALUES (?, ?)`);
    let claimNumber = 0;
    for (let a = 1; a <= size.articles; a++) {
      const published = a <= size.published;
      const at = stamp(base + a * 60_000);
      const slug = `bench-article-${a}`;
      const title = `Bench article ${a}`;
      const articleId = Number(
        article.run(slug, title, markdown, published ? "published" : "draft", at, at).lastInsertRowid,
      );
      for (let c = 0; c < size.claimsPerArticle; c++) {
        claimNumber++;
        const status = STATUSES[claimNumber % STATUSES.length]!;
        const verdict = status === "candidate" ? null : VERDICTS[claimNumber % VERDICTS.length]!;
        const assignee = claimNumber % 5 === 0 ? editorId : claimNumber % 5 === 1 ? reviewerId : null;
        const claimId = Number(
          claim.run(
            articleId,
            c * 10,
            c * 10 + 8,
            `Claim ${claimNumber} of article ${a}`,
            ((claimNumber * 7919) % 1000) / 1000,
            status,
            verdict,
            assignee,
            at,
            at,
          ).lastInsertRowid,
        );
        if (claimId % 3 === 0)
          for (let e = 0; e < (size.evidencePerThirdClaim ?? 1); e++)
            evidence.run(claimId, `https://example.org/source/${claimId}/${e}`, at);
      }
      if (!published) continue;
      const versions = a % 3 === 0 ? 2 : 1;
      for (let number = 1; number <= versions; number++) {
        const publishedAt = stamp(base + a * 60_000 + number * 1000);
        const snapshot = snapshotFor(slug, title, number, publishedAt, articleId);
        const publicationId = publication.run(
          articleId,
          number,
          JSON.stringify(snapshot),
          publishedAt,
          // The list's summary columns, as publishing copies them (snapshotColumns; these snapshots have
          // no change kind, so the column keeps its default, "correction").
          snapshot.article.title,
          snapshot.article.outlet,
          JSON.stringify(snapshot.claims.map((c) => c.verdict)),
        ).lastInsertRowid;
        for (const claim of snapshot.claims) included.run(claim.id, publicationId);
      }
    }
    return editorId;
  });
  const editorId = fill();
  db.exec("ANALYZE");
  db.close();
  return { file, sessionToken, apiToken, editorId };
}

function snapshotFor(slug: string, title: string, number: number, publishedAt: string, articleId: number) {
  const claims = [0, 1, 2].map((i) => ({
    id: articleId * 10 + i,
    number: i + 1,
    start: i * 10,
    end: i * 10 + 8,
    quote: `Published claim ${i + 1}`,
    prefix: "",
    suffix: "",
    verdict: VERDICTS[(articleId + i) % VERDICTS.length]!,
    rationale: "Checked against the benchmark's sources.",
    approvedBy: "Bench Reviewer",
    approvedAt: publishedAt,
    evidence: [],
  }));
  return {
    schema: "claimdesk.publication/1",
    number,
    publishedAt,
    publishedBy: "Bench Reviewer",
    changeNote: number > 1 ? "Corrected a verdict." : "",
    article: {
      title,
      slug,
      outlet: "Bench Outlet",
      author: "",
      sourceUrl: "",
      originalDate: "",
      markdown: "Published claim 1. Published claim 2. Published claim 3.",
    },
    claims,
  };
}
