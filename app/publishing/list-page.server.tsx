import type { ReactNode } from "react";
import { pageCount, pageStatus, readPage } from "../newsroom/paging";
import { FactCheckList, PublishedList } from "./FactCheckList";
import { PublicDocument, renderDocument } from "./page.server";
import { countPublished, listPublished } from "./publications.server";

/**
 * The readers' list of published fact-checks (/fact-checks) and its search, as complete public
 * documents: no client-side React, like the fact-check pages. The list's pages are the same for
 * every reader, so server.js keeps them (app/publishing/serve.server.ts).
 */
export function renderListDocument(
  q: string,
  children: ReactNode,
  title = "Fact-checks · Claimdesk",
): string {
  return renderDocument(
    <PublicDocument
      title={title}
      description="Every fact-check published with Claimdesk: each claim checked, its verdict and its sources."
      // The form, the cards and the pager look as they do in the app.
      head={<link rel="stylesheet" href="/workbench.css" />}
    >
      <FactCheckList q={q}>{children}</FactCheckList>
    </PublicDocument>,
  );
}

/**
 * One page of the list, newest first; `here` is the address asked for, for the pager's links. A
 * page past the last one (pageStatus, the rule of every paged page) is a 404 that says there is
 * nothing on it and links to the first page and the last (an empty list's page 1 is its page).
 */
export async function renderPublishedList(
  params: URLSearchParams,
  here: string,
): Promise<{ status: 200 | 404; html: string }> {
  const request = readPage(params);
  const published = await listPublished(request);
  if (pageStatus(published) === 200)
    return { status: 200, html: renderListDocument("", <PublishedList published={published} here={here} />) };
  const last = pageCount(await countPublished(), request.size);
  return {
    status: 404,
    html: renderListDocument(
      "",
      <PublishedList published={published} here={here} last={last} />,
      `No page ${request.page} · Fact-checks · Claimdesk`,
    ),
  };
}
