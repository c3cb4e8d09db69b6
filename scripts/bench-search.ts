// Part of npm run bench: workspace search and claim matching over a generated workspace of 20,000 claims (sentences
// of the labelled evaluation articles, recombined), measured side by side in the same run with a
// plain LIKE scan of the same table answering the same queries. Both go through the app's
// Prisma client on one SQLite file; the search through app/search, the scan as one statement.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { migrate } from "../app/db/migrate.server";

const CLAIMS = Number(process.env.BENCH_SEARCH_CLAIMS ?? 20_000);
const CLAIMS_PER_ARTICLE = 40;
const QUERIES = 60;

const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-bench-search-")), "bench.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
migrate(file, path.resolve("prisma/migrations"));

// Sentences of real articles, so words have a natural spread of frequencies.
const sentences = readdirSync("fixtures/eval")
  .filter((name) => name.endsWith(".md"))
  .flatMap((name) => readFileSync(path.join("fixtures/eval", name), "utf8").split(/(?<=[.!?])\s+/))
  .map((s) => s.replace(/[#*_>\n]/g, " ").trim())
  .filter((s) => s.length > 40);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

const began = performance.now();
const raw = new Database(file);
raw.pragma("synchronous = OFF");
raw.transaction(() => {
  const now = new Date().toISOString().replace("Z", "+00:00");
  const article = raw.prepare(
    `INSERT INTO "Article" (slug, title, markdown, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`,
  );
  const claim = raw.prepare(
    `INSERT INTO "Claim" (articleId, start, "end", quote, rationale, verdict, status, createdAt, updatedAt) VALUES (?, 0, 1, ?, ?, ?, ?, ?, ?)`,
  );
  for (let a = 0; a < CLAIMS / CLAIMS_PER_ARTICLE; a++) {
    const id = Number(
      article.run(`bench-${a}`, pick(sentences).slice(0, 80), pick(sentences), now, now).lastInsertRowid,
    );
    for (let c = 0; c < CLAIMS_PER_ARTICLE; c++) {
      const checked = random() < 0.3;
      claim.run(
        id,
        pick(sentences),
        checked ? pick(sentences) : "",
        checked ? "unsupported" : null,
        checked ? "approved" : "candidate",
        now,
        now,
      );
    }
  }
})();
raw.close();
console.log(
  `\nSearch over ${CLAIMS.toLocaleString("en")} claims (generated and indexed in ${((performance.now() - began) / 1000).toFixed(1)} s)`,
);

const { db } = await import("../app/db/client.server");
const { searchKind } = await import("../app/search/search.server");
const { parseQuery } = await import("../app/search/query");

// One- to three-word queries drawn from the same text.
const words = sentences.flatMap((s) => s.toLowerCase().match(/[a-z]{5,}/g) ?? []);
const queries = Array.from({ length: QUERIES }, () =>
  Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(words)).join(" "),
);

/**
 * The same question without an index: every word somewhere in the quote or the rationale, the
 * first 21 by id and how many match (the search also counts, up to 1,001). No ranking, no stems.
 */
async function likeScan(query: string) {
  const terms = parseQuery(query).flatMap((t) => t.words);
  const where = terms.map(() => `(c."quote" LIKE ? OR c."rationale" LIKE ?)`).join(" AND ");
  const args = terms.flatMap((t) => [`%${t}%`, `%${t}%`]);
  return Promise.all([
    db().$queryRawUnsafe(
      `SELECT c."id", c."quote" FROM "Claim" c WHERE ${where} ORDER BY c."id" LIMIT 21`,
      ...args,
    ),
    db().$queryRawUnsafe(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Claim" c WHERE ${where} LIMIT 1001) counted`,
      ...args,
    ),
  ]);
}

async function measure(run: (query: string) => Promise<unknown>, inputs = queries) {
  for (const query of inputs.slice(0, 5)) await run(query);
  const times: number[] = [];
  for (const query of inputs) {
    const start = performance.now();
    await run(query);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!,
  };
}

const search = await measure((query) => searchKind("claim", query, {}, 0, 21));
const scan = await measure(likeScan);
console.log(
  `  ranked full-text search (FTS5, BM25, with snippets and a count): median ${search.median.toFixed(2)} ms, p99 ${search.p99.toFixed(2)} ms`,
);
console.log(
  `  plain LIKE scan of the same table (first 21 by id and the count): median ${scan.median.toFixed(2)} ms, p99 ${scan.p99.toFixed(2)} ms`,
);
console.log(
  `  search/scan: median ${(search.median / scan.median).toFixed(2)}x, p99 ${(search.p99 / scan.p99).toFixed(2)}x`,
);
// Claim matching: each query is a claim of the workspace, reworded by dropping its first word, as
// an imported article would repeat it. The peer is the naive matcher: every claim scored by how
// many of the claim's words its quote contains (LIKE), the top 50.
const { findMatches } = await import("../app/matching/match.server");
const { contentWords } = await import("../app/matching/similarity");
const claimsToMatch = Array.from({ length: QUERIES }, () => pick(sentences).split(" ").slice(1).join(" "));
const matchWords = (text: string) =>
  [...new Set(contentWords(text).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 16);
async function likeMatch(text: string) {
  const words = matchWords(text);
  if (words.length === 0) return [];
  const shared = words.map(() => `(c."quote" LIKE ?)`).join(" + ");
  return db().$queryRawUnsafe(
    `SELECT c."id", c."quote", ${shared} AS shared FROM "Claim" c WHERE shared > 0 ORDER BY shared DESC, c."id" LIMIT 50`,
    ...words.map((w) => `%${w}%`),
  );
}
const matching = await measure((text) => findMatches(text), claimsToMatch);
const naive = await measure(likeMatch, claimsToMatch);
console.log(
  `  claim matching (findMatches: word counts, the net, ranking, top 5): median ${matching.median.toFixed(2)} ms, p99 ${matching.p99.toFixed(2)} ms`,
);
console.log(
  `  naive LIKE matcher (every claim scored by shared words, top 50): median ${naive.median.toFixed(2)} ms, p99 ${naive.p99.toFixed(2)} ms`,
);
console.log(
  `  matching/naive: median ${(matching.median / naive.median).toFixed(2)}x, p99 ${(matching.p99 / naive.p99).toFixed(2)}x`,
);
await db().$disconnect();
