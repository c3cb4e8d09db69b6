import { db } from "../db/client.server";
import { verdictCounts, verdictLabel } from "../newsroom/verdicts";
import type { FeedEntry } from "./feed";
import { readSnapshot } from "./snapshot";

/** The newest 100 published versions (corrections included), newest first, as feed entries. */
export async function recentFeedEntries(): Promise<FeedEntry[]> {
  const publications = await db().publication.findMany({
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: {
      number: true,
      publishedAt: true,
      changeNote: true,
      snapshot: true,
      article: { select: { slug: true } },
    },
  });
  return publications.map((p) => {
    const snapshot = readSnapshot(p.snapshot);
    const counts = verdictCounts(snapshot.claims.map((c) => c.verdict));
    const summary = `${snapshot.claims.length} claims checked in “${snapshot.article.title}”${snapshot.article.outlet ? ` (${snapshot.article.outlet})` : ""}: ${counts.map(({ verdict, count }) => `${count} ${verdictLabel(verdict).toLowerCase()}`).join(", ")}.`;
    return {
      slug: p.article.slug,
      title: snapshot.article.title,
      number: p.number,
      publishedAt: p.publishedAt.toISOString(),
      changeNote: p.changeNote,
      claims: snapshot.claims.length,
      summary,
    };
  });
}
