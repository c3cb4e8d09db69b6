import {
  claimCandidates,
  claimWordCounts,
  externalCandidates,
  externalWordCounts,
} from "../search/search.server";
import { castNet, COMMON_WORD_ROWS } from "./net";
import { rankCandidates, saysOtherwise } from "./rank";
import { articleSubject } from "./subject";
import type { Match } from "./types";
import { contentWords } from "./similarity";

export type { Match } from "./types";

/** Candidates the database returns before ranking; the best MATCH_LIMIT are shown. */
const NET = 50;
/** Other fact-checkers' reviews (app/reviews) caught in the same way, in a net of their own. */
const EXTERNAL_NET = 20;
export const MATCH_LIMIT = 5;
/** Of those, at most this many for the claim's own article: its repetitions and contradictions. */
const OWN_ARTICLE_PLACES = 2;
/** Below this a candidate shares about nothing (not one content word in six): not suggested. */
const MIN_RELATED_SCORE = 0.1;
/** The query words: the longest, most distinctive content words of the claim. */
const QUERY_WORDS = 16;

const words = (text: string) =>
  [...new Set(contentWords(text).filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))]
    .sort((a, b) => b.length - a.length)
    .slice(0, QUERY_WORDS);

/** A review's age: from its datePublished when that reads as a date, else from its import. */
function reviewAgeDays(reviewDate: string, importedAt: Date | string, now: number): number {
  const published = /^\d{4}-\d{2}-\d{2}/.test(reviewDate) ? Date.parse(reviewDate.slice(0, 10)) : NaN;
  const from = Number.isNaN(published) ? new Date(importedAt).getTime() : published;
  return Math.max(0, (now - from) / 86_400_000);
}

/** Fewer words than this are a keyword look-up, not a claim to match (see matchesForSearch). */
export const CLAIM_WORDS = 4;

/**
 * "Has this been checked before?" for what someone typed into search: the matches of a sentence
 * of at least CLAIM_WORDS words; null for a keyword look-up, which search alone answers.
 */
export async function matchesForSearch(q: string): Promise<Match[] | null> {
  const text = q.trim();
  if (text.split(/\s+/).length < CLAIM_WORDS) return null;
  return findMatches(text);
}

/**
 * Earlier claims, and other fact-checkers' reviews, that may state the same thing as `text`, best
 * first: other articles before the claim's own, checked before unchecked; "same" only when the
 * figures agree, the texts are long enough and the check is recent, else "related" with the
 * conflicting figures named. A review elsewhere counts as checked, never as the same article.
 * A claim of the same article is suggested only as a repetition ("same"): its other claims share
 * its subject and words, so as "related" they would crowd out the checks done elsewhere. A claim
 * that names no subject is taken to be about its article's (`articleTitle`, and each candidate's
 * article's title: see articleSubject).
 */
export async function findMatches(
  text: string,
  {
    claimId = null,
    articleId = null,
    articleTitle = "",
  }: { claimId?: number | null; articleId?: number | null; articleTitle?: string } = {},
  limit = MATCH_LIMIT,
): Promise<Match[]> {
  const query = words(text);
  const [claimCounts, externalCounts] = await Promise.all([
    claimWordCounts(query, COMMON_WORD_ROWS),
    externalWordCounts(query, COMMON_WORD_ROWS),
  ]);
  const [found, external] = await Promise.all([
    claimCandidates(castNet(query, claimCounts), claimId, NET),
    externalCandidates(castNet(query, externalCounts), EXTERNAL_NET),
  ]);
  const now = Date.now();
  const candidates = [
    ...found.map((c) => ({
      text: c.quote,
      checked: c.verdict !== null,
      sameArticle: c.articleId === articleId,
      ageDays: (now - new Date(c.updatedAt).getTime()) / 86_400_000,
      about: articleSubject(c.articleTitle),
      match: {
        kind: "claim" as const,
        id: c.id,
        text: c.quote,
        verdict: c.verdict,
        status: c.status,
        publisher: c.outlet || c.articleTitle,
        articleId: c.articleId,
        articleTitle: c.articleTitle,
        url: `/articles/${c.articleId}/claims/${c.id}`,
        date: new Date(c.updatedAt).toISOString(),
      },
    })),
    ...external.map((r) => ({
      text: r.claimReviewed,
      checked: true,
      sameArticle: false,
      ageDays: reviewAgeDays(r.reviewDate, r.importedAt, now),
      match: {
        kind: "external" as const,
        id: r.id,
        text: r.claimReviewed,
        verdict: r.ratingText || null,
        status: "",
        publisher: r.publisher,
        articleId: null,
        articleTitle: "",
        url: r.url,
        date: r.reviewDate || new Date(r.importedAt).toISOString(),
      },
    })),
  ];
  // Ranked apart: a same-article claim must not take the lead from a check done elsewhere (and
  // with it the check's "same"), nor count when only a clear repetition of the claim is shown.
  // What each article is about stands in for the subject of a claim that names none.
  const about = articleSubject(articleTitle);
  // A candidate sharing no word and no figure is no suggestion, however few others there are.
  const elsewhere = rankCandidates(
    text,
    candidates.filter((c) => !c.sameArticle),
    { about },
  ).filter((ranked) => ranked.score >= MIN_RELATED_SCORE);
  // Of the article's own claims: a repetition, or the same words with another figure (an article
  // that contradicts itself is worth knowing before either claim is checked).
  const repeated = rankCandidates(
    text,
    candidates.filter((c) => c.sameArticle),
    { about },
  ).filter((ranked) => ranked.relation === "same" || saysOtherwise(ranked));
  // Checks done elsewhere that are likely the same first, then the article's own claims (a
  // repetition or a contradiction is worth a look before anything merely related), which keep a
  // place or two however alike in wording the rest are.
  const own = repeated.slice(0, Math.min(OWN_ARTICLE_PLACES, limit));
  const shown = elsewhere.slice(0, limit - own.length);
  return [
    ...shown.filter((r) => r.relation === "same"),
    ...own,
    ...shown.filter((r) => r.relation !== "same"),
  ].map(({ candidate: c, score, relation, conflicts }) => ({
    ...c.match,
    sameArticle: c.sameArticle,
    score: Math.round(score * 1000) / 1000,
    relation,
    conflicts,
  }));
}
