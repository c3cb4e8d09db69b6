import { db, type Tx } from "../db/client.server";
import { parseAppearances } from "../newsroom/claim-fields";
import { claimNumbers } from "../newsroom/claim-numbers";
import { claimSpans } from "../newsroom/claims.server";
import type { CurrentUser } from "../auth/session.server";
import { namesOf } from "../auth/users.server";
import { audit } from "../utils/audit.server";
import { ConflictError, UserError } from "../utils/errors";
import { announcePublication, type Announcement } from "./announce";
import { renderFactCheckPage } from "./page.server";
import { publisher, versionHistory } from "./publications.server";
import { SEED_PUBLISHER } from "./credit";
import { frozenFigures } from "./figures";
import { currentReferenceIndex } from "../reference/reference.server";
import type { ReferenceRow } from "../reference/check";
import type { Catalogue } from "../reference/recognise";
import type { ChangeKind } from "../newsroom/verdicts";
import { CHANGE_KIND_MISSING } from "../newsroom/schemas";
import { xmlSafe } from "./xml-safe";
import {
  includedClaims,
  readSnapshot,
  snapshotColumns,
  SNAPSHOT_SCHEMA,
  SnapshotSchema,
  type Snapshot,
} from "./snapshot";

/**
 * Writing a publication. Reading them (pages, versions, lists) is publications.server.ts; this
 * module only adds to what it reads.
 */

export { SEED_PUBLISHER };

export interface PublishInput {
  articleVersion: number;
  changeNote: string;
  /** Required for versions after the first: the publisher says whether it corrects or updates. */
  changeKind?: ChangeKind;
}

/**
 * Freezes the article and its approved claims into the next numbered publication, each claim
 * with its figures set against the hardware reference as it stands now. Versions
 * after the first need a change note: it becomes the public log of corrections and updates. Once the
 * transaction has committed (never before: a rolled-back version must not be announced, and
 * whoever hears of it must be able to read it), the publication is announced to whoever keeps
 * copies of public pages.
 */
export async function publishArticle(
  articleId: number,
  input: PublishInput,
  actor: CurrentUser | null,
): Promise<Announcement> {
  // Read before the transaction: the reference is shared, and a publication freezes it as it was.
  const hardware = await currentReferenceIndex();
  const published = await db().$transaction((tx) => writePublication(tx, articleId, input, actor, hardware));
  announcePublication(published);
  return published;
}

/**
 * Writes the next publication in the caller's transaction, for a caller that writes more with it,
 * all or nothing (the seed). Announce it with `announcePublication` once that transaction has
 * committed. `hardware` is the reference to freeze into it, or null for none.
 */
export async function writePublication(
  tx: Tx,
  articleId: number,
  input: PublishInput,
  actor: CurrentUser | null,
  hardware: Catalogue<ReferenceRow> | null,
): Promise<Announcement> {
  const found = await tx.article.findUnique({ where: { id: articleId } });
  if (!found) throw new UserError("There is no article with that number.", 404);
  if (found.version !== input.articleVersion) {
    throw new ConflictError(
      "The article changed since you opened this page (another publication or edit). Reload it, check the claims, and publish again.",
    );
  }
  const article = { ...found, claims: await approvedClaimsWithEvidence(tx, articleId) };
  if (article.claims.length === 0) {
    throw new UserError(
      "Nothing to publish yet: approve at least one claim first. Only approved claims are published.",
    );
  }
  const earlier = await versionHistory({ articleId }, tx);
  const number = (earlier.at(-1)?.number ?? 0) + 1;
  if (number > 1 && !input.changeKind) {
    throw new UserError(CHANGE_KIND_MISSING.replace("this version", `version ${number}`), 400, {
      changeKind: "Choose one of the two.",
    });
  }
  // Stored in the snapshot as typed, not through a text column: drop what a text column would
  // (a NUL, half of a surrogate pair), which PostgreSQL's JSON refuses and no reader can see.
  const changeNote = xmlSafe(input.changeNote).trim();
  if (number > 1 && changeNote === "") {
    throw new UserError(
      `This will be version ${number}: say what changed in the change note. Readers see it at the top of the page.`,
    );
  }
  // Numbered as the workbench numbers them, among all the article's claims: "claim 7" is the same
  // claim for the desk and for readers, and the page shows gaps where a passage was not checked.
  const numbers = claimNumbers(await claimSpans(articleId, tx));
  const researcherOf = (claim: (typeof article.claims)[number]) => claim.verdictById ?? claim.lastEditorId;
  const nameOf = await namesOf(
    article.claims.flatMap((c) => [c.approvedById, researcherOf(c)]),
    tx,
  );
  const publishedAt = new Date();
  const snapshot: Snapshot = SnapshotSchema.parse({
    schema: SNAPSHOT_SCHEMA,
    number,
    publishedAt: publishedAt.toISOString(),
    publishedBy: actor?.name ?? SEED_PUBLISHER,
    changeNote,
    // Version 1 has no kind; the snapshot's field reads it as a correction, as before.
    changeKind: input.changeKind ?? "correction",
    article: {
      title: article.title,
      slug: article.slug,
      outlet: article.outlet,
      author: article.author,
      sourceUrl: article.sourceUrl,
      originalDate: article.originalDate,
      language: article.language,
      markdown: article.markdown,
    },
    claims: article.claims.map((claim) => ({
      id: claim.id,
      number: numbers.get(claim.id)!,
      start: claim.start,
      end: claim.end,
      quote: claim.quote,
      prefix: claim.prefix,
      suffix: claim.suffix,
      verdict: claim.verdict,
      rationale: claim.rationale,
      checkedBy: nameOf(researcherOf(claim)) ?? "",
      approvedBy: nameOf(claim.approvedById) ?? SEED_PUBLISHER,
      approvedAt: (claim.approvedAt ?? publishedAt).toISOString(),
      claimant: claim.claimant,
      claimantType: claim.claimantType,
      claimDate: claim.claimDate,
      appearances: parseAppearances(claim.appearances),
      ...(hardware ? frozenFigures(claim.quote, article.language, hardware) : {}),
      evidence: claim.evidence.map(
        ({ url, title, publisher, publishedOn, stance, note, excerpt, archiveUrl }) => ({
          url,
          title,
          publisher,
          publishedOn,
          stance,
          note,
          excerpt,
          archiveUrl,
        }),
      ),
    })),
  });
  if (number > 1) await refuseUnchanged(tx, articleId, snapshot);
  const history = [
    ...earlier,
    {
      number,
      publishedAt: snapshot.publishedAt,
      changeNote: snapshot.changeNote,
      changeKind: snapshot.changeKind,
    },
  ];
  const site = publisher();
  const publication = await tx.publication.create({
    data: {
      articleId,
      number,
      changeNote: snapshot.changeNote,
      snapshot: JSON.stringify(snapshot),
      ...snapshotColumns(snapshot),
      page: renderFactCheckPage(snapshot, history, "latest", site),
      archivedPage: renderFactCheckPage(snapshot, history, "archived", site),
      publishedById: actor?.id ?? null,
      publishedAt,
    },
  });
  await tx.publicationClaim.createMany({ data: includedClaims(publication.id, snapshot) });
  await tx.article.update({
    where: { id: articleId },
    data: { status: "published", version: { increment: 1 } },
  });
  await audit(tx, {
    actorId: actor?.id ?? null,
    articleId,
    entityType: "publication",
    entityId: publication.id,
    action: "published",
    after: {
      number,
      changeNote: snapshot.changeNote,
      ...(number > 1 ? { changeKind: snapshot.changeKind } : {}),
      claims: snapshot.claims.length,
    },
  });
  return { number, slug: article.slug };
}

/**
 * The article's approved claims in reading order, each with its evidence in the order it was
 * added. The evidence is read by the claims' article, never by a list of their ids: an ordered
 * `include` binds one parameter per claim in one statement (Prisma splits only unordered lists),
 * and past SQLite's 999 an article with a thousand approved claims could not be published.
 */
async function approvedClaimsWithEvidence(tx: Tx, articleId: number) {
  const approved = { articleId, status: "approved" };
  const claims = await tx.claim.findMany({
    where: approved,
    orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
  });
  const evidence = await tx.evidence.findMany({ where: { claim: approved }, orderBy: { id: "asc" } });
  const byClaim = new Map<number, typeof evidence>();
  for (const row of evidence) {
    const rows = byClaim.get(row.claimId);
    if (rows) rows.push(row);
    else byClaim.set(row.claimId, [row]);
  }
  return claims.map((claim) => ({ ...claim, evidence: byClaim.get(claim.id) ?? [] }));
}

/**
 * A version that reads exactly as the last one would tell readers it "Corrected" or "Updated"
 * something, in the page, the feed and the ClaimReview data, when nothing changed.
 */
async function refuseUnchanged(tx: Tx, articleId: number, next: Snapshot): Promise<void> {
  const latest = await tx.publication.findFirst({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { number: true, snapshot: true },
  });
  if (!latest) return;
  if (findings(readSnapshot(latest.snapshot)) === findings(next)) {
    throw new UserError(
      `Nothing changed since version ${latest.number}: the article and its approved claims read exactly as published. Change what needs correcting or updating, have it approved, then publish.`,
    );
  }
}

/**
 * What a version says about the article and its claims, as readers read it, less the time of
 * each approval: approving the same findings again, by the same people, corrects nothing. Who
 * researched and approved a claim is read by readers (the page's "Approved by", export.json,
 * the credit line), so a claim approved again by someone else, or a name put right, is a change.
 */
function findings({ article, claims }: Snapshot): string {
  return JSON.stringify([article, claims.map(({ approvedAt: _approvedAt, ...found }) => found)]);
}
