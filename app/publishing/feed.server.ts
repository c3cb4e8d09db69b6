import { db } from "../db/client.server";
import { verdictLabel } from "../newsroom/verdicts";
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
    const counts = new Map<string, number>();
    for (const c of snapshot.claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
    const summary = `${snapshot.claims.length} claims checked in “${snapshot.article.title}”${snapshot.article.outlet ? ` (${snapshot.article.outlet})` : ""}: ${[...counts].map(([v, n]) => `${n} ${verdictLabel(v).toLowerCase()}`).join(", ")}.`;
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
