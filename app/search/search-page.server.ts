import { pageWindow, readPage, toPage } from "../newsroom/paging";
import type { SearchGroup } from "./results";
import { searchKind, searchPublished } from "./search.server";
import { SEARCH_KINDS, SearchParamsSchema, type SearchKind } from "./search-request";
import { calendarDay } from "../utils/dates";
import { plainSnippet } from "./snippet";

/** Hits of each kind shown when the search is over every kind; "show all" pages through one kind. */
export const GROUP_SIZE = 5;
export const SEARCH_PAGE_SIZE = 20;

/**
 * The search page for these query parameters: every kind's best matches, or one kind a page at a
 * time when `kind` is chosen. Parameters that are not one of the choices are ignored.
 */
/** What a filter date the page could not use was, in words: the search runs without it and says so. */
function ignoredDates(params: URLSearchParams): string[] {
  return (["from", "to"] as const).flatMap((field) => {
    const raw = params.get(field)?.trim() ?? "";
    if (raw === "") return [];
    const read = calendarDay.safeParse(raw);
    const label = field === "from" ? "Changed from" : "Changed to";
    return read.success ? [] : [`${label}: ${read.error.issues[0]!.message} It was left out of the search.`];
  });
}

export async function searchPage(params: URLSearchParams) {
  const search = SearchParamsSchema.parse(Object.fromEntries(params));
  const ignored = ignoredDates(params);
  const filters = {
    verdict: search.verdict,
    status: search.status,
    outlet: search.outlet,
    from: search.from,
    to: search.to,
  };
  if (search.q.trim() === "") return { search, ignored, groups: [] as SearchGroup[], page: null };
  if (search.kind) {
    const request = readPage(params, SEARCH_PAGE_SIZE);
    const { skip, take } = pageWindow(request);
    const { hits, total } = await searchKind(search.kind, search.q, filters, skip, take);
    return {
      search,
      ignored,
      groups: [{ kind: search.kind, total, hits: hits.slice(0, request.size) }],
      page: toPage(hits, request),
    };
  }
  const groups = await Promise.all(
    SEARCH_KINDS.map(async (kind) => ({
      kind,
      ...(await searchKind(kind, search.q, filters, 0, GROUP_SIZE)),
    })),
  );
  return { search, ignored, groups, page: null };
}

/** Readers' search on /fact-checks?q=: published fact-checks only, a page at a time. */
export async function publishedSearchPage(params: URLSearchParams, size: number) {
  const q = SearchParamsSchema.shape.q.parse(params.get("q") ?? "");
  const request = readPage(params, size);
  const { skip, take } = pageWindow(request);
  const { hits, total } = await searchPublished(q, skip, take);
  return { q, total, page: toPage(hits, request) };
}

/** The API's answer: one list, best first within each kind, in the API's field names. */
export async function searchForApi(
  query: string,
  kind: SearchKind | undefined,
  limit: number,
  offset: number,
) {
  const kinds = kind ? [kind] : SEARCH_KINDS;
  const found = await Promise.all(kinds.map((k) => searchKind(k, query, {}, 0, offset + limit)));
  const results = found
    .flatMap((f) => f.hits)
    .sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id - b.id)
    .slice(offset, offset + limit)
    .map((hit) => ({ ...hit, snippet: plainSnippet(hit.snippet) }));
  return { results, total: found.reduce((sum, f) => sum + f.total, 0) };
}
