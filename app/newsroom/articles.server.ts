import { toMarkdown } from "../claims/extract";
import { extractClaims } from "./extraction.server";
import { db, type Tx } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";
import { LARGE_WRITE } from "../db/write-lock";
import { ANALYSIS_LIMIT } from "../db/migrate.server";
import { jsonRecords, timestamp } from "../db/sql.server";
import { databaseKind } from "../utils/config.server";
import { audit } from "../utils/audit.server";
import { NotFoundError, UserError } from "../utils/errors";
import { pageWindow, toPage, type PageRequest } from "./paging";
import type { ArticleImport } from "./schemas";
import { claimSpan } from "./claim-span";

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const short = slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, "");
  return short || "article";
}

async function uniqueSlug(tx: Tx, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await tx.article.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/**
 * Proposed claims inserted per statement at import. Each statement binds one JSON array that
 * the database expands into rows (db/sql.server.ts): a 2 MB article's tens of thousands of proposals cost a handful
 * of statements instead of Prisma's per-row work (about 0.4 ms a row on the request thread),
 * and no statement comes near SQLite's 999 bound parameters.
 */
export const CLAIMS_PER_INSERT = 5_000;

interface ProposalRow {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  score: number;
  reasons: string;
}

const PROPOSAL_COLUMNS = {
  start: "integer",
  end: "integer",
  quote: "text",
  prefix: "text",
  suffix: "text",
  score: "real",
  reasons: "text",
} as const;

async function insertProposals(tx: Tx, articleId: number, rows: ProposalRow[]) {
  const now = timestamp(new Date());
  for (let i = 0; i < rows.length; i += CLAIMS_PER_INSERT) {
    const batch = jsonRecords(rows.slice(i, i + CLAIMS_PER_INSERT), PROPOSAL_COLUMNS, "p");
    await tx.$executeRaw`
      INSERT INTO "Claim" ("articleId", "start", "end", "quote", "prefix", "suffix", "origin", "score", "reasons", "createdAt", "updatedAt")
      SELECT ${articleId}, p."start", p."end", p."quote", p."prefix", p."suffix", 'machine', p."score", p."reasons", ${now}, ${now}
      FROM ${batch}`;
  }
}

/** A large import changes the tables' shape: let SQLite refresh the planner's statistics if it needs to (PostgreSQL's autovacuum does). */
export async function refreshStatistics() {
  if (databaseKind() === "postgres") return;
  await db().$queryRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`);
  await db().$queryRawUnsafe("PRAGMA optimize");
}

/**
 * Most claims Claimdesk proposes for one article. No desk reviews more, and a 2 MB article of
 * short factual lines (a data table, say) would otherwise propose tens of thousands, each a row
 * every later page and export of the article pays for. Editors can still add any passage.
 */
export const MAX_PROPOSALS = 1_000;

/** The `max` most check-worthy claims (earlier first on a tie), back in reading order. */
export function strongestClaims<T extends { start: number; score: number }>(
  claims: T[],
  max = MAX_PROPOSALS,
): T[] {
  if (claims.length <= max) return claims;
  const chosen = [...claims]
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, Math.max(0, max));
  return chosen.sort((a, b) => a.start - b.start);
}

export interface ImportOptions {
  slug?: string;
  /** Spans that must not receive machine proposals (claims the caller creates itself). */
  reserved?: Array<{ start: number; end: number }>;
}

/** Imports an article and proposes its claims as candidates. Returns the new article. */
export async function importArticle(
  input: ArticleImport,
  actorId: number | null,
  options: ImportOptions = {},
) {
  const prepared = await prepareImport(input, options);
  const created = await db().$transaction((tx) => writeImport(tx, prepared, actorId), LARGE_WRITE);
  await refreshStatistics();
  return created;
}

export type PreparedImport = Awaited<ReturnType<typeof prepareImport>>;

/** What importing an article will write, worked out before any write: its text, language and proposals. */
export async function prepareImport(input: ArticleImport, options: ImportOptions = {}) {
  const markdown = toMarkdown(input.source, input.format);
  const { projection, language, claims } = await extractClaims(markdown);
  if (projection.text.trim() === "") {
    throw new UserError(
      "The article has no readable text once markdown is read; check the format you chose.",
    );
  }
  const reserved = options.reserved ?? [];
  const found = claims.filter((c) => !reserved.some((r) => c.start < r.end && r.start < c.end));
  const proposals = strongestClaims(found);
  return {
    input,
    options,
    markdown,
    projection,
    language,
    proposals,
    notProposed: found.length - proposals.length,
  };
}

/** Writes a prepared import in the caller's transaction: the article, its proposals and the audit event. */
export async function writeImport(tx: Tx, prepared: PreparedImport, actorId: number | null) {
  const { input, options, markdown, projection, language, proposals, notProposed } = prepared;
  const article = await tx.article.create({
    data: {
      slug: await uniqueSlug(tx, options.slug ?? slugify(input.title)),
      title: input.title,
      outlet: input.outlet,
      author: input.author,
      sourceUrl: input.sourceUrl,
      originalDate: input.originalDate,
      language,
      markdown,
      createdById: actorId,
    },
  });
  const rows = proposals.map((claim): ProposalRow => ({
    ...claimSpan(projection.text, claim),
    score: claim.score,
    reasons: JSON.stringify(claim.reasons),
  }));
  await insertProposals(tx, article.id, rows);
  await audit(tx, {
    actorId,
    articleId: article.id,
    entityType: "article",
    entityId: article.id,
    action: "imported",
    after: {
      title: article.title,
      slug: article.slug,
      language,
      proposedClaims: proposals.length,
      ...(notProposed > 0 ? { notProposed } : {}),
    },
  });
  return article;
}

/** How many claims each of these articles (one page of them) has. */
export async function claimCounts(articleIds: number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db().claim.groupBy({
    by: ["articleId"],
    where: { articleId: { in: articleIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.articleId, r._count._all]));
}

/**
 * One page of the articles, most recently changed first (the workbench) or in the order they
 * were made (the API's stable paging): listed columns only, never the text. Their published
 * versions are publishing's to add (withPublishedVersions).
 */
export async function listArticles(request: PageRequest, order: "recent" | "made" = "recent") {
  const rows = await db().article.findMany({
    orderBy: order === "recent" ? [{ updatedAt: "desc" }, { id: "desc" }] : [{ id: "asc" }],
    ...pageWindow(request),
    select: {
      id: true,
      slug: true,
      title: true,
      outlet: true,
      status: true,
      version: true,
      updatedAt: true,
    },
  });
  const page = toPage(rows, request);
  const ids = page.items.map((a) => a.id);
  const claims = await claimCounts(ids);
  return { ...page, items: page.items.map((a) => ({ ...a, claims: claims.get(a.id) ?? 0 })) };
}

/** Reading order (decision 029): start, then end, then id, so no two claims tie and pages never overlap. */
const READING_ORDER = [
  { start: "asc" },
  { end: "asc" },
  { id: "asc" },
] satisfies Prisma.ClaimOrderByWithRelationInput[];

/** An article with its claims in reading order; NotFoundError when there is none. */
export async function articleWithClaims(id: number) {
  const article = await db().article.findUnique({
    where: { id },
    include: { claims: { orderBy: READING_ORDER } },
  });
  if (!article) throw new NotFoundError(`There is no article ${id}.`);
  return article;
}

/** An article without its claims (read those a page at a time); NotFoundError when there is none. */
export async function articleRecord(id: number) {
  const article = await db().article.findUnique({ where: { id } });
  if (!article) throw new NotFoundError(`There is no article ${id}.`);
  return article;
}

/**
 * One page of an article's claims in reading order, how many it has in all (counted on the
 * (articleId, start) index, never read) and its language (its claims' figures are read in it);
 * NotFoundError when there is no such article.
 */
export async function articleClaimsPage(articleId: number, request: PageRequest) {
  const [article, rows, count] = await Promise.all([
    db().article.findUnique({ where: { id: articleId }, select: { language: true } }),
    db().claim.findMany({ where: { articleId }, orderBy: READING_ORDER, ...pageWindow(request) }),
    db().claim.count({ where: { articleId } }),
  ]);
  if (!article) throw new NotFoundError(`There is no article ${articleId}.`);
  return { ...toPage(rows, request), count, language: article.language };
}
