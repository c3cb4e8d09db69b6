import type { Route } from "./+types/fact-check.formats";
import { annotationCollection } from "../publishing/annotations";
import { exportJson, exportMarkdown } from "../publishing/export";
import { notFoundPage } from "../publishing/page.server";
import { loadPublication, publisher } from "../publishing/publications.server";
import { cacheableResponse } from "../publishing/respond.server";

const FORMATS = {
  "annotations.jsonld": {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    render: (p: NonNullable<Awaited<ReturnType<typeof loadPublication>>>) =>
      JSON.stringify(annotationCollection(p.snapshot, publisher()), null, 2),
  },
  "export.json": {
    contentType: "application/json; charset=utf-8",
    render: (p: NonNullable<Awaited<ReturnType<typeof loadPublication>>>) =>
      JSON.stringify(exportJson(p.snapshot, p.history, publisher()), null, 2),
  },
  "export.md": {
    contentType: "text/markdown; charset=utf-8",
    render: (p: NonNullable<Awaited<ReturnType<typeof loadPublication>>>) =>
      exportMarkdown(p.snapshot, p.history, publisher()),
  },
} as const;

/** The latest published version in the formats other tools read: Web Annotations, JSON, Markdown. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const format = FORMATS[params.format as keyof typeof FORMATS];
  const publication = format ? await loadPublication(params.slug ?? "") : null;
  if (!format || !publication)
    throw notFoundPage("There is no published fact-check in that format at this address.");
  return cacheableResponse(request, {
    body: format.render(publication) + "\n",
    contentType: format.contentType,
    immutable: false,
    extraHeaders: {
      "Access-Control-Allow-Origin": "*",
      ...(params.format === "export.md"
        ? {
            "Content-Disposition": `inline; filename="${publication.snapshot.article.slug}-v${publication.snapshot.number}.md"`,
          }
        : {}),
    },
  });
}
