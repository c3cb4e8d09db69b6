import type { ReactNode } from "react";
import { readPage } from "../newsroom/paging";
import { FactCheckList, PublishedList } from "./FactCheckList";
import { PublicDocument, renderDocument } from "./page.server";
import { listPublished } from "./publications.server";

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

/** One page of the list, newest first; `here` is the address asked for, for the pager's links. */
export async function renderPublishedList(params: URLSearchParams, here: string): Promise<string> {
  const published = await listPublished(readPage(params));
  return renderListDocument("", <PublishedList published={published} here={here} />);
}
