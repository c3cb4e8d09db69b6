import type { Prisma } from "../generated/prisma/client";
import type { SearchTerm } from "./query";

/**
 * One database's part of a search: the table expression that finds the matches (aliased c, a, e,
 * p or r as the base table), the condition, the text a snippet is made from and a score (higher
 * is better).
 */
export interface Match {
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** The fields to make a snippet from, in the order they are tried, as `snippetOf` reads them. */
  snippetText: Prisma.Sql;
  score: Prisma.Sql;
  /** The matched rows' ids, in an order the index gives without ranking every match (newest last). */
  rowId: Prisma.Sql;
}

/**
 * The newest matches (highest `rowId`) a page ranks, at most `cap`: a WITH clause to open the
 * statement with, how many match (counted up to cap + 1) and the condition that keeps the newest
 * `cap`. Each database has the form its planner reads well (decision 026).
 */
/** A kind's matches, filters included, as a page's statement reads them. */
export interface Matched {
  from: Prisma.Sql;
  where: Prisma.Sql;
  rowId: Prisma.Sql;
}

export interface NewestMatches {
  with: Prisma.Sql;
  total: Prisma.Sql;
  condition: Prisma.Sql;
}

export interface SearchDialect {
  newestMatches(matched: Matched, cap: number): NewestMatches;
  matchClaims(terms: SearchTerm[]): Match;
  /** Claims with any of these words (already words: letters and digits only). */
  matchClaimsAny(words: string[]): Match;
  matchArticles(terms: SearchTerm[]): Match;
  matchEvidence(terms: SearchTerm[]): Match;
  matchPublications(terms: SearchTerm[]): Match & { title: Prisma.Sql };
  /** Other fact-checkers' reviews (alias r). */
  matchExternal(terms: SearchTerm[]): Match;
  /** Other fact-checkers' reviews with any of these words (already words). */
  matchExternalAny(words: string[]): Match;
  rebuild(): Promise<void>;
}
