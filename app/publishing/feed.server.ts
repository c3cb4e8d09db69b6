import { db } from "../db/client.server";
import { readChangeKind, verdictCounts, verdictLabel } from "../newsroom/verdicts";
import type { FeedEntry } from "./feed";
import { listedVerdicts } from "./snapshot";

/** The newest 100 published versions (corrections and updates included), newest first, as feed entries. */
export async function recentFeedEntries(): Promise<FeedEntry[]> {
  const publications = await db().publication.findMany({
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: {
      number: true,
      publishedAt: true,
      changeNote: true,
      changeKind: true,
      title: true,
      outlet: true,
      verdicts: true,
      article: { select: { slug: true } },
    },
  });
  // Read from the summary columns: a feed of 100 versions never parses 100 snapshots.
  return publications.map((p) => {
    const verdicts = listedVerdicts(p.verdicts);
    const counts = verdictCounts(verdicts);
    const summary = `${verdicts.length} ${verdicts.length === 1 ? "claim" : "claims"} checked in “${p.title}”${p.outlet ? ` (${p.outlet})` : ""}: ${counts.map(({ verdict, count }) => `${count} ${verdictLabel(verdict).toLowerCase()}`).join(", ")}.`;
    return {
      slug: p.article.slug,
      title: p.title,
      number: p.number,
      publishedAt: p.publishedAt.toISOString(),
      changeNote: p.changeNote,
      changeKind: readChangeKind(p.changeKind),
      claims: verdicts.length,
      summary,
    };
  });
}
