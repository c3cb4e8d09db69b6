import type { Conflict, Relation } from "./rank";

/** What matching answers, for pages and the API (no server code: the UI imports it). */

export interface Match {
  /** "claim": one of ours; "external": another fact-checker's review (app/reviews), elsewhere. */
  kind: "claim" | "external";
  /** The claim's id, or the imported review's. */
  id: number;
  text: string;
  /** Our verdict; for an external review, its rating in its own words. */
  verdict: string | null;
  /** Our claim's status; "" for an external review. */
  status: string;
  /** Where it was checked: the article's outlet, else its title; or the other fact-checker. */
  publisher: string;
  /** Null for an external review. */
  articleId: number | null;
  /** In the article of the claim being matched: a repetition there, not a check done elsewhere. */
  sameArticle: boolean;
  articleTitle: string;
  /** Our claim's page, or the review's own page on the other fact-checker's site. */
  url: string;
  /** When: our claim's last change; a review's datePublished as given, else when it was imported. */
  date: string;
  score: number;
  relation: Relation;
  conflicts: Conflict[];
}

export interface ClaimMatches {
  /** Claims an editor confirmed state the same thing, with their verdicts. */
  confirmed: Array<{
    id: number;
    /** Its claim number in its own article (decision 029): what the desk and readers call it. */
    number: number;
    text: string;
    verdict: string | null;
    articleId: number;
    articleTitle: string;
    url: string;
  }>;
  /** Suggestions nobody decided on yet, best first. */
  suggestions: Match[];
}

/** A match as the API and `npm run match` give it. */
export const matchJson = ({
  kind,
  id,
  text,
  verdict,
  publisher,
  url,
  score,
  relation,
  conflicts,
}: Match) => ({
  kind,
  id,
  text,
  verdict,
  publisher,
  url,
  score,
  relation,
  conflicts,
});
