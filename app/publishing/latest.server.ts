import { db } from "../db/client.server";
import { MAX_PAGE_SIZE, pageWindow, toPage, type Page, type PageRequest } from "../newsroom/paging";

/**
 * The latest publication of articles, read so that no query's bound parameters grow with the
 * workspace (SQLite allows 999): either for one page of article ids, or as one page of the
 * latest publications themselves, newest first. Every list of published work goes through here.
 */

function onePage(ids: number[]): number[] {
  if (ids.length > MAX_PAGE_SIZE + 1)
    throw new Error(
      `Asked for ${ids.length} rows at once; lists are read a page (at most ${MAX_PAGE_SIZE}) at a time.`,
    );
  return ids;
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

/** One page of latest publications, newest first (ties by id), with their article's slug. */
export async function latestPublications(
  request: PageRequest,
): Promise<
  Page<{ id: number; number: number; publishedAt: Date; snapshot: string; article: { slug: string } }>
> {
  const { skip, take } = pageWindow(request);
  // "Latest" is a correlated NOT EXISTS on the (articleId, number) key; the order walks the
  // publishedAt index and stops after one page.
  const found = await db().$queryRaw<Array<{ id: number | bigint }>>`
    SELECT p."id" FROM "Publication" p
    WHERE NOT EXISTS (SELECT 1 FROM "Publication" n WHERE n."articleId" = p."articleId" AND n."number" > p."number")
    ORDER BY p."publishedAt" DESC, p."id" DESC
    LIMIT ${take} OFFSET ${skip}`;
  const ids = onePage(found.map((r) => Number(r.id)));
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
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toPage(ids.map((id) => byId.get(id)!).filter(Boolean), request);
}

/** The latest publication of one article, by its slug. */
export async function latestPublicationBySlug(slug: string) {
  return db().publication.findFirst({
    where: { article: { slug } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, snapshot: true },
  });
}
