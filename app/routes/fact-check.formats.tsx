import type { Route } from "./+types/fact-check.formats";
import { gzipped, renderedFormat } from "../publishing/formats.server";
import { notFoundPage } from "../publishing/page.server";
import { cacheableResponse } from "../publishing/respond.server";

/** The latest published version in the formats other tools read: Web Annotations, JSON, Markdown. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const rendered = await renderedFormat(params.slug ?? "", params.format);
  if (!rendered) throw notFoundPage("There is no published fact-check in that format at this address.");
  // A rendering not kept is compressed by the server as it is sent, off the event loop.
  const accepted = /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))/i.test(
    request.headers.get("Accept-Encoding") ?? "",
  );
  const gzip = accepted && rendered.kept ? gzipped(rendered) : null;
  return cacheableResponse(request, {
    body: gzip?.body ?? rendered.body,
    etag: gzip?.etag ?? rendered.etag,
    contentType: rendered.contentType,
    immutable: false,
    extraHeaders: {
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      Vary: "Accept-Encoding",
      "Access-Control-Allow-Origin": "*",
      ...(rendered.fileName ? { "Content-Disposition": `inline; filename="${rendered.fileName}"` } : {}),
    },
  });
}
