import type { Relation } from "./rank";

/** What matching answers, for pages and the API (no server code: the UI imports it). */

export interface Match {
  kind: "claim";
  id: number;
  text: string;
  verdict: string | null;
  status: string;
  /** Where it was checked: the article's outlet, else its title. */
  publisher: string;
  articleId: number;
  articleTitle: string;
  url: string;
  date: string;
  score: number;
  relation: Relation;
  conflicts: Array<{ ours: string; theirs: string }>;
}

export interface ClaimMatches {
  /** Claims an editor confirmed state the same thing, with their verdicts. */
  confirmed: Array<{
    id: number;
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
