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
import { writePublication } from "../publishing/publish.server";
import { currentReferenceIndex } from "../reference/reference.server";
import { prepareImport, refreshStatistics, writeImport } from "../newsroom/articles.server";
import { claimSpan } from "../newsroom/claim-span";
import { withoutSiteFurniture } from "../importing/site-furniture";
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

/** One version a fixture is published as: its note, its kind, and whether it carries figures. */
interface FixtureVersion {
  changeNote: string;
  changeKind: ChangeKind;
  /** Freeze each claim's figures and reference checks (the language layer) into it. */
  languageLayer: boolean;
}

const AS_PUBLISHED_TODAY: FixtureVersion[] = [
  { changeNote: "", changeKind: "correction", languageLayer: true },
];

/**
 * Loads a fact-check fixture as a published article: its claims approved with their verdicts
 * and evidence, every other machine-proposed claim left as a candidate. Returns the slug.
 */
export async function loadFactCheck(file: string): Promise<string> {
  return (await publishFixture(file, AS_PUBLISHED_TODAY))!;
}

/**
 * Writes a fact-check fixture's article and approved claims and publishes it as each of
 * `versions` in turn, all in one transaction; nothing at all when `onlyIntoEmpty` is set and the
 * workspace has an article by then. Returns the slug, or null when nothing was written.
 */
async function publishFixture(
  file: string,
  versions: FixtureVersion[],
  { onlyIntoEmpty = false } = {},
): Promise<string | null> {
  const factCheck = await prepareFactCheck(file);
  // Read before the transaction: the reference is shared, and a publication freezes it as it was.
  const hardware = await currentReferenceIndex();
  const published = await db().$transaction(async (tx) => {
    if (onlyIntoEmpty && (await tx.article.count()) > 0) return [];
    const articleId = await writeFactCheck(tx, factCheck);
    const announcements = [];
    for (const { changeNote, changeKind, languageLayer } of versions) {
      const { version } = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: { version: true },
      });
      const input = { articleVersion: version, changeNote, changeKind };
      announcements.push(await writePublication(tx, articleId, input, null, languageLayer ? hardware : null));
    }
    return announcements;
  }, LARGE_WRITE);
  for (const publication of published) announcePublication(publication);
  if (published.length === 0) return null;
  await refreshStatistics();
  return published[0]!.slug;
}

/** A fact-check fixture read and worked out before anything is written. */
async function prepareFactCheck(file: string) {
  const spec = SeedFactCheckSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  // The seed article is a web page's text as copied: it is cleaned as an imported page is.
  const source = withoutSiteFurniture(readFileSync(path.join(path.dirname(file), spec.article.file), "utf8"));
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

/**
 * The seed fact-check's second version: what it added to the first, for the log of corrections
 * and updates. Its claims name no chip in the hardware reference, so the note promises no
 * reference checks (the publication would carry them if one did).
 */
export const SEED_REPUBLISHED_NOTE =
  "Each claim now lists its figures, with their units and what they measure. No verdict changed.";

/**
 * Seeds an empty database with the Alibaba chip fact-check as the desk published it: version 1
 * as first published, before the language layer, then version 2 re-published through the same
 * path with each claim's figures and reference checks, and a change note saying so. A process
 * stopped while seeding leaves no fact-check behind, and the next start seeds it whole.
 */
export async function seedIfEmpty(): Promise<boolean> {
  if ((await db().article.count()) > 0) return false;
  const versions: FixtureVersion[] = [
    { changeNote: "", changeKind: "correction", languageLayer: false },
    { changeNote: SEED_REPUBLISHED_NOTE, changeKind: "update", languageLayer: true },
  ];
  return (await publishFixture(SEED_FILE, versions, { onlyIntoEmpty: true })) !== null;
}
