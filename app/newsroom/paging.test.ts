import { describe, expect, it } from "vitest";
import {
  ApiPageSchema,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  PAGE_SIZE,
  formatCount,
  pageStatus,
  pageWindow,
  pagedAnswer,
  readPage,
  toPage,
  withPage,
} from "./paging";

describe("paging", () => {
  it("keeps every other parameter when it links to another page", () => {
    expect(withPage("/desk?status=open&assignee=none", 2)).toBe("/desk?status=open&assignee=none&page=2");
    expect(withPage("/desk?status=open&page=3", 2)).toBe("/desk?status=open&page=2");
    expect(withPage("/articles?page=2", 1)).toBe("/articles");
  });

  it("opens the first page for a missing or unreadable page number on pages", () => {
    for (const value of [null, "0", "-3", "abc", "1.5", "1e9"]) {
      const params = new URLSearchParams(value === null ? "" : `page=${value}`);
      expect(readPage(params), String(value)).toEqual({ page: 1, size: PAGE_SIZE });
    }
    expect(readPage(new URLSearchParams("page=4"))).toEqual({ page: 4, size: PAGE_SIZE });
  });

  it("keeps a page past the deepest it reads, and reads no rows for it", () => {
    const deep = readPage(new URLSearchParams(`page=${MAX_PAGE + 1}`));
    expect(deep).toEqual({ page: MAX_PAGE + 1, size: PAGE_SIZE });
    expect(pageWindow(deep)).toEqual({ skip: 0, take: 0 });
    expect(toPage([], deep)).toMatchObject({ items: [], hasPrevious: true, hasNext: false });
    expect(pageWindow(readPage(new URLSearchParams(`page=${MAX_PAGE}`)))).toEqual({
      skip: (MAX_PAGE - 1) * PAGE_SIZE,
      take: PAGE_SIZE + 1,
    });
    // Digits beyond what a number holds exactly are unreadable: the first page.
    expect(readPage(new URLSearchParams("page=99999999999999999999")).page).toBe(1);
  });

  it("answers 404 for a page past the list's end, never for a list's first page, empty or not", () => {
    expect(pageStatus({ page: 1, items: [] })).toBe(200);
    expect(pageStatus({ page: 3, items: ["a"] })).toBe(200);
    expect(pageStatus({ page: 2, items: [] })).toBe(404);
    expect(pageStatus(toPage([], readPage(new URLSearchParams(`page=${MAX_PAGE + 1}`))))).toBe(404);
    expect(pagedAnswer({ rows: [] }, { page: 999, items: [] }).init?.status).toBe(404);
    expect(pagedAnswer({ rows: [] }, null).init?.status).toBe(200);
  });

  it("refuses bad API paging values instead of guessing", () => {
    expect(ApiPageSchema.parse({})).toEqual({ page: 1, limit: PAGE_SIZE });
    expect(ApiPageSchema.parse({ page: "3", limit: String(MAX_PAGE_SIZE) })).toEqual({
      page: 3,
      limit: MAX_PAGE_SIZE,
    });
    for (const bad of [
      { page: "0" },
      { page: "x" },
      { limit: "0" },
      { limit: String(MAX_PAGE_SIZE + 1) },
      { limit: "2.5" },
      { size: "5" },
    ]) {
      expect(ApiPageSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("knows from one extra row whether a next page exists", () => {
    expect(toPage([1, 2, 3], { page: 2, size: 2 })).toEqual({
      items: [1, 2],
      page: 2,
      size: 2,
      hasPrevious: true,
      hasNext: true,
    });
    expect(toPage([1, 2], { page: 1, size: 2 })).toEqual({
      items: [1, 2],
      page: 1,
      size: 2,
      hasPrevious: false,
      hasNext: false,
    });
  });

  it("shows counts past the cap as 1,000+", () => {
    expect(formatCount(1000)).toBe("1,000");
    expect(formatCount(1001)).toBe("1,000+");
  });
});
