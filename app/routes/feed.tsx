import { db } from "../db/client.server";
import { atomFeed } from "../publishing/feed";
import { publisher } from "../publishing/publish.server";
import { cacheableResponse } from "../publishing/respond.server";
import { SnapshotSchema } from "../publishing/snapshot";
import { verdictLabel } from "../newsroom/verdicts";
import type { Route } from "./+types/feed";

/** /fact-checks.atom: every published version, newest first, so corrections reach subscribers. */
export async function loader({ request }: Route.LoaderArgs) {
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
  const entries = publications.map((p) => {
    const snapshot = SnapshotSchema.parse(JSON.parse(p.snapshot));
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
  return cacheableResponse(request, {
    body: atomFeed(entries, publisher()),
    contentType: "application/atom+xml; charset=utf-8",
    immutable: false,
  });
}
