import { Prisma } from "../generated/prisma/client";
import { db } from "../db/client.server";
import { timestamp } from "../db/sql.server";
import { databaseKind } from "../utils/config.server";
import { includedWords, parseQuery, searchable, type SearchTerm } from "./query";
import { snippetOf } from "./snippet";
import type { SearchKind } from "./search-request";
import type { PublishedHit, SearchHit } from "./results";
import type { Match, SearchDialect } from "./dialect";
import { COUNT_CAP } from "../newsroom/page-links";
import * as postgres from "./postgres-search.server";
import * as sqlite from "./sqlite-search.server";

/**
 * Full-text search over the workspace (claims, articles, evidence) for the desk, and over what
 * was published for readers. The index lives in the database, kept in step by the database
 * itself (SQLite: FTS5 tables and triggers; PostgreSQL: generated tsvector columns with GIN
 * indexes), so every server process and every write path sees the same index. One interface,
 * one implementation per database (sqlite-search.server.ts, postgres-search.server.ts), one
 * shared test suite (search.test.ts runs on both).
 */

export interface SearchFilters {
  verdict?: string;
  status?: string;
  outlet?: string;
  /** Last changed on or after / before (inclusive days). */
  from?: Date;
  to?: Date;
}

const dialect = (): SearchDialect => (databaseKind() === "postgres" ? postgres : sqlite);

interface KindQuery {
  /** FROM and JOINs: the match's own `from` is spliced in. */
  from: (match: Prisma.Sql) => Prisma.Sql;
  columns: Prisma.Sql;
  conditions: (filters: SearchFilters) => Prisma.Sql[];
  order: Prisma.Sql;
  /** The page that shows a row: ours, or the other fact-checker's. */
  url: (row: Row) => string;
}

interface Row {
  id: number | bigint;
  title: string;
  text: string;
  verdict: string | null;
  status: string | null;
  articleId: number | bigint | null;
  claimId: number | bigint | null;
  url?: string;
  snippet: string | null;
  score: number;
}

const dateConditions = (column: Prisma.Sql, { from, to }: SearchFilters) => [
  ...(from ? [Prisma.sql`${column} >= ${timestamp(from)}`] : []),
  ...(to ? [Prisma.sql`${column} < ${timestamp(new Date(to.getTime() + 86_400_000))}`] : []),
];

const claimConditions = (filters: SearchFilters, claim: Prisma.Sql, article: Prisma.Sql) => [
  ...(filters.verdict ? [Prisma.sql`${claim}."verdict" = ${filters.verdict}`] : []),
  ...(filters.status ? [Prisma.sql`${claim}."status" = ${filters.status}`] : []),
  ...(filters.outlet ? [Prisma.sql`${article}."outlet" = ${filters.outlet}`] : []),
];

const claimUrl = (articleId: number, claimId: number) => `/articles/${articleId}/claims/${claimId}`;

const KINDS: Record<SearchKind, (terms: SearchTerm[]) => KindQuery & { match: Match }> = {
  claim: (terms) => ({
    match: dialect().matchClaims(terms),
    from: (match) => Prisma.sql`${match} JOIN "Article" a ON a."id" = c."articleId"`,
    columns: Prisma.sql`c."id", a."title", c."quote" AS "text", c."verdict", c."status", c."articleId", NULL AS "claimId"`,
    conditions: (filters) => [
      ...claimConditions(filters, Prisma.sql`c`, Prisma.sql`a`),
      ...dateConditions(Prisma.sql`c."updatedAt"`, filters),
    ],
    order: Prisma.sql`c."id"`,
    url: (row) => claimUrl(Number(row.articleId), Number(row.id)),
  }),
  article: (terms) => ({
    match: dialect().matchArticles(terms),
    from: (match) => match,
    columns: Prisma.sql`a."id", a."title", a."outlet" AS "text", NULL AS "verdict", a."status", a."id" AS "articleId", NULL AS "claimId"`,
    conditions: (filters) => [
      // An article has no verdict of its own; a verdict or claim status filter leaves articles out.
      ...(filters.verdict || filters.status ? [Prisma.sql`1 = 0`] : []),
      ...(filters.outlet ? [Prisma.sql`a."outlet" = ${filters.outlet}`] : []),
      ...dateConditions(Prisma.sql`a."updatedAt"`, filters),
    ],
    order: Prisma.sql`a."id"`,
    url: (row) => `/articles/${Number(row.id)}`,
  }),
  evidence: (terms) => ({
    match: dialect().matchEvidence(terms),
    from: (match) =>
      Prisma.sql`${match} JOIN "Claim" c ON c."id" = e."claimId" JOIN "Article" a ON a."id" = c."articleId"`,
    columns: Prisma.sql`e."id", CASE WHEN e."title" = '' THEN e."url" ELSE e."title" END AS "title", c."quote" AS "text", c."verdict", c."status", c."articleId", c."id" AS "claimId"`,
    conditions: (filters) => [
      ...claimConditions(filters, Prisma.sql`c`, Prisma.sql`a`),
      ...dateConditions(Prisma.sql`e."createdAt"`, filters),
    ],
    order: Prisma.sql`e."id"`,
    url: (row) => claimUrl(Number(row.articleId), Number(row.claimId)),
  }),
  // Other fact-checkers' reviews (app/reviews): their own page, elsewhere; their rating as given.
  external: (terms) => ({
    match: dialect().matchExternal(terms),
    from: (match) => match,
    columns: Prisma.sql`r."id", r."publisher" AS "title", r."claimReviewed" AS "text", r."ratingText" AS "verdict", NULL AS "status", r."url", NULL AS "articleId", NULL AS "claimId"`,
    conditions: (filters) => [
      // Our verdicts, statuses and outlets are not theirs: those filters leave reviews out.
      ...(filters.verdict || filters.status || filters.outlet ? [Prisma.sql`1 = 0`] : []),
      ...dateConditions(Prisma.sql`r."importedAt"`, filters),
    ],
    order: Prisma.sql`r."id"`,
    url: (row) => row.url ?? "",
  }),
};

/**
 * How many of a kind's matches are ranked: the newest (the highest ids) after the filters. A word
 * that every claim holds would otherwise score every claim of the workspace for each page
 * (measured: 54 ms at 100,000 claims, 3.7 ms when ranking 1,000). The count stops at the same
 * number, so "1,000+" is also how many were ranked; a filter, a date range or another word
 * reaches the older ones. Decision 026.
 */
export const RANKED_MATCHES = COUNT_CAP;

/**
 * One page of matches, best first (`score` descending, then `order`), among the RANKED_MATCHES
 * newest (`rowId` descending), and how many match up to COUNT_CAP + 1, in one statement: every
 * row of the page carries the count. A page past the last match has no row to carry it, and is
 * counted apart. The columns must include "id" (the tie-break, from `order`'s table) and "score".
 */
async function pageAndCount<T>(query: {
  columns: Prisma.Sql;
  from: Prisma.Sql;
  where: Prisma.Sql;
  order: Prisma.Sql;
  rowId: Prisma.Sql;
  skip: number;
  take: number;
}): Promise<{ rows: T[]; total: number }> {
  const { columns, from, where, order, rowId, skip, take } = query;
  // Its subqueries' tables shadow the page's, so `rowId` and `where` name their own.
  const newest = dialect().newestMatches({ from, where, rowId }, RANKED_MATCHES);
  // The page is the outer query's only table: joined to anything, SQLite materialises it and
  // makes a snippet for every match before sorting (0.7 ms became 23 ms for 500 matches).
  const rows = await db().$queryRaw<Array<T & { total: number | bigint }>>`
    ${newest.with} SELECT ${newest.total} AS "total", page.* FROM
      (SELECT ${columns} FROM ${from} WHERE ${where} AND ${newest.condition} ORDER BY "score" DESC, ${order} ASC LIMIT ${take} OFFSET ${skip}) page
    ORDER BY page."score" DESC, page."id" ASC`;
  if (rows.length > 0) return { rows, total: Number(rows[0]!.total) };
  if (skip === 0 && take > 0) return { rows, total: 0 };
  const [count] = await db().$queryRaw<
    Array<{ n: number | bigint }>
  >`${newest.with} SELECT ${newest.total} AS "n"`;
  return { rows, total: Number(count!.n) };
}

/** One kind's matches, best first: `take` of them after `skip`, and how many match (up to the cap). */
export async function searchKind(
  kind: SearchKind,
  query: string,
  filters: SearchFilters,
  skip: number,
  take: number,
): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = parseQuery(query);
  if (!searchable(terms)) return { hits: [], total: 0 };
  const marked = includedWords(terms);
  const spec = KINDS[kind](terms);
  const { rows, total } = await pageAndCount<Row>({
    columns: Prisma.sql`${spec.columns}, ${spec.match.snippetText} AS "snippet", ${spec.match.score} AS "score"`,
    from: spec.from(spec.match.from),
    where: Prisma.join([spec.match.where, ...spec.conditions(filters)], " AND "),
    order: spec.order,
    rowId: spec.match.rowId,
    skip,
    take,
  });
  return {
    // Every kind selects the same columns; only where its page is differs.
    hits: rows.map((row) => ({
      kind,
      id: Number(row.id),
      title: row.title,
      text: row.text,
      snippet: snippetOf(row.snippet ?? "", marked),
      verdict: row.verdict || null,
      status: row.status,
      url: spec.url(row),
      score: Number(row.score),
    })),
    total,
  };
}

/** Readers' search: the latest version of each published fact-check, never a draft. */
export async function searchPublished(
  query: string,
  skip: number,
  take: number,
): Promise<{ hits: PublishedHit[]; total: number }> {
  const terms = parseQuery(query);
  if (!searchable(terms)) return { hits: [], total: 0 };
  const marked = includedWords(terms);
  const match = dialect().matchPublications(terms);
  const { rows, total } = await pageAndCount<{
    slug: string;
    title: string;
    number: number | bigint;
    snippet: string | null;
    score: number;
  }>({
    columns: Prisma.sql`p."id", a."slug", ${match.title} AS "title", p."number", ${match.snippetText} AS "snippet", ${match.score} AS "score"`,
    from: Prisma.sql`${match.from} JOIN "Article" a ON a."id" = p."articleId"`,
    where: Prisma.sql`${match.where} AND NOT EXISTS (SELECT 1 FROM "Publication" n WHERE n."articleId" = p."articleId" AND n."number" > p."number")`,
    order: Prisma.sql`p."id"`,
    rowId: match.rowId,
    skip,
    take,
  });
  return {
    hits: rows.map((row) => ({
      slug: row.slug,
      title: row.title,
      number: Number(row.number),
      snippet: snippetOf(row.snippet ?? "", marked),
      score: Number(row.score),
    })),
    total,
  };
}

/** Rebuilds the search index from the tables (`npm run search:reindex`); returns what was indexed. */
export async function rebuildSearchIndex(): Promise<Record<string, number>> {
  await dialect().rebuild();
  const [claims, articles, evidence, publications, externalReviews] = await Promise.all([
    db().claim.count(),
    db().article.count(),
    db().evidence.count(),
    db().publication.count(),
    db().externalReview.count(),
  ]);
  return { claims, articles, evidence, publications, externalReviews };
}

export interface ClaimCandidate {
  id: number;
  quote: string;
  verdict: string | null;
  status: string;
  rationale: string;
  articleId: number;
  articleTitle: string;
  outlet: string;
  updatedAt: Date | string;
}

/**
 * The words a matching net is cast with, and how: ranked by BM25 / cover density over every row
 * holding any of them, or (when every word is common, so ranking all its rows would grow with the
 * workspace) the newest rows holding any of them, in the index's own order. See app/matching/net.ts.
 */
export interface Net {
  words: string[];
  newestOnly: boolean;
}

/** ORDER BY for a net: the best matches, or the newest rows the index hands out first. */
const netOrder = (match: Match, net: Net) =>
  net.newestOnly ? Prisma.sql`${match.rowId} DESC` : Prisma.sql`"score" DESC, ${match.rowId} ASC`;

/**
 * A net of newest rows is not ranked, so it is not scored either: SQLite's BM25 weighs each word
 * by reading every row that holds it, and every word of such a net is common.
 */
const netScore = (match: Match, net: Net) => (net.newestOnly ? Prisma.sql`0` : match.score);

/**
 * How many rows hold each word, each counted up to `cap` (so a count costs at most `cap` index
 * entries, whatever the workspace's size). One statement for all the words.
 */
async function wordCounts(matchAny: (words: string[]) => Match, words: string[], cap: number) {
  if (words.length === 0) return [];
  const counts = words.map((word, i) => {
    const match = matchAny([word]);
    return Prisma.sql`SELECT ${i} AS "i", (SELECT COUNT(*) FROM (SELECT 1 FROM ${match.from} WHERE ${match.where} LIMIT ${cap}) capped) AS "n"`;
  });
  const rows = await db().$queryRaw<
    Array<{ i: number | bigint; n: number | bigint }>
  >`${Prisma.join(counts, " UNION ALL ")}`;
  const byWord = new Array<number>(words.length).fill(0);
  for (const row of rows) byWord[Number(row.i)] = Number(row.n);
  return byWord;
}

export const claimWordCounts = (words: string[], cap: number) =>
  wordCounts((w) => dialect().matchClaimsAny(w), words, cap);
export const externalWordCounts = (words: string[], cap: number) =>
  wordCounts((w) => dialect().matchExternalAny(w), words, cap);

/** Claims caught by a net: the wide net claim matching (app/matching) casts before it ranks by meaning and figures. */
export async function claimCandidates(net: Net, excludeClaimId: number | null, take: number) {
  if (net.words.length === 0) return [];
  const match = dialect().matchClaimsAny(net.words);
  const rows = await db().$queryRaw<
    Array<ClaimCandidate & { id: number | bigint; articleId: number | bigint }>
  >`
    SELECT c."id", c."quote", c."verdict", c."status", c."rationale", c."articleId", a."title" AS "articleTitle",
      a."outlet", c."updatedAt", ${netScore(match, net)} AS "score"
    FROM ${match.from} JOIN "Article" a ON a."id" = c."articleId"
    WHERE ${match.where} AND c."id" <> ${excludeClaimId ?? -1} AND c."status" <> 'dismissed'
    ORDER BY ${netOrder(match, net)} LIMIT ${take}`;
  return rows.map((row) => ({ ...row, id: Number(row.id), articleId: Number(row.articleId) }));
}

export interface ExternalCandidate {
  id: number;
  url: string;
  claimReviewed: string;
  publisher: string;
  ratingText: string;
  reviewDate: string;
  importedAt: Date | string;
}

/** Other fact-checkers' reviews caught by a net: matching's second net. */
export async function externalCandidates(net: Net, take: number): Promise<ExternalCandidate[]> {
  if (net.words.length === 0) return [];
  const match = dialect().matchExternalAny(net.words);
  const rows = await db().$queryRaw<Array<ExternalCandidate & { id: number | bigint }>>`
    SELECT r."id", r."url", r."claimReviewed", r."publisher", r."ratingText", r."reviewDate", r."importedAt",
      ${netScore(match, net)} AS "score"
    FROM ${match.from}
    WHERE ${match.where}
    ORDER BY ${netOrder(match, net)} LIMIT ${take}`;
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
