// npm run eval:matching: claim matching (app/matching) measured on the labelled set in
// fixtures/eval/matching/queries.json. Its archive becomes a workspace of checked claims in a new
// SQLite file; each query is matched as the app matches a claim. Prints MAP@5 over the queries
// that have a same claim, recall@10, and how many hard negatives (and unrelated queries) were
// wrongly called "same".
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { migrate } from "../app/db/migrate.server";

const SetSchema = z.object({
  archive: z.array(z.object({ id: z.string(), source: z.string(), text: z.string() })),
  queries: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.string(),
      same: z.array(z.string()),
      related: z.array(z.string()),
    }),
  ),
});
const set = SetSchema.parse(JSON.parse(readFileSync("fixtures/eval/matching/queries.json", "utf8")));

const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-eval-matching-")), "eval.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
migrate(file, path.resolve("prisma/migrations"));
const { db } = await import("../app/db/client.server");
const { findMatches } = await import("../app/matching/match.server");

/**
 * A source's title, as its article has it in a workspace: the fact-check's, or an article's first
 * heading. Matching reads what a claim naming no company is about from it ("Alibaba AI Chip: …").
 */
function titleOf(source: string): string {
  const text = readFileSync(source, "utf8");
  if (source.endsWith(".json"))
    return z.object({ article: z.object({ title: z.string() }) }).parse(JSON.parse(text)).article.title;
  return /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? source;
}

// One article per source, every archive claim checked (the archive is what was checked before).
const claimIdOf = new Map<string, number>();
const archiveIdOf = new Map<number, string>();
for (const source of new Set(set.archive.map((a) => a.source))) {
  const entries = set.archive.filter((a) => a.source === source);
  const article = await db().article.create({
    data: {
      slug: path.basename(source).replace(/\W+/g, "-").toLowerCase(),
      title: titleOf(source),
      markdown: "",
    },
  });
  for (const entry of entries) {
    const claim = await db().claim.create({
      data: {
        articleId: article.id,
        start: 0,
        end: entry.text.length,
        quote: entry.text,
        verdict: "accurate",
        status: "approved",
      },
    });
    claimIdOf.set(entry.id, claim.id);
    archiveIdOf.set(claim.id, entry.id);
  }
}

interface Outcome {
  id: string;
  kind: string;
  ranked: string[];
  relations: string[];
  same: string[];
}
const outcomes: Outcome[] = [];
for (const query of set.queries) {
  const matches = await findMatches(query.text, {}, 10);
  outcomes.push({
    id: query.id,
    kind: query.kind,
    ranked: matches.map((m) => archiveIdOf.get(m.id)!),
    relations: matches.map((m) => m.relation),
    same: query.same,
  });
}

/** Average precision of the first k results against the relevant ids. */
function averagePrecision(ranked: string[], relevant: string[], k: number): number {
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.includes(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / Math.min(relevant.length, k);
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const withSame = outcomes.filter((o) => o.same.length > 0);
const map5 = mean(withSame.map((o) => averagePrecision(o.ranked, o.same, 5)));
const recall10 = mean(
  withSame.map((o) => o.same.filter((id) => o.ranked.slice(0, 10).includes(id)).length / o.same.length),
);
const calledSame = (o: Outcome) => o.relations.some((r, i) => r === "same" && !o.same.includes(o.ranked[i]!));
const negatives = outcomes.filter((o) => o.kind === "hard-negative");
const unrelated = outcomes.filter((o) => o.kind === "unrelated");
const sameFound = withSame.filter((o) => o.relations[0] === "same" && o.same.includes(o.ranked[0]!));
const byKind = [...new Set(outcomes.map((o) => o.kind))].map((kind) => {
  const of = withSame.filter((o) => o.kind === kind);
  return {
    kind,
    queries: outcomes.filter((o) => o.kind === kind).length,
    map5: of.length ? mean(of.map((o) => averagePrecision(o.ranked, o.same, 5))) : null,
  };
});

const figures = {
  archive: set.archive.length,
  queries: outcomes.length,
  "MAP@5": Number(map5.toFixed(3)),
  "recall@10": Number(recall10.toFixed(3)),
  "same claims labelled same at rank 1": `${sameFound.length}/${withSame.length}`,
  "hard negatives called same": `${negatives.filter(calledSame).length}/${negatives.length}`,
  "unrelated called same": `${unrelated.filter(calledSame).length}/${unrelated.length}`,
};
console.log(JSON.stringify(figures, null, 1));
for (const row of byKind)
  console.log(
    `  ${row.kind}: ${row.queries} queries${row.map5 === null ? "" : `, MAP@5 ${row.map5.toFixed(3)}`}`,
  );
if (process.argv.includes("--misses"))
  for (const o of outcomes) {
    const wrong = o.same.length > 0 ? o.ranked[0] !== o.same[0] : calledSame(o);
    if (wrong)
      console.log(
        `  miss ${o.id} (${o.kind}): expected ${o.same.join(",") || "nothing same"}, got ${o.ranked
          .slice(0, 3)
          .map((id, i) => `${id}:${o.relations[i]}`)
          .join(" ")}`,
      );
  }
await db().$disconnect();
