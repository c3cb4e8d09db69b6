import { db } from "../db/client.server";
import { env, publicUrl } from "../utils/config.server";
import type { CurrentUser } from "../auth/session.server";
import { audit } from "../utils/audit.server";
import { ConflictError, UserError } from "../utils/errors";
import type { Publisher } from "./links";
import type { PageRequest } from "../newsroom/paging";
import { latestPublications } from "./latest.server";
import { etagOf, renderFactCheckPage } from "./page.server";
import { forgetPublishedPages } from "./serve.server";
import { SNAPSHOT_SCHEMA, SnapshotSchema, type Snapshot } from "./snapshot";

export function publisher(): Publisher {
  return { baseUrl: publicUrl(), name: env().CLAIMDESK_ORG_NAME };
}

export const SEED_PUBLISHER = "Claimdesk seed fact-check";

/**
 * Freezes the article and its approved claims into the next numbered publication. Versions
 * after the first need a change note: it becomes the public corrections log.
 */
export async function publishArticle(
  articleId: number,
  input: { articleVersion: number; changeNote: string },
  actor: CurrentUser | null,
) {
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      include: {
        claims: {
          where: { status: "approved" },
          orderBy: [{ start: "asc" }, { end: "asc" }],
          include: { evidence: { orderBy: { id: "asc" } } },
        },
        publications: { orderBy: { number: "desc" }, take: 1 },
      },
    });
    if (!article) throw new UserError("There is no article with that number.", 404);
    if (article.version !== input.articleVersion) {
      throw new ConflictError(
        "The article changed since you opened this page (another publication or edit). Reload it, check the claims, and publish again.",
      );
    }
    if (article.claims.length === 0) {
      throw new UserError(
        "Nothing to publish yet: approve at least one claim first. Only approved claims are published.",
      );
    }
    const number = (article.publications[0]?.number ?? 0) + 1;
    if (number > 1 && input.changeNote.trim() === "") {
      throw new UserError(
        `This will be version ${number}: say what changed in the change note. It is shown to readers as a correction.`,
      );
    }
    const approverIds = [
      ...new Set(article.claims.map((c) => c.approvedById).filter((id): id is number => id !== null)),
    ];
    const approvers = await tx.user.findMany({
      where: { id: { in: approverIds } },
      select: { id: true, name: true },
    });
    const publishedAt = new Date();
    const snapshot: Snapshot = SnapshotSchema.parse({
      schema: SNAPSHOT_SCHEMA,
      number,
      publishedAt: publishedAt.toISOString(),
      publishedBy: actor?.name ?? SEED_PUBLISHER,
      changeNote: input.changeNote.trim(),
      article: {
        title: article.title,
        slug: article.slug,
        outlet: article.outlet,
        author: article.author,
        sourceUrl: article.sourceUrl,
        originalDate: article.originalDate,
        markdown: article.markdown,
      },
      claims: article.claims.map((claim, index) => ({
        id: claim.id,
        number: index + 1,
        start: claim.start,
        end: claim.end,
        quote: claim.quote,
        prefix: claim.prefix,
        suffix: claim.suffix,
        verdict: claim.verdict,
        rationale: claim.rationale,
        approvedBy: approvers.find((a) => a.id === claim.approvedById)?.name ?? SEED_PUBLISHER,
        approvedAt: (claim.approvedAt ?? publishedAt).toISOString(),
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
    const earlier = await tx.publication.findMany({
      where: { articleId },
      orderBy: { number: "asc" },
      select: { number: true, publishedAt: true, changeNote: true },
    });
    const history = [
      ...earlier.map(entry),
      { number, publishedAt: snapshot.publishedAt, changeNote: snapshot.changeNote },
    ];
    const publication = await tx.publication.create({
      data: {
        articleId,
        number,
        changeNote: snapshot.changeNote,
        snapshot: JSON.stringify(snapshot),
        page: renderFactCheckPage(snapshot, history, "latest", publisher()),
        archivedPage: renderFactCheckPage(snapshot, history, "archived", publisher()),
        publishedById: actor?.id ?? null,
        publishedAt,
      },
    });
    await tx.article.update({
      where: { id: articleId },
      data: { status: "published", version: { increment: 1 } },
    });
    forgetPublishedPages(article.slug);
    await audit(tx, {
      actorId: actor?.id ?? null,
      articleId,
      entityType: "publication",
      entityId: publication.id,
      action: "published",
      after: { number, changeNote: snapshot.changeNote, claims: snapshot.claims.length },
    });
    return { number, slug: article.slug };
  });
}

export interface PublicationEntry {
  number: number;
  publishedAt: string;
  changeNote: string;
}

const entry = (p: { number: number; publishedAt: Date; changeNote: string }): PublicationEntry => ({
  number: p.number,
  publishedAt: p.publishedAt.toISOString(),
  changeNote: p.changeNote,
});

export interface StoredPage {
  body: string;
  etag: string;
}

/**
 * The stored bytes of a public page: the latest version's (number omitted) or version n's
 * archived page. Pages are rendered at publishing; one stored before pages existed is rendered
 * now and kept. Returns null when there is no such publication. serve.server.ts caches it.
 */
export async function publishedPage(slug: string, number?: number): Promise<StoredPage | null> {
  const article = await db().article.findUnique({
    where: { slug },
    select: { id: true, publications: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
  });
  const latest = article?.publications[0]?.number;
  if (!article || latest === undefined) return null;
  const wanted = number ?? latest;
  const variant = number === undefined ? "latest" : "archived";
  const row = await db().publication.findUnique({
    where: { articleId_number: { articleId: article.id, number: wanted } },
    select: { id: true, page: true, archivedPage: true },
  });
  if (!row) return null;
  let body = variant === "latest" ? row.page : row.archivedPage;
  if (body === "") body = await renderMissingPage(article.id, wanted, variant, row.id);
  return { body, etag: etagOf(body) };
}

async function renderMissingPage(
  articleId: number,
  number: number,
  variant: "latest" | "archived",
  id: number,
): Promise<string> {
  const all = await db().publication.findMany({
    where: { articleId },
    orderBy: { number: "asc" },
    select: { number: true, publishedAt: true, changeNote: true, snapshot: true },
  });
  const chosen = all.find((p) => p.number === number)!;
  const body = renderFactCheckPage(
    SnapshotSchema.parse(JSON.parse(chosen.snapshot)),
    all.map(entry),
    variant,
    publisher(),
  );
  await db().publication.update({
    where: { id },
    data: variant === "latest" ? { page: body } : { archivedPage: body },
  });
  return body;
}

/** A published version (the latest when `number` is omitted) and the article's version history. */
export async function loadPublication(slug: string, number?: number) {
  const article = await db().article.findUnique({
    where: { slug },
    include: {
      publications: {
        orderBy: { number: "asc" },
        select: { number: true, publishedAt: true, changeNote: true, snapshot: true },
      },
    },
  });
  if (!article || article.publications.length === 0) return null;
  const latest = article.publications[article.publications.length - 1]!;
  const chosen = number === undefined ? latest : article.publications.find((p) => p.number === number);
  if (!chosen) return null;
  const history: PublicationEntry[] = article.publications.map(entry);
  return {
    snapshot: SnapshotSchema.parse(JSON.parse(chosen.snapshot)),
    history,
    latestNumber: latest.number,
  };
}

/** One page of the published fact-checks, newest first, with each one's latest version's summary. */
export async function listPublished(request: PageRequest) {
  const page = await latestPublications(request);
  return {
    ...page,
    items: page.items.map((p) => {
      const snapshot = SnapshotSchema.parse(JSON.parse(p.snapshot));
      return {
        slug: p.article.slug,
        title: snapshot.article.title,
        outlet: snapshot.article.outlet,
        number: p.number,
        publishedAt: p.publishedAt.toISOString(),
        claims: snapshot.claims.map((c) => c.verdict),
      };
    }),
  };
}
