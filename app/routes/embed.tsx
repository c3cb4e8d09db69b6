import type { Route } from "./+types/embed";
import { parseId } from "../utils/http.server";
import { CARD_CSP, claimCard } from "../publishing/embed.server";
import { findPublishedClaim, publisher } from "../publishing/publications.server";
import { cacheableResponse } from "../publishing/respond.server";

/** /embed/claims/:id: a small card for other sites' iframes, from the latest published version. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await findPublishedClaim(parseId(params.id, "claim"));
  if (!found)
    throw new Response("This claim is not part of a published fact-check.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return cacheableResponse(request, {
    body: claimCard(found.snapshot, found.claim, publisher()),
    contentType: "text/html; charset=utf-8",
    immutable: false,
    extraHeaders: { "Content-Security-Policy": CARD_CSP },
  });
}
