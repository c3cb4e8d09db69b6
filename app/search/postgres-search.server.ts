import { Prisma } from "../generated/prisma/client";
import { db } from "../db/client.server";
import { PLAN_EACH_RUN } from "../db/postgres-adapter.server";
import { websearchAnyQuery, websearchQuery, type SearchTerm } from "./query";
import type { Match, Matched, NewestMatches } from "./dialect";
import { SNIPPET_TEXT_LIMIT } from "./snippet";

/**
 * PostgreSQL: generated tsvector columns with GIN indexes (migration 20261129060000_search),
 * websearch_to_tsquery for the query, ts_rank_cd (cover density) for the order.
 */

/** The fields a snippet is made from (snippet.ts), each cut to its first SNIPPET_TEXT_LIMIT characters. */
const snippetFields = (fields: string[]) =>
  Prisma.raw(
    fields.map((field) => `coalesce(left(${field}, ${SNIPPET_TEXT_LIMIT}), '')`).join(" || chr(1) || "),
  );

function match(
  alias: string,
  table: string,
  terms: SearchTerm[] | { any: string[] },
  fields: string[],
): Match {
  const words = "any" in terms ? websearchAnyQuery(terms.any) : websearchQuery(terms);
  const query = Prisma.sql`websearch_to_tsquery('english', ${words})`;
  const column = Prisma.raw(`${alias}."search"`);
  return {
    from: Prisma.sql`${Prisma.raw(`"${table}" ${alias}`)}`,
    where: Prisma.sql`${column} @@ ${query}`,
    snippetText: snippetFields(fields),
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
  match("c", "Claim", terms, ['c."quote"', 'c."rationale"']);
export const matchClaimsAny = (words: string[]) => match("c", "Claim", { any: words }, ['c."quote"']);
export const matchArticles = (terms: SearchTerm[]) =>
  match("a", "Article", terms, ['a."markdown"', 'a."title"', 'a."outlet"']);
export const matchEvidence = (terms: SearchTerm[]) =>
  match("e", "Evidence", terms, ['e."excerpt"', 'e."note"', 'e."title"', 'e."publisher"', 'e."url"']);
export const matchExternal = (terms: SearchTerm[]) =>
  match("r", "ExternalReview", terms, [
    'r."claimReviewed"',
    'r."claimant"',
    'r."publisher"',
    'r."ratingText"',
  ]);
export const matchExternalAny = (words: string[]) =>
  match("r", "ExternalReview", { any: words }, ['r."claimReviewed"']);
export const matchPublications = (terms: SearchTerm[]) => ({
  ...match("p", "Publication", terms, [
    // Each quote and rationale a field of its own (snippet.ts), without verdict keys: a snippet
    // showed "…on Tuesday. mostly-accurate Epoch AI lists…". The index still ranks by verdicts.
    `(SELECT string_agg((claim ->> 'quote') || chr(1) || (claim ->> 'rationale'), chr(1)) FROM jsonb_array_elements(p."snapshot"::jsonb -> 'claims') claim)`,
    `p."snapshot"::jsonb #>> '{article,markdown}'`,
    `(p."snapshot"::jsonb #>> '{article,title}') || ' ' || (p."snapshot"::jsonb #>> '{article,outlet}')`,
  ]),
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
