import type { Route } from "./+types/fact-check.formats";
import { exportFormat } from "../publishing/formats.server";
import { notFoundPage } from "../publishing/page.server";
import { loadPublication } from "../publishing/publications.server";
import { cacheableResponse } from "../publishing/respond.server";

/** The latest published version in the formats other tools read: Web Annotations, JSON, Markdown. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const format = exportFormat(params.format);
  const publication = format ? await loadPublication(params.slug ?? "") : null;
  if (!format || !publication)
    throw notFoundPage("There is no published fact-check in that format at this address.");
  return cacheableResponse(request, {
    body: format.render(publication) + "\n",
    contentType: format.contentType,
    immutable: false,
    extraHeaders: {
      "Access-Control-Allow-Origin": "*",
      ...(format.fileName
        ? { "Content-Disposition": `inline; filename="${format.fileName(publication)}"` }
        : {}),
    },
  });
}
