import { Prisma } from "../generated/prisma/client";
import { db } from "../db/client.server";
import { PLAN_EACH_RUN } from "../db/postgres-adapter.server";
import { websearchAnyQuery, websearchQuery, type SearchTerm } from "./query";
import type { Match, Matched, NewestMatches } from "./dialect";
import { MARK_END, MARK_START } from "./snippet";

/**
 * PostgreSQL: generated tsvector columns with GIN indexes (migration 20261129060000_search),
 * websearch_to_tsquery for the query, ts_rank_cd (cover density) for the order.
 */

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** ts_headline reads the whole text it is given: an article's is cut to its first 100,000 characters. */
const HEADLINE_TEXT_LIMIT = 100_000;

function match(
  alias: string,
  table: string,
  terms: SearchTerm[] | { any: string[] },
  text: Prisma.Sql,
): Match {
  const words = "any" in terms ? websearchAnyQuery(terms.any) : websearchQuery(terms);
  const query = Prisma.sql`websearch_to_tsquery('english', ${words})`;
  const column = Prisma.raw(`${alias}."search"`);
  return {
    from: Prisma.sql`${Prisma.raw(`"${table}" ${alias}`)}`,
    where: Prisma.sql`${column} @@ ${query}`,
    snippet: Prisma.sql`ts_headline('english', ${text}, ${query}, ${HEADLINE})`,
    score: Prisma.sql`ts_rank_cd(${column}, ${query})`,
    rowId: Prisma.raw(`${alias}."id"`),
  };
}

/**
 * Planned for each search (PLAN_EACH_RUN): the best plan depends on how many rows hold the words.
 * The newest cap + 1 ids, read once (the planner walks the primary key backwards when matches are
 * many, and sorts the GIN index's few when they are rare), and the page looks its rows up by those
 * ids. A bound the planner cannot see (`id >= ` a subquery's value) made it AND the GIN index with
 * the whole primary key for a rare word: a cost that grew with the table.
 */
export const newestMatches = ({ from, where, rowId }: Matched, cap: number): NewestMatches => ({
  with: Prisma.sql`${Prisma.raw(PLAN_EACH_RUN)} WITH "newest" AS MATERIALIZED (SELECT ${rowId} AS "id" FROM ${from} WHERE ${where} ORDER BY ${rowId} DESC LIMIT ${cap + 1})`,
  total: Prisma.sql`(SELECT COUNT(*) FROM "newest")`,
  condition: Prisma.sql`${rowId} IN (SELECT "id" FROM "newest" ORDER BY "id" DESC LIMIT ${cap})`,
});

export const matchClaims = (terms: SearchTerm[]) =>
  match("c", "Claim", terms, Prisma.sql`c."quote" || ' — ' || c."rationale"`);
export const matchClaimsAny = (words: string[]) => match("c", "Claim", { any: words }, Prisma.sql`c."quote"`);
export const matchArticles = (terms: SearchTerm[]) =>
  match("a", "Article", terms, Prisma.sql`a."title" || ' — ' || left(a."markdown", ${HEADLINE_TEXT_LIMIT})`);
export const matchEvidence = (terms: SearchTerm[]) =>
  match(
    "e",
    "Evidence",
    terms,
    Prisma.sql`e."title" || ' — ' || e."publisher" || ' — ' || e."url" || ' ' || e."note" || ' ' || e."excerpt"`,
  );
export const matchExternal = (terms: SearchTerm[]) =>
  match("r", "ExternalReview", terms, Prisma.sql`r."claimReviewed" || ' — ' || r."publisher"`);
export const matchExternalAny = (words: string[]) =>
  match("r", "ExternalReview", { any: words }, Prisma.sql`r."claimReviewed"`);
export const matchPublications = (terms: SearchTerm[]) => ({
  ...match(
    "p",
    "Publication",
    terms,
    Prisma.sql`(p."snapshot"::jsonb #>> '{article,title}') || ' — ' || coalesce((SELECT string_agg((claim ->> 'quote') || ' ' || (claim ->> 'rationale'), ' … ') FROM jsonb_array_elements(p."snapshot"::jsonb -> 'claims') claim), '')`,
  ),
  title: Prisma.sql`p."snapshot"::jsonb #>> '{article,title}'`,
});

/** The columns are generated from their rows and cannot drift; rebuilding the indexes is all there is. */
export async function rebuild(): Promise<void> {
  for (const index of [
    "Claim_search_idx",
    "Article_search_idx",
    "Evidence_search_idx",
    "Publication_search_idx",
    "ExternalReview_search_idx",
  ])
    await db().$executeRawUnsafe(`REINDEX INDEX "${index}"`);
}
