import type { Route } from "./+types/fact-check";
import { notFoundPage, withAccount } from "../publishing/page.server";
import { getUser } from "../auth/session.server";
import { cacheableResponse } from "../publishing/respond.server";
import { keptPublishedPage, publicPageHeaders } from "../publishing/serve.server";
import { readId } from "../utils/http.server";

/**
 * The public annotated page: stored bytes rendered once at publishing. /v/:n never changes and
 * is cached for a year; the latest address revalidates with its ETag. In production server.js
 * answers these addresses first (app/publishing/serve.server.ts); this route is the fallback.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const number = params.n === undefined ? undefined : readId(params.n);
  if (number === null) throw notFoundPage("There is no such version of this fact-check.");
  const page = await keptPublishedPage(params.slug ?? "", number);
  if (!page) throw notFoundPage("There is no published fact-check at this address.");
  const user = await getUser(request);
  if (user) {
    const { ETag: _shared, ...headers } = publicPageHeaders(page.etag, false);
    return new Response(request.method === "HEAD" ? null : withAccount(page.body, user), {
      headers: { ...headers, "Cache-Control": "private, no-store" },
    });
  }
  return cacheableResponse(request, {
    body: page.body,
    etag: page.etag,
    contentType: "text/html; charset=utf-8",
    immutable: number !== undefined,
    extraHeaders: publicPageHeaders(page.etag, number !== undefined),
  });
}
