import { claimCandidates } from "../search/search.server";
import { rankCandidates } from "./rank";
import type { Match } from "./types";
import { contentWords } from "./similarity";

export type { Match } from "./types";

/** Candidates the database returns before ranking; the best MATCH_LIMIT are shown. */
const NET = 50;
export const MATCH_LIMIT = 5;
/** The query words: the longest, most distinctive content words of the claim. */
const QUERY_WORDS = 16;

const words = (text: string) =>
  [...new Set(contentWords(text).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))]
    .sort((a, b) => b.length - a.length)
    .slice(0, QUERY_WORDS);

/**
 * Earlier claims that may state the same thing as `text`, best first: other articles before the
 * claim's own, checked before unchecked; "same" only when the figures agree, the texts are long
 * enough and the check is recent, else "related" with the conflicting figures named.
 */
export async function findMatches(
  text: string,
  { claimId = null, articleId = null }: { claimId?: number | null; articleId?: number | null } = {},
  limit = MATCH_LIMIT,
): Promise<Match[]> {
  const found = await claimCandidates(words(text), claimId, NET);
  const now = Date.now();
  const ranked = rankCandidates(
    text,
    found.map((c) => ({
      ...c,
      text: c.quote,
      checked: c.verdict !== null,
      sameArticle: c.articleId === articleId,
      ageDays: (now - new Date(c.updatedAt).getTime()) / 86_400_000,
    })),
  );
  return ranked.slice(0, limit).map(({ candidate: c, score, relation, conflicts }) => ({
    kind: "claim",
    id: c.id,
    text: c.quote,
    verdict: c.verdict,
    status: c.status,
    publisher: c.outlet || c.articleTitle,
    articleId: c.articleId,
    articleTitle: c.articleTitle,
    url: `/articles/${c.articleId}/claims/${c.id}`,
    date: new Date(c.updatedAt).toISOString(),
    score: Math.round(score * 1000) / 1000,
    relation,
    conflicts,
  }));
}
