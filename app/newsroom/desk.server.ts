import { z } from "zod";
import { db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";
import { CLAIM_STATUSES, VERDICT_KEYS } from "./verdicts";

/** Claims that still need work: neither approved nor dismissed. */
export const OPEN_STATUSES = ["candidate", "researching", "needs-review"] as const;
export const DESK_LIMIT = 300;

/** The desk's filters. The API refuses unknown values; the page falls back to defaults. */
export const DeskFilterSchema = z.strictObject({
  status: z.enum(["open", "any", ...CLAIM_STATUSES]),
  verdict: z.enum(["any", "none", ...VERDICT_KEYS]),
  /** "me", "none" (unassigned), "any", or a user id. */
  assignee: z.union([z.enum(["me", "none", "any"]), z.string().regex(/^\d+$/)]),
  article: z.union([z.literal("any"), z.string().regex(/^\d+$/)]),
});
export type DeskFilter = z.infer<typeof DeskFilterSchema>;

/** With no query at all the desk opens on the reader's own queue: open claims assigned to them. */
export function readDeskFilter(params: URLSearchParams): DeskFilter {
  if ([...params.keys()].length === 0) return { status: "open", verdict: "any", assignee: "me", article: "any" };
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

/**
 * The claims matching the filter across all articles, most urgent first: waiting for review,
 * then in research, then candidates; by score within each. At most DESK_LIMIT rows.
 */
export async function deskClaims(filter: DeskFilter, userId: number) {
  const where = whereFor(filter, userId);
  const total = await db().claim.count({ where });
  const claims = [];
  for (const status of URGENCY) {
    if (claims.length >= DESK_LIMIT) break;
    if (typeof where.status === "string" && where.status !== status) continue;
    if (typeof where.status === "object" && !(where.status.in as string[]).includes(status)) continue;
    claims.push(
      ...(await db().claim.findMany({
        where: { ...where, status },
        orderBy: [{ score: "desc" }, { id: "asc" }],
        take: DESK_LIMIT - claims.length,
        include: { article: { select: { id: true, title: true } }, _count: { select: { evidence: true } } },
      })),
    );
  }
  return { total, claims };
}

/** Counts for the desk's quick views. */
export async function deskCounts(userId: number) {
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [mine, review, unassigned] = await Promise.all([
    db().claim.count({ where: { ...open, assigneeId: userId } }),
    db().claim.count({ where: { status: "needs-review" } }),
    db().claim.count({ where: { ...open, assigneeId: null } }),
  ]);
  return { mine, review, unassigned };
}
