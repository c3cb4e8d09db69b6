import { db } from "../db/client.server";
import { MAX_PAGE_SIZE, pageWindow, toPage, type Page, type PageRequest } from "../newsroom/paging";
import { readSnapshot, type Snapshot } from "./snapshot";

/**
 * Which publication of an article is its latest: the one home of that question. Lists read it
 * so that no query's bound parameters grow with the workspace (SQLite allows 999): either for
 * one page of article ids, or as one page of the latest publications themselves, newest first.
 * Single articles read it by id or by slug. Every reader of "the latest version" goes through here.
 */

/** One article, by its id or by its slug. */
export type ArticleRef = { articleId: number } | { slug: string };

export const whereArticle = (of: ArticleRef) =>
  "slug" in of ? { article: { slug: of.slug } } : { articleId: of.articleId };

function onePage(ids: number[]): number[] {
  if (ids.length > MAX_PAGE_SIZE + 1)
    throw new Error(
      `Asked for ${ids.length} rows at once; lists are read a page (at most ${MAX_PAGE_SIZE}) at a time.`,
    );
  return ids;
}

/** The latest version number of one article; null when it has never been published. Reads no snapshot. */
export async function latestNumber(of: ArticleRef): Promise<number | null> {
  const row = await db().publication.findFirst({
    where: whereArticle(of),
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return row?.number ?? null;
}

/** The latest publication of one article, its snapshot read; null when it has never been published. */
export async function latestPublication(
  of: ArticleRef,
): Promise<{ id: number; articleId: number; number: number; snapshot: Snapshot } | null> {
  const row = await db().publication.findFirst({
    where: whereArticle(of),
    orderBy: { number: "desc" },
    select: { id: true, articleId: true, number: true, snapshot: true },
  });
  return row && { ...row, snapshot: readSnapshot(row.snapshot) };
}

/** The latest publication number of each of these articles (one page of them); unpublished ones are absent. */
export async function latestNumbers(articleIds: number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db().publication.groupBy({
    by: ["articleId"],
    where: { articleId: { in: onePage(articleIds) } },
    _max: { number: true },
  });
  return new Map(rows.map((r) => [r.articleId, r._max.number!]));
}

/** A page of articles with each one's latest published version (null when it is unpublished). */
export async function withPublishedVersions<T extends { id: number }>(
  page: Page<T>,
): Promise<Page<T & { publishedVersion: number | null }>> {
  const latest = await latestNumbers(page.items.map((a) => a.id));
  return { ...page, items: page.items.map((a) => ({ ...a, publishedVersion: latest.get(a.id) ?? null })) };
}

/** The ids of one page of latest publications, newest first (ties by id). */
async function latestIds(request: PageRequest): Promise<number[]> {
  const { skip, take } = pageWindow(request);
  // "Latest" is a correlated NOT EXISTS on the (articleId, number) key; the order walks the
  // publishedAt index and stops after one page.
  const found = await db().$queryRaw<Array<{ id: number | bigint }>>`
    SELECT p."id" FROM "Publication" p
    WHERE NOT EXISTS (SELECT 1 FROM "Publication" n WHERE n."articleId" = p."articleId" AND n."number" > p."number")
    ORDER BY p."publishedAt" DESC, p."id" DESC
    LIMIT ${take} OFFSET ${skip}`;
  return onePage(found.map((r) => Number(r.id)));
}

/** Rows in the order of `ids` (one page of them). */
function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
}

const LISTED = {
  id: true,
  number: true,
  publishedAt: true,
  title: true,
  outlet: true,
  verdicts: true,
  article: { select: { slug: true } },
} as const;

/**
 * One page of latest publications as lists show them (title, outlet, verdicts), newest first:
 * read from the publications' summary columns, never from their snapshots.
 */
export async function latestPublicationSummaries(request: PageRequest) {
  const ids = await latestIds(request);
  const rows = await db().publication.findMany({ where: { id: { in: ids } }, select: LISTED });
  return toPage(inOrder(ids, rows), request);
}

/** One page of latest publications with their snapshots, newest first, for pages that need the claims. */
export async function latestPublications(
  request: PageRequest,
): Promise<
  Page<{ id: number; number: number; publishedAt: Date; snapshot: Snapshot; article: { slug: string } }>
> {
  const ids = await latestIds(request);
  const rows = await db().publication.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      number: true,
      publishedAt: true,
      snapshot: true,
      article: { select: { slug: true } },
    },
  });
  return toPage(
    inOrder(ids, rows).map((row) => ({ ...row, snapshot: readSnapshot(row.snapshot) })),
    request,
  );
}
