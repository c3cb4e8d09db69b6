import type { SearchKind } from "./search-request";
import { COUNT_CAP, formatCount } from "../newsroom/page-links";

/** What a search answers, for pages and the API (no server code here: the UI imports it). */

export interface SearchHit {
  kind: SearchKind;
  id: number;
  /** Claim: its article's title; article: its title; evidence: its title or URL. */
  title: string;
  /** Claim: the quote; article: its outlet; evidence: the claim it supports or refutes. */
  text: string;
  /** With the matched words between MARK_START and MARK_END (snippet.ts). */
  snippet: string;
  verdict: string | null;
  status: string | null;
  /** The page that shows it. */
  url: string;
  /** Higher is better; comparable within one kind and one query only. */
  score: number;
}

export interface PublishedHit {
  slug: string;
  title: string;
  number: number;
  snippet: string;
  score: number;
}

export interface SearchGroup {
  kind: SearchKind;
  /** Matches counted up to COUNT_CAP + 1. */
  total: number;
  hits: SearchHit[];
}

/**
 * How a page tells the reader which matches were ranked: what they can add to reach older ones,
 * and how a match became new (added to the workspace, or published for readers).
 */
export interface Narrowing {
  narrow: string;
  newest: "added" | "published";
}

/**
 * Search ranks each kind's COUNT_CAP newest matches (decision 026). Where more match, a page says
 * so and how to reach the older ones; otherwise nothing.
 */
export const rankedNewestNote = (total: number, { narrow, newest }: Narrowing): string | null =>
  total > COUNT_CAP
    ? `Only the ${formatCount(COUNT_CAP)} most recently ${newest} matches are ranked. ${narrow} to reach older ones.`
    : null;

/** What a page after the last ranked match says. */
export const pastLastMatch = (total: number, { narrow, newest }: Narrowing): string =>
  total > COUNT_CAP
    ? `This page is past the ${formatCount(COUNT_CAP)} most recently ${newest} matches, the only ones ranked. ${narrow} to reach older ones.`
    : total === 1
      ? "This page is past the only match: it is on the first page."
      : `This page is past the last match: all ${formatCount(total)} are on earlier pages.`;

/**
 * What a page says of where it stands among one kind's `total` matches when it shows `shown` of
 * them: past the last one, or that only the newest were ranked; nothing when there is nothing to say.
 */
export const standingNote = (total: number, shown: number, narrowing: Narrowing): string | null =>
  total === 0 ? null : shown > 0 ? rankedNewestNote(total, narrowing) : pastLastMatch(total, narrowing);

export const NARROW_PUBLISHED: Narrowing = { narrow: "Add a word", newest: "published" };

/**
 * How a kind's matches can be narrowed: a filter the kind does not have (an article has no
 * verdict; other fact-checkers' reviews have none of ours) leaves it out altogether.
 */
export const NARROW_KIND: Record<SearchKind, Narrowing> = {
  claim: { narrow: "Add a word, a filter or a date range", newest: "added" },
  evidence: { narrow: "Add a word, a filter or a date range", newest: "added" },
  article: { narrow: "Add a word, an outlet or a date range", newest: "added" },
  external: { narrow: "Add a word or a date range", newest: "added" },
};
