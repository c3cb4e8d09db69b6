// What list pages need in the browser as well: no zod here (zod probes eval, which the CSP refuses).

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
