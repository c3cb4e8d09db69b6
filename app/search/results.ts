import type { SearchKind } from "./search-request";

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
