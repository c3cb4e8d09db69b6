import { describe, expect, it } from "vitest";
import type { SearchGroup, SearchHit } from "../search/results";
import type { SearchKind } from "../search/search-request";
import { searchStatus, searchSummary } from "./SearchResults";

const hit = (kind: SearchKind, id: number): SearchHit => ({
  kind,
  id,
  title: "A title",
  text: "A text",
  snippet: "A snippet",
  verdict: null,
  status: null,
  url: `/somewhere/${id}`,
  score: 1,
});
const group = (kind: SearchKind, total: number, shown = Math.min(total, 5)): SearchGroup => ({
  kind,
  total,
  hits: Array.from({ length: shown }, (_, i) => hit(kind, i + 1)),
});

describe("the search page's status line, which a screen reader announces", () => {
  it("counts the matches, one or several, and says nothing of ranking while every match is ranked", () => {
    expect(
      searchStatus("chip", undefined, [group("claim", 17), group("article", 1), group("evidence", 0)]),
    ).toBe("18 matches for “chip”, best first in each kind.");
    expect(searchStatus("chip", undefined, [group("claim", 0), group("article", 1)])).toBe(
      "1 match for “chip”, best first in each kind.",
    );
    // Two kinds of 600 are 1,200 matches, not "1,000+": no kind was cut.
    expect(searchStatus("chip", undefined, [group("claim", 600), group("evidence", 600)])).toBe(
      "1,200 matches for “chip”, best first in each kind.",
    );
    expect(searchStatus("chip", "claim", [group("claim", 17)])).toBe("17 claims match “chip”, best first.");
    expect(searchStatus("chip", "claim", [group("claim", 1)])).toBe("1 claim matches “chip”, best first.");
    expect(searchStatus("chip", "evidence", [group("evidence", 1)])).toBe(
      "1 source matches “chip”, best first.",
    );
    expect(searchStatus("chip", "external", [group("external", 2)])).toBe(
      "2 reviews by other fact-checkers match “chip”, best first.",
    );
    expect(searchStatus("chip", undefined, [group("claim", 0), group("article", 0)])).toBe(
      "Nothing matches “chip”.",
    );
  });

  it("names the kinds of which only the 1,000 most recently added matches are ranked", () => {
    expect(searchStatus("claim", undefined, [group("claim", 1001), group("article", 3)])).toBe(
      "1,000+ matches for “claim”, best first in each kind. Of claims, only the 1,000 most recently added are ranked.",
    );
    expect(
      searchStatus("claim", undefined, [group("claim", 1001), group("article", 3), group("evidence", 1001)]),
    ).toBe(
      "1,000+ matches for “claim”, best first in each kind. Of claims and sources, only the 1,000 most recently added of each are ranked.",
    );
    expect(searchStatus("claim", "article", [group("article", 1001, 20)])).toBe(
      "1,000+ articles match “claim”, best first. Only the 1,000 most recently added matches are ranked. Add a word, an outlet or a date range to reach older ones.",
    );
  });

  it("starts with the few words the page's title gives", () => {
    expect(searchSummary("chip", undefined, [group("claim", 17), group("article", 1)])).toBe(
      "18 matches for “chip”",
    );
    expect(searchSummary("chip", "evidence", [group("evidence", 1001, 0)])).toBe(
      "1,000+ sources match “chip”",
    );
    expect(searchSummary("chip", "claim", [group("claim", 0)])).toBe("Nothing matches “chip”");
  });

  it("says where the matches are on a page past them", () => {
    expect(searchStatus("chip", "evidence", [group("evidence", 12, 0)])).toBe(
      "12 sources match “chip”, best first. This page is past the last match: all 12 are on earlier pages.",
    );
    expect(searchStatus("chip", "claim", [group("claim", 1, 0)])).toBe(
      "1 claim matches “chip”, best first. This page is past the only match: it is on the first page.",
    );
    expect(searchStatus("chip", "claim", [group("claim", 1001, 0)])).toBe(
      "1,000+ claims match “chip”, best first. This page is past the 1,000 most recently added matches, the only ones ranked. Add a word, a filter or a date range to reach older ones.",
    );
  });
});
