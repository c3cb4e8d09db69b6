// What list pages need in the browser as well: no zod here (zod probes eval, which the CSP refuses).

/**
 * A page past its list's end (an old link, a typed address): page 2 or later with nothing on it.
 * The one rule for every paged page: it is no page, so it answers 404 (`pagedAnswer` in
 * paging.ts; the readers' list in list-page.server.tsx), and still shows the list's page saying
 * there is nothing on page N, with a link to the first page (Pager). Page 1 of an empty list is a
 * page.
 */
export const pastTheEnd = (page: number, shown: number) => page > 1 && shown === 0;

/** The same address with another page number; every other parameter is kept. */
export function withPage(pathAndSearch: string, page: number): string {
  const url = new URL(pathAndSearch, "http://x");
  if (page <= 1) url.searchParams.delete("page");
  else url.searchParams.set("page", String(page));
  return url.pathname + url.search;
}

/**
 * Counts stop here: "1,000+" is as useful to a reader as the exact figure, and counting every
 * matching row would cost time in proportion to the workspace.
 */
export const COUNT_CAP = 1000;

const NUMBER = new Intl.NumberFormat("en");

/** "1,000+" once a count passes the cap. */
export const formatCount = (n: number) => (n > COUNT_CAP ? `${NUMBER.format(COUNT_CAP)}+` : NUMBER.format(n));

/** A page's place in a page's title, after page 1 (" (page 3)"): a screen reader reads the title first. */
export const pageOf = (page: { page: number } | null): string =>
  page && page.page > 1 ? ` (page ${NUMBER.format(page.page)})` : "";
