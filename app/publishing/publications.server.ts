import { db, type Db, type Tx } from "../db/client.server";
import type { PageRequest } from "../newsroom/paging";
import { boundedCache } from "../utils/bounded-cache";
import { env, publicUrl } from "../utils/config.server";
import { latestNumber, latestPublicationSummaries, whereArticle, type ArticleRef } from "./latest.server";
import { claimPermalink, embedCode, type Publisher } from "./links";
import { etagOf, renderFactCheckPage } from "./page.server";
import {
  listedVerdicts,
  publicationEntry,
  readSnapshot,
  type PublicationEntry,
  type PublishedClaim,
  type Snapshot,
} from "./snapshot";

/**
 * Reading publications: the stored public pages, a published version with its history, the
 * list of published fact-checks and the claim an embed shows. Writing one is publish.server.ts,
 * which may use these; nothing here knows how a publication is made.
 */

export function publisher(): Publisher {
  return { baseUrl: publicUrl(), name: env().CLAIMDESK_ORG_NAME };
}

/** Every version of one article, oldest first: what the corrections log and the version links list. */
export async function versionHistory(of: ArticleRef, client: Db | Tx = db()): Promise<PublicationEntry[]> {
  const rows = await client.publication.findMany({
    where: whereArticle(of),
    orderBy: { number: "asc" },
    select: { number: true, publishedAt: true, changeNote: true, changeKind: true },
  });
  return rows.map(publicationEntry);
}

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
  const wanted = number ?? (await latestNumber({ slug }));
  if (wanted === null) return null;
  const variant = number === undefined ? "latest" : "archived";
  const row = await db().publication.findFirst({
    where: { article: { slug }, number: wanted },
    select: { id: true, articleId: true, page: true, archivedPage: true, snapshot: true },
  });
  if (!row) return null;
  let body = variant === "latest" ? row.page : row.archivedPage;
  if (body === "") {
    body = renderFactCheckPage(
      readSnapshot(row.snapshot),
      await versionHistory({ articleId: row.articleId }),
      variant,
      publisher(),
    );
    await db().publication.update({
      where: { id: row.id },
      data: variant === "latest" ? { page: body } : { archivedPage: body },
    });
  }
  return { body, etag: etagOf(body) };
}

/** A published version (the latest when `number` is omitted) and the article's version history. */
export async function loadPublication(slug: string, number?: number) {
  const history = await versionHistory({ slug });
  const latest = history.at(-1);
  if (!latest) return null;
  const row = await db().publication.findFirst({
    where: { article: { slug }, number: number ?? latest.number },
    select: { snapshot: true },
  });
  if (!row) return null;
  return { snapshot: readSnapshot(row.snapshot), history, latestNumber: latest.number };
}

/** One page of the published fact-checks, newest first, with each one's latest version's summary. */
/** How many fact-checks are published (articles with at least one publication). */
export function countPublished(): Promise<number> {
  return db().article.count({ where: { publications: { some: {} } } });
}

export async function listPublished(request: PageRequest) {
  const page = await latestPublicationSummaries(request);
  return {
    ...page,
    items: page.items.map(({ title, outlet, verdicts, number, publishedAt, article }) => ({
      slug: article.slug,
      title,
      outlet,
      number,
      publishedAt: publishedAt.toISOString(),
      claims: listedVerdicts(verdicts),
    })),
  };
}

/**
 * Snapshots read for embeds, by publication: a publication never changes, and reading a 2 MB
 * article's snapshot (7 MB of JSON, parsed and checked) took 25-45 ms, which every card of it
 * paid on every view in partners' pages. Keyed by the row and its time, so a database replaced
 * under a running process (tests, data:import) is never answered from another's snapshot.
 */
const embeddedSnapshots = boundedCache<string, { snapshot: Snapshot; chars: number }>({
  entries: 64,
  budget: 64_000_000,
  weigh: (kept) => kept.chars,
});

/**
 * The claim as the latest version of its fact-check publishes it, for an embed: found through
 * the index of published claims (PublicationClaim), never by searching snapshots' text. A claim
 * the latest version no longer includes has no embed.
 */
export async function findPublishedClaim(
  claimId: number,
): Promise<{ snapshot: Snapshot; claim: PublishedClaim } | null> {
  const included = await db().publicationClaim.findFirst({
    where: { claimId },
    select: { publication: { select: { articleId: true } } },
  });
  if (!included) return null;
  const latest = await db().publication.findFirst({
    where: { articleId: included.publication.articleId },
    orderBy: { number: "desc" },
    select: { id: true, publishedAt: true },
  });
  if (!latest) return null;
  const { snapshot } = await embeddedSnapshots.getOrLoad(
    `${latest.id}@${latest.publishedAt.getTime()}`,
    async () => {
      const row = await db().publication.findUniqueOrThrow({
        where: { id: latest.id },
        select: { snapshot: true },
      });
      return { snapshot: readSnapshot(row.snapshot), chars: row.snapshot.length };
    },
  );
  const claim = snapshot.claims.find((c) => c.id === claimId);
  return claim ? { snapshot, claim } : null;
}

/**
 * Where readers see a claim: its permalink in the latest version of its fact-check, and the
 * number that version gives it; null when that version does not publish it. What an attribution
 * in a rationale links to (matching's PublishedClaimLink).
 */
export async function publishedClaimLink(claimId: number): Promise<{ href: string; number: number } | null> {
  const found = await findPublishedClaim(claimId);
  if (!found) return null;
  const { number } = found.claim;
  return { href: claimPermalink(publisher().baseUrl, found.snapshot, number), number };
}

/**
 * The embed code for a claim the latest version publishes (the claim page offers it), or null.
 * Reads the index of published claims, never the snapshot: a claim page stays cheap.
 */
export async function publishedEmbed(articleId: number, claimId: number): Promise<{ code: string } | null> {
  const latest = await latestNumber({ articleId });
  if (latest === null) return null;
  const included = await db().publicationClaim.findFirst({
    where: { claimId, publication: { articleId, number: latest } },
    select: { claimId: true },
  });
  const site = publisher();
  return included ? { code: embedCode(site.baseUrl, claimId, `Fact-check by ${site.name}`) } : null;
}
