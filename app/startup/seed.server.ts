import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { locateQuote } from "../claims/anchor";
import { scoreSpans } from "../claims/detect";
import { toMarkdown } from "../claims/extract";
import { project } from "../claims/projection";
import { db, type Tx } from "../db/client.server";
import { LARGE_WRITE } from "../db/write-lock";
import { announcePublication } from "../publishing/announce";
import { writePublication, type PublishOptions } from "../publishing/publish.server";
import { currentReferenceIndex } from "../reference/reference.server";
import { prepareImport, writeImport } from "../newsroom/articles.server";
import { claimSpan } from "../newsroom/claim-span";
import { ArticleMetaSchema, EvidenceSchema } from "../newsroom/schemas";
import { VERDICT_KEYS, type ChangeKind } from "../newsroom/verdicts";

/** The shape of fixtures/*.fact-check.json: an article file and its checked claims. */
export const SeedFactCheckSchema = z.object({
  article: ArticleMetaSchema.omit({ author: true, originalDate: true }).extend({
    file: z.string(),
    format: z.enum(["markdown", "text"]),
    author: z.string().default(""),
    originalDate: z.string().default(""),
  }),
  claims: z.array(
    z.object({
      quote: z.string().min(1),
      verdict: z.enum(VERDICT_KEYS),
      rationale: z.string().min(1),
      evidence: z.array(
        EvidenceSchema.omit({ publishedOn: true }).extend({
          published: z.string().default(""),
          mirrorOf: z.string().optional(),
        }),
      ),
    }),
  ),
});

export const SEED_FILE = "fixtures/alibaba-ai-chip.fact-check.json";

/**
 * Loads a fact-check fixture as a published article: its claims approved with their verdicts
 * and evidence, every other machine-proposed claim left as a candidate. Returns the slug.
 */
export async function loadFactCheck(file: string, publishing: PublishOptions = {}): Promise<string> {
  const factCheck = await prepareFactCheck(file);
  const hardware = publishing.languageLayer === false ? null : await currentReferenceIndex();
  const published = await db().$transaction(async (tx) => {
    const articleId = await writeFactCheck(tx, factCheck);
    return publishWithin(tx, articleId, "", "correction", hardware);
  }, LARGE_WRITE);
  announcePublication(published);
  return published.slug;
}

/** A fact-check fixture read and worked out before anything is written. */
async function prepareFactCheck(file: string) {
  const spec = SeedFactCheckSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const source = readFileSync(path.join(path.dirname(file), spec.article.file), "utf8");
  const markdown = toMarkdown(source, spec.article.format);
  const { text, blocks } = project(markdown);
  const spans = spec.claims.map((claim) => {
    const span = locateQuote(text, claim.quote);
    if (!span) throw new Error(`Seed claim not found in the article text: ${claim.quote}`);
    return span;
  });
  const article = await prepareImport(
    { ...spec.article, source: markdown, format: "markdown" },
    { reserved: spans, slug: path.basename(file, ".fact-check.json") },
  );
  // The engine's reasons, as for any claim: the reveal and the claim page explain them to students.
  const scored = scoreSpans(text, blocks, spans);
  return { spec, text, spans, scored, article };
}

/** Writes a prepared fact-check's article and its approved claims in the caller's transaction. */
async function writeFactCheck(tx: Tx, factCheck: Awaited<ReturnType<typeof prepareFactCheck>>) {
  const { spec, text, spans, scored } = factCheck;
  const article = await writeImport(tx, factCheck.article, null);
  const approvedAt = new Date();
  for (const [i, claim] of spec.claims.entries()) {
    await tx.claim.create({
      data: {
        articleId: article.id,
        ...claimSpan(text, spans[i]!),
        origin: "editor",
        score: 1,
        reasons: JSON.stringify(["Checked in the seed fact-check.", ...scored[i]!.reasons]),
        status: "approved",
        verdict: claim.verdict,
        rationale: claim.rationale,
        approvedAt,
        evidence: {
          create: claim.evidence.map(({ published, mirrorOf, ...e }) => ({
            ...e,
            publishedOn: published,
            note: mirrorOf ? `${e.note} (Republished copy of ${mirrorOf}'s report.)` : e.note,
          })),
        },
      },
    });
  }
  return article.id;
}

/** Publishes the article's next version in the caller's transaction, as the desk would, with no one as publisher. */
async function publishWithin(
  tx: Tx,
  articleId: number,
  changeNote: string,
  changeKind: ChangeKind,
  hardware: Awaited<ReturnType<typeof currentReferenceIndex>> | null,
) {
  const { version } = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { version: true },
  });
  return writePublication(tx, articleId, { articleVersion: version, changeNote, changeKind }, null, hardware);
}

/**
 * The seed fact-check's second version: what it added to the first, for the log of corrections
 * and updates. Its claims name no chip in the hardware reference, so the note promises no
 * reference checks (the publication would carry them if one did).
 */
export const SEED_REPUBLISHED_NOTE =
  "Re-published with the language layer: each claim’s figures, with their units and what they measure. No verdict changed.";

/**
 * Seeds an empty database with the Alibaba chip fact-check as the desk published it: version 1
 * as first published, before the language layer, then version 2 re-published through the same
 * path with each claim's figures and reference checks, and a change note saying so. All in one
 * transaction: a process killed while seeding leaves the database empty, to be seeded at the
 * next start, never a fact-check half published.
 */
export async function seedIfEmpty(): Promise<boolean> {
  if ((await db().article.count()) > 0) return false;
  const factCheck = await prepareFactCheck(SEED_FILE);
  const hardware = await currentReferenceIndex();
  const published = await db().$transaction(async (tx) => {
    if ((await tx.article.count()) > 0) return [];
    const articleId = await writeFactCheck(tx, factCheck);
    const first = await publishWithin(tx, articleId, "", "correction", null);
    const second = await publishWithin(tx, articleId, SEED_REPUBLISHED_NOTE, "update", hardware);
    return [first, second];
  }, LARGE_WRITE);
  for (const publication of published) announcePublication(publication);
  return published.length > 0;
}
