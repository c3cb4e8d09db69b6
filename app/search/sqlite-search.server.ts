import { Prisma } from "../generated/prisma/client";
import { db } from "../db/client.server";
import { fts5AnyQuery, fts5Query, type SearchTerm } from "./query";
import { cappedCount } from "../db/sql.server";
import type { Match, Matched, NewestMatches } from "./dialect";
import { SNIPPET_TEXT_LIMIT } from "./snippet";

/** SQLite: FTS5 tables (migration 20261129060000_search) ranked by BM25, fields weighted. */

/**
 * The fields a snippet is made from (snippet.ts), each cut to its first SNIPPET_TEXT_LIMIT
 * characters. Not FTS5's snippet(): its cost grows faster than the text, seconds for a long
 * article full of the word, and a statement holds the event loop while it runs.
 */
const snippetFields = (fields: string[]) =>
  Prisma.raw(
    fields.map((field) => `coalesce(substr(${field}, 1, ${SNIPPET_TEXT_LIMIT}), '')`).join(" || char(1) || "),
  );

/** bm25() is lower for better matches; negated so that higher is better, as on PostgreSQL. */
const score = (table: string, weights: number[]) =>
  Prisma.sql`-bm25(${Prisma.raw(`"${table}"`)}, ${Prisma.raw(weights.join(", "))})`;

function match(
  table: string,
  base: string,
  alias: string,
  weights: number[],
  terms: SearchTerm[] | { any: string[] },
  fields: string[],
): Match {
  return {
    from: Prisma.sql`${Prisma.raw(`"${table}" JOIN "${base}" ${alias} ON ${alias}."id" = "${table}".rowid`)}`,
    where: Prisma.sql`${Prisma.raw(`"${table}"`)} MATCH ${"any" in terms ? fts5AnyQuery(terms.any) : fts5Query(terms)}`,
    snippetText: snippetFields(fields),
    score: score(table, weights),
    rowId: Prisma.raw(`"${table}".rowid`),
  };
}

/**
 * Counted forwards, the cheap way through an FTS5 index, stopping at cap + 1. Only when more match
 * is the index read backwards to the cap-th newest (twice the cost of reading forwards), whose
 * rowid FTS5 then seeks to; with fewer, the bound is 0 (every match), and with none it is past
 * the last rowid, so that the page reads nothing: a filter that leaves none of a common word's
 * matches reads them once, to count, not twice.
 */
export const newestMatches = ({ from, where, rowId }: Matched, cap: number): NewestMatches => ({
  with: Prisma.sql`WITH "matched" AS MATERIALIZED (SELECT ${cappedCount(from, where, cap + 1)} AS "n")`,
  total: Prisma.sql`(SELECT "n" FROM "matched")`,
  condition: Prisma.sql`${rowId} >= CASE
    WHEN (SELECT "n" FROM "matched") > ${cap} THEN (SELECT ${rowId} FROM ${from} WHERE ${where} ORDER BY ${rowId} DESC LIMIT 1 OFFSET ${cap - 1})
    WHEN (SELECT "n" FROM "matched") > 0 THEN 0
    ELSE ${Prisma.raw(String(Number.MAX_SAFE_INTEGER))} END`,
});

// Weights per column, in the order the FTS5 tables declare them.
export const matchClaims = (terms: SearchTerm[]) =>
  match("ClaimSearch", "Claim", "c", [10, 4, 2], terms, ['c."quote"', 'c."rationale"']);
export const matchClaimsAny = (words: string[]) =>
  match("ClaimSearch", "Claim", "c", [10, 0, 1], { any: words }, ['c."quote"']);
export const matchArticles = (terms: SearchTerm[]) =>
  match("ArticleSearch", "Article", "a", [10, 4, 1], terms, ['a."markdown"', 'a."title"', 'a."outlet"']);
export const matchEvidence = (terms: SearchTerm[]) =>
  match("EvidenceSearch", "Evidence", "e", [10, 4, 1, 2, 2], terms, [
    'e."excerpt"',
    'e."note"',
    'e."title"',
    'e."publisher"',
    'e."url"',
  ]);
export const matchExternal = (terms: SearchTerm[]) =>
  match("ExternalReviewSearch", "ExternalReview", "r", [10, 3, 3, 2], terms, [
    'r."claimReviewed"',
    'r."claimant"',
    'r."publisher"',
    'r."ratingText"',
  ]);
export const matchExternalAny = (words: string[]) =>
  match("ExternalReviewSearch", "ExternalReview", "r", [10, 0, 0, 1], { any: words }, ['r."claimReviewed"']);
export const matchPublications = (terms: SearchTerm[]) => ({
  ...match("PublicationSearch", "Publication", "p", [10, 5, 1], terms, [
    '"PublicationSearch"."claims"',
    '"PublicationSearch"."article"',
    '"PublicationSearch"."title"',
  ]),
  title: Prisma.sql`json_extract(p."snapshot", '$.article.title')`,
});

/**
 * Rewrites every index from its rows. Publications' claims are written as the trigger of migration
 * 20261201000000_publication_search_without_verdicts writes them: each quote and rationale a field
 * of its own, no verdict keys (snippets are cut from this text).
 */
export async function rebuild(): Promise<void> {
  for (const table of ["ClaimSearch", "ArticleSearch", "EvidenceSearch", "ExternalReviewSearch"])
    await db().$executeRawUnsafe(`INSERT INTO "${table}" ("${table}") VALUES ('rebuild')`);
  await db().$transaction([
    db().$executeRawUnsafe(`DELETE FROM "PublicationSearch"`),
    db().$executeRawUnsafe(`INSERT INTO "PublicationSearch" (rowid, "title", "claims", "article")
      SELECT p."id",
             json_extract(p."snapshot", '$.article.title') || ' ' || json_extract(p."snapshot", '$.article.outlet'),
             (SELECT group_concat(json_extract(value, '$.quote') || char(1) || json_extract(value, '$.rationale'), char(1))
                FROM json_each(p."snapshot", '$.claims')),
             json_extract(p."snapshot", '$.article.markdown')
      FROM "Publication" p`),
  ]);
}
