import { z } from "zod";
import { db } from "../db/client.server";
import { Prisma } from "../generated/prisma/client";
import { COUNT_CAP, pageWindow, toPage, type PageRequest } from "./paging";
import { CLAIM_STATUSES, VERDICT_KEYS } from "./verdicts";

/** Claims that still need work: neither approved nor dismissed. */
export const OPEN_STATUSES = ["candidate", "researching", "needs-review"] as const;

/** The desk's filters. The API refuses unknown values; the page falls back to defaults. */
export const DeskFilterSchema = z.strictObject({
  status: z.enum(["open", "any", ...CLAIM_STATUSES]),
  verdict: z.enum(["any", "none", ...VERDICT_KEYS]),
  /** "me", "none" (unassigned), "any", or a user id. */
  assignee: z.union([z.enum(["me", "none", "any"]), z.string().regex(/^\d+$/)]),
  article: z.union([z.literal("any"), z.string().regex(/^\d+$/)]),
});
export type DeskFilter = z.infer<typeof DeskFilterSchema>;

/** With no filter at all the desk opens on the reader's own queue: open claims assigned to them (any page of it). */
export function readDeskFilter(params: URLSearchParams): DeskFilter {
  if ([...params.keys()].every((key) => key === "page")) return { status: "open", verdict: "any", assignee: "me", article: "any" };
  const field = <K extends keyof DeskFilter>(key: K, fallback: DeskFilter[K]): DeskFilter[K] => {
    const parsed = DeskFilterSchema.shape[key].safeParse(params.get(key) ?? fallback);
    return parsed.success ? (parsed.data as DeskFilter[K]) : fallback;
  };
  return { status: field("status", "open"), verdict: field("verdict", "any"), assignee: field("assignee", "any"), article: field("article", "any") };
}

function whereFor(filter: DeskFilter, userId: number): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = {};
  if (filter.status === "open") where.status = { in: [...OPEN_STATUSES] };
  else if (filter.status !== "any") where.status = filter.status;
  if (filter.verdict === "none") where.verdict = null;
  else if (filter.verdict !== "any") where.verdict = filter.verdict;
  if (filter.assignee === "me") where.assigneeId = userId;
  else if (filter.assignee === "none") where.assigneeId = null;
  else if (filter.assignee !== "any") where.assigneeId = Number(filter.assignee);
  if (filter.article !== "any") where.articleId = Number(filter.article);
  return where;
}

const URGENCY = ["needs-review", "researching", "candidate", "approved", "dismissed"] as const;

/** The desk's order within one status; Claim's (status, …, score desc, id) indexes hold it. */
const DESK_ORDER: Prisma.ClaimOrderByWithRelationInput[] = [{ score: "desc" }, { id: "asc" }];

/**
 * Counts matching claims one status at a time, in index order, stopping at `limit`. (A count
 * with `take` and no order makes Prisma order by id, which sorts every matching row first.)
 */
async function countUpTo(where: Prisma.ClaimWhereInput, limit: number): Promise<number> {
  let counted = 0;
  for (const status of statusesOf(where)) {
    if (counted >= limit) break;
    counted += await db().claim.count({ where: { ...where, status }, orderBy: DESK_ORDER, take: limit - counted });
  }
  return counted;
}

const countUpToCap = (where: Prisma.ClaimWhereInput) => countUpTo(where, COUNT_CAP + 1);

function statusesOf(where: Prisma.ClaimWhereInput) {
  if (typeof where.status === "string") return URGENCY.filter((s) => s === where.status);
  if (typeof where.status === "object") return URGENCY.filter((s) => ((where.status as { in: string[] }).in).includes(s));
  return [...URGENCY];
}

/** How many sources each of these claims (one page of them) has: counted for the rows shown only. */
export async function evidenceCounts(claimIds: number[]): Promise<Map<number, number>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db().evidence.groupBy({ by: ["claimId"], where: { claimId: { in: claimIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.claimId, r._count._all]));
}

/**
 * One page of the claims matching the filter across all articles, most urgent first: waiting
 * for review, then in research, then candidates; by score within each (ties by id). Each status
 * is read in the order of its index, so a page costs its size, not the table's.
 */
export async function deskClaims(filter: DeskFilter, userId: number, request: PageRequest) {
  const where = whereFor(filter, userId);
  const window = pageWindow(request);
  let skip = window.skip;
  const rows = [];
  for (const status of statusesOf(where)) {
    if (rows.length >= window.take) break;
    const scoped = { ...where, status };
    if (skip > 0) {
      // Whole statuses before the page are skipped by counting them, up to the offset only.
      const before = await countUpTo(scoped, skip);
      if (before < skip) {
        skip -= before;
        continue;
      }
    }
    rows.push(
      ...(await db().claim.findMany({
        where: scoped,
        orderBy: DESK_ORDER,
        skip,
        take: window.take - rows.length,
      })),
    );
    skip = 0;
  }
  const page = toPage(rows, request);
  const [evidence, articles, total] = await Promise.all([
    evidenceCounts(page.items.map((c) => c.id)),
    db().article.findMany({ where: { id: { in: [...new Set(page.items.map((c) => c.articleId))] } }, select: { id: true, title: true } }),
    // A first page that holds everything is its own count.
    page.page === 1 && !page.hasNext ? page.items.length : countUpToCap(where),
  ]);
  const articleOf = new Map(articles.map((a) => [a.id, a]));
  return { ...page, items: page.items.map((c) => ({ ...c, article: articleOf.get(c.articleId)!, evidence: evidence.get(c.id) ?? 0 })), total };
}

/** Counts for the desk's quick views, each up to COUNT_CAP + 1, in one statement. */
export async function deskCounts(userId: number) {
  const open = Prisma.join([...OPEN_STATUSES]);
  const cap = COUNT_CAP + 1;
  const [row] = await db().$queryRaw<Array<{ mine: number | bigint; review: number | bigint; unassigned: number | bigint }>>`
    SELECT
      (SELECT COUNT(*) FROM (SELECT 1 FROM "Claim" WHERE "status" IN (${open}) AND "assigneeId" = ${userId} LIMIT ${cap})) AS mine,
      (SELECT COUNT(*) FROM (SELECT 1 FROM "Claim" WHERE "status" = 'needs-review' LIMIT ${cap})) AS review,
      (SELECT COUNT(*) FROM (SELECT 1 FROM "Claim" WHERE "status" IN (${open}) AND "assigneeId" IS NULL LIMIT ${cap})) AS unassigned`;
  return { mine: Number(row!.mine), review: Number(row!.review), unassigned: Number(row!.unassigned) };
}

export const ARTICLE_CHOICES = 50;

/**
 * The desk's article filter: the most recently changed articles that still have open claims
 * (at most ARTICLE_CHOICES), plus the one currently chosen. A list of every article made the
 * desk page grow with the workspace.
 */
export async function deskArticleChoices(chosen: string): Promise<Array<{ id: number; title: string }>> {
  const recent = await db().$queryRaw<Array<{ id: number | bigint; title: string }>>`
    SELECT a."id", a."title" FROM "Article" a
    WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = a."id" AND c."status" IN (${Prisma.join([...OPEN_STATUSES])}))
    ORDER BY a."updatedAt" DESC, a."id" DESC
    LIMIT ${ARTICLE_CHOICES}`;
  const choices = recent.map((a) => ({ id: Number(a.id), title: a.title }));
  const chosenId = chosen === "any" ? null : Number(chosen);
  if (chosenId !== null && !choices.some((a) => a.id === chosenId)) {
    const article = await db().article.findUnique({ where: { id: chosenId }, select: { id: true, title: true } });
    if (article) choices.unshift(article);
  }
  return choices;
}
