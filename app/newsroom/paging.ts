import { data } from "react-router";
import { z } from "zod";
import { pastTheEnd } from "./page-links";

export { COUNT_CAP, formatCount, pastTheEnd, withPage } from "./page-links";

/**
 * Every list is read one page at a time, in a stable order (ties broken by id), so what a
 * list costs depends on the page size, not on the size of the workspace. Pages are numbered
 * from 1 in the URL (`?page=2`), so Previous and Next are plain links that work without
 * JavaScript. The page size stays well under SQLite's 999 bound parameters, because a page's
 * ids are used in `IN (…)` look-ups of its counts and latest versions.
 */
export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Deeper pages than this are refused: offsets are read through, and nobody pages that far. */
export const MAX_PAGE = 10_000;

export interface PageRequest {
  page: number;
  size: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** The rows a page is read from; a page deeper than MAX_PAGE reads none (and so says the list ends before it). */
export const pageWindow = ({ page, size }: PageRequest) =>
  page > MAX_PAGE ? { skip: 0, take: 0 } : { skip: (page - 1) * size, take: size + 1 };

/** Rows read with pageWindow (one more than the page holds, to know whether a next page exists). */
export function toPage<T>(rows: T[], request: PageRequest): Page<T> {
  return {
    items: rows.slice(0, request.size),
    page: request.page,
    size: request.size,
    hasPrevious: request.page > 1,
    hasNext: rows.length > request.size,
  };
}

/**
 * A loader's answer for a page that shows one page of a list (`page`, null when it shows none):
 * 404 when that page is past the list's end (pastTheEnd), 200 otherwise. The page renders either
 * way: its Pager says there is nothing on page N and links to the first page.
 */
export function pagedAnswer<T>(payload: T, page: ShownPage | null) {
  return data(payload, { status: page ? pageStatus(page) : 200 });
}

type ShownPage = { page: number; items: readonly unknown[] };

/** The HTTP status of a page showing one page of a list: 404 past the list's end (pastTheEnd). */
export const pageStatus = ({ page, items }: ShownPage): 200 | 404 =>
  pastTheEnd(page, items.length) ? 404 : 200;

/** How many pages `total` rows fill: at least one, since an empty list is one empty page. */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

const pageNumber = z.coerce
  .number({ error: "page must be a whole number from 1." })
  .int("page must be a whole number from 1.")
  .min(1, "page must be a whole number from 1.")
  .max(MAX_PAGE, `page must be at most ${MAX_PAGE}.`);

/**
 * For pages: a missing or unreadable `?page=` opens the first page rather than an error. A page
 * past MAX_PAGE keeps its number, so the page says there is nothing on it, without reading through.
 */
export function readPage(params: URLSearchParams, size = PAGE_SIZE): PageRequest {
  const asked = params.get("page") ?? "1";
  const parsed = pageNumber.safeParse(asked);
  if (parsed.success) return { page: parsed.data, size };
  const deep = /^\d{1,15}$/.test(asked) ? Number(asked) : 0;
  return { page: deep > MAX_PAGE ? deep : 1, size };
}

/** For the API: `?page=` and `?limit=`, both optional; a bad value is the client's error (400). */
export const ApiPageSchema = z.strictObject({
  page: pageNumber.default(1),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
    .int(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .min(1, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .max(MAX_PAGE_SIZE, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .default(PAGE_SIZE),
});
