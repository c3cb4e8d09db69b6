import type { Route } from "./+types/fact-checks";
import { getUser } from "../auth/session.server";
import { withAccount } from "../publishing/page.server";
import { foundSummary, FoundFactCheckList } from "../publishing/FactCheckList";
import { pageOf } from "../newsroom/page-links";
import { pageStatus } from "../newsroom/paging";
import { renderListDocument, renderPublishedList } from "../publishing/list-page.server";
import { listPageHeaders } from "../publishing/serve.server";
import { publishedSearchPage } from "../search/search-page.server";

const RESULTS_PER_PAGE = 20;

/**
 * The readers' list of published fact-checks and its search: public documents without
 * client-side React, like the fact-check pages. In production server.js answers the list's pages
 * from memory for anonymous readers (app/publishing/serve.server.ts); this route is the fallback,
 * the search, and what signed-in members see (with their account corner).
 */
export async function loader({ request, url }: Route.LoaderArgs) {
  const here = url.pathname + url.search;
  const { status, html } = url.searchParams.get("q")?.trim()
    ? await renderSearch(url.searchParams, here)
    : await renderPublishedList(url.searchParams, here);
  const user = await getUser(request);
  return new Response(request.method === "HEAD" ? null : user ? withAccount(html, user) : html, {
    status,
    headers: listPageHeaders(user !== null),
  });
}

async function renderSearch(params: URLSearchParams, here: string) {
  const found = await publishedSearchPage(params, RESULTS_PER_PAGE);
  const html = renderListDocument(
    found.q,
    <FoundFactCheckList found={found} here={here} />,
    `${foundSummary(found)}${pageOf(found.page)} · Fact-checks · Claimdesk`,
  );
  return { status: pageStatus(found.page), html };
}
