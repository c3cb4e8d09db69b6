import { atomFeed } from "../publishing/feed";
import { recentFeedEntries } from "../publishing/feed.server";
import { publisher } from "../publishing/publications.server";
import { cacheableResponse } from "../publishing/respond.server";
import type { Route } from "./+types/feed";

/** /fact-checks.atom: every published version, newest first, so corrections reach subscribers. */
export async function loader({ request }: Route.LoaderArgs) {
  const entries = await recentFeedEntries();
  return cacheableResponse(request, {
    body: atomFeed(entries, publisher()),
    contentType: "application/atom+xml; charset=utf-8",
    immutable: false,
  });
}
