import { z } from "zod";
import { can, DESK_ROLES } from "../auth/roles";
import type { CurrentUser } from "../auth/session.server";
import { db } from "../db/client.server";
import { cappedCount, jsonArrayOf, jsonObject } from "../db/sql.server";
import { readId } from "../utils/http.server";
import { parseStoredJson } from "../utils/json";
import { Prisma } from "../generated/prisma/client";
import {
  DESK_QUEUES,
  isQuickView,
  openingView,
  QUICK_VIEWS,
  quickViewFilter,
  type DeskCounts,
  type DeskRow,
  type QuickView,
} from "./desk";
import { COUNT_CAP, pageWindow, readPage, toPage, type Page, type PageRequest } from "./paging";
import { CLAIM_STATUSES, VERDICT_KEYS } from "./verdicts";

/** Claims that still need work: neither approved nor dismissed. */
export const OPEN_STATUSES = ["candidate", "researching", "needs-review"] as const;

/** A user's or an article's id as the address writes it (readId: digits, within a table's ids). */
const recordId = z.string().refine((value) => readId(value) !== null);

/** The desk's filters. The API refuses unknown values; the page falls back to defaults. */
export const DeskFilterSchema = z.strictObject({
  status: z.enum(["open", "any", ...CLAIM_STATUSES]),
  verdict: z.enum(["any", "none", ...VERDICT_KEYS]),
  /** "me", "none" (unassigned), "any", or a user id. */
  assignee: z.union([z.enum(["me", "none", "any"]), recordId]),
  article: z.union([z.literal("any"), recordId]),
  /** "yes": only claims an editor confirmed as the same as an earlier, checked claim. */
  previous: z.enum(["any", "yes"]),
  /** Whose work: see DESK_QUEUES. */
  queue: z.enum(DESK_QUEUES),
});
export type DeskFilter = z.infer<typeof DeskFilterSchema>;

/** Whether the address names no filter at all (a page number alone does not count). */
export const namesNoFilter = (params: URLSearchParams) => [...params.keys()].every((key) => key === "page");

/** The desk's filter from its address; an unknown value falls back for its own field only. */
export function readDeskFilter(params: URLSearchParams): DeskFilter {
  const field = <S extends z.ZodType>(key: string, schema: S, fallback: z.output<S>): z.output<S> => {
    const parsed = schema.safeParse(params.get(key) ?? fallback);
    return parsed.success ? parsed.data : fallback;
  };
  const { shape } = DeskFilterSchema;
  return {
    status: field("status", shape.status, "open"),
    verdict: field("verdict", shape.verdict, "any"),
    assignee: field("assignee", shape.assignee, "any"),
    article: field("article", shape.article, "any"),
    previous: field("previous", shape.previous, "any"),
    queue: field("queue", shape.queue, "any"),
  };
}

/**
 * The desk page shows 25 claims at a time (the API's lists keep 50). The desk is a work queue,
 * most urgent first: people take claims from its top, and 25 rows, each with its own assignment
 * form, is about two screens a person can scan; the quick views and filters narrow the rest,
 * and `?page=` goes on. Half the rows is also about half the page's cost to serve.
 */
export const DESK_PAGE_SIZE = 25;

/** How many open claims (candidate, researching, needs review) are assigned to a person. */
export function openClaimsAssignedTo(userId: number): Promise<number> {
  return db().claim.count({ where: { assigneeId: userId, status: { in: [...OPEN_STATUSES] } } });
}

const URGENCY = ["needs-review", "researching", "candidate", "approved", "dismissed"] as const;

/** The statuses the filter lets through, most urgent first: the desk reads them in this order. */
export function statusesFor(filter: DeskFilter): string[] {
  if (filter.status === "open")
    return URGENCY.filter((s) => (OPEN_STATUSES as readonly string[]).includes(s));
  if (filter.status === "any") return [...URGENCY];
  return [filter.status];
}

/** Open claims assigned to the user, or sent back to them: they wrote the verdict a reviewer returned. */
const inQueueOf = (userId: number) =>
  Prisma.sql`(c."assigneeId" = ${userId} OR (c."status" = 'researching' AND c."reviewNote" <> '' AND c."verdictById" = ${userId}))`;

/** Claims waiting for review whose verdict the user did not write: the ones they may approve. */
const reviewableBy = (userId: number) =>
  Prisma.sql`c."status" = 'needs-review' AND (c."verdictById" IS NULL OR c."verdictById" <> ${userId})`;

/**
 * Claims whose comments name the user: read from the user's mentions (an index), not by asking
 * every claim of the workspace whether it is mentioned.
 */
const mentioning = (userId: number) =>
  Prisma.sql`c."id" IN (SELECT cm."claimId" FROM "ClaimMention" cm WHERE cm."userId" = ${userId})`;

const QUEUE_CONDITIONS = { mine: inQueueOf, review: reviewableBy, mentions: mentioning };

/** The filter's conditions on Claim `c` other than its status. */
export function conditionsFor(filter: DeskFilter, userId: number): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.queue !== "any") conditions.push(QUEUE_CONDITIONS[filter.queue](userId));
  if (filter.verdict === "none") conditions.push(Prisma.sql`c."verdict" IS NULL`);
  else if (filter.verdict !== "any") conditions.push(Prisma.sql`c."verdict" = ${filter.verdict}`);
  if (filter.assignee === "me") conditions.push(Prisma.sql`c."assigneeId" = ${userId}`);
  else if (filter.assignee === "none") conditions.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (filter.assignee !== "any")
    conditions.push(Prisma.sql`c."assigneeId" = ${Number(filter.assignee)}`);
  if (filter.article !== "any") conditions.push(Prisma.sql`c."articleId" = ${Number(filter.article)}`);
  if (filter.previous === "yes")
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ClaimMatch" m JOIN "Claim" o ON o."id" = m."otherId"
      WHERE m."claimId" = c."id" AND m."decision" = 'same' AND o."verdict" IS NOT NULL)`);
  return conditions;
}

/** `c."status" IN (…) AND …`: every status is named, so SQLite can use a (status, …) index even for "any". */
function whereSql(statuses: readonly string[], conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join([Prisma.sql`c."status" IN (${Prisma.join([...statuses])})`, ...conditions], " AND ");
}

/** How many claims match, counted up to `limit`. */
const countSql = (where: Prisma.Sql, limit: number) => cappedCount(Prisma.sql`"Claim" c`, where, limit);

async function countUpTo(where: Prisma.Sql, limit: number): Promise<number> {
  const [row] = await db().$queryRaw<Array<{ n: number | bigint }>>`SELECT ${countSql(where, limit)} AS n`;
  return Number(row!.n);
}

interface RawDeskRow {
  id: number | bigint;
  quote: string;
  articleId: number | bigint;
  title: string;
  language: string;
  status: string;
  verdict: string | null;
  score: number;
  evidence: number | bigint;
  assigneeId: number | bigint | null;
  reviewNote: string;
}

const rowColumns = Prisma.sql`c."id", c."quote", c."articleId", c."status", c."verdict", c."score", c."assigneeId", c."reviewNote"`;

/**
 * Up to `take` rows of these statuses (most urgent first) after skipping `skip` of the first,
 * in one statement: each status is read in the order of its (status, …, score desc, id) index
 * and at most `take` deep, and only those rows get their article's title and source count.
 * CROSS JOIN keeps SQLite from reading every article first (it chose to scan them all and match
 * each against the slices, a cost that grew with the workspace); PostgreSQL plans it as any join.
 */
export function rowsStatement(
  statuses: readonly string[],
  conditions: Prisma.Sql[],
  skip: number,
  take: number,
): Prisma.Sql {
  const slices = statuses.map(
    (
      status,
      rank,
    ) => Prisma.sql`SELECT ${Prisma.raw(String(rank))} AS "rank", slice.* FROM (SELECT ${rowColumns} FROM "Claim" c WHERE ${whereSql([status], conditions)}
      ORDER BY c."score" DESC, c."id" ASC LIMIT ${take} OFFSET ${rank === 0 ? skip : 0}) slice`,
  );
  return Prisma.sql`
    SELECT c."id", c."quote", c."articleId", a."title", a."language", c."status", c."verdict", c."score", c."assigneeId", c."reviewNote",
      (SELECT COUNT(*) FROM "Evidence" e WHERE e."claimId" = c."id") AS "evidence"
    FROM (${Prisma.join(slices, " UNION ALL ")}) c
    CROSS JOIN "Article" a WHERE a."id" = c."articleId"
    ORDER BY c."rank", c."score" DESC, c."id" ASC
    LIMIT ${take}`;
}

async function readRows(
  statuses: readonly string[],
  conditions: Prisma.Sql[],
  skip: number,
  take: number,
): Promise<DeskRow[]> {
  const rows = await db().$queryRaw<RawDeskRow[]>(rowsStatement(statuses, conditions, skip, take));
  return rows.map((r) => ({
    id: Number(r.id),
    quote: r.quote,
    article: { id: Number(r.articleId), title: r.title, language: r.language },
    status: r.status,
    verdict: r.verdict,
    score: Number(r.score),
    evidence: Number(r.evidence),
    assigneeId: r.assigneeId === null ? null : Number(r.assigneeId),
    reviewNote: r.reviewNote,
  }));
}

/**
 * One page of the claims matching the filter across all articles, most urgent first: waiting
 * for review, then in research, then candidates; by score within each (ties by id). A page
 * costs its size, not the table's: its rows are one statement; a later page first skips the
 * statuses wholly before it by counting them, up to the offset only.
 */
export async function deskRows(
  filter: DeskFilter,
  userId: number,
  request: PageRequest,
): Promise<Page<DeskRow>> {
  const conditions = conditionsFor(filter, userId);
  const window = pageWindow(request);
  let statuses = statusesFor(filter);
  let skip = window.skip;
  while (skip > 0 && statuses.length > 0) {
    const before = await countUpTo(whereSql([statuses[0]!], conditions), skip);
    if (before >= skip) break;
    skip -= before;
    statuses = statuses.slice(1);
  }
  return toPage(statuses.length > 0 ? await readRows(statuses, conditions, skip, window.take) : [], request);
}

/** How many claims match the filter, up to COUNT_CAP + 1 ("1,000+"). */
export function countMatching(filter: DeskFilter, userId: number): Promise<number> {
  return countUpTo(whereSql(statusesFor(filter), conditionsFor(filter, userId)), COUNT_CAP + 1);
}

/** The full claims of one page (for the API), in the desk's order, with their article and source count. */
export async function deskClaims(filter: DeskFilter, userId: number, request: PageRequest) {
  const page = await deskRows(filter, userId, request);
  const [claims, total] = await Promise.all([
    db().claim.findMany({ where: { id: { in: page.items.map((c) => c.id) } } }),
    // A first page that holds everything is its own count.
    page.page === 1 && !page.hasNext ? page.items.length : countMatching(filter, userId),
  ]);
  const claimOf = new Map(claims.map((c) => [c.id, c]));
  return {
    ...page,
    items: page.items.map((row) => ({
      ...claimOf.get(row.id)!,
      article: row.article,
      evidence: row.evidence,
    })),
    total,
  };
}

/** The filter each quick view shows, as the desk reads it from the view's link: read once, not per request. */
const QUICK_VIEW_FILTERS = new Map<QuickView["key"], Readonly<DeskFilter>>(
  QUICK_VIEWS.map((view) => [
    view.key,
    Object.freeze(readDeskFilter(new URLSearchParams(Object.entries(quickViewFilter(view))))),
  ]),
);
const filterOf = (view: QuickView): Readonly<DeskFilter> => QUICK_VIEW_FILTERS.get(view.key)!;

/**
 * The quick views' counts, each up to COUNT_CAP + 1, as columns of one statement: each view
 * counts exactly what its filter shows, so a view's count is also its total.
 */
function quickViewColumns(userId: number): Prisma.Sql {
  const columns = QUICK_VIEWS.flatMap((view) => {
    if (!view.count) return [];
    const filter = filterOf(view);
    const where = whereSql(statusesFor(filter), conditionsFor(filter, userId));
    return [Prisma.sql`${countSql(where, COUNT_CAP + 1)} AS ${Prisma.raw(`"${view.count}"`)}`];
  });
  return Prisma.join(columns, ", ");
}

type Counted = Record<keyof DeskCounts, number | bigint>;

const readCounts = (row: Counted): DeskCounts => ({
  mine: Number(row.mine),
  toReview: Number(row.toReview),
  review: Number(row.review),
  mentions: Number(row.mentions),
  unassigned: Number(row.unassigned),
});

/** Counts for the desk's quick views, each up to COUNT_CAP + 1, in one statement. */
export async function deskCounts(userId: number): Promise<DeskCounts> {
  const [row] = await db().$queryRaw<Counted[]>`SELECT ${quickViewColumns(userId)}`;
  return readCounts(row!);
}

export const ARTICLE_CHOICES = 50;

const articleFields: Array<[string, Prisma.Sql]> = [
  ["id", Prisma.sql`a."id"`],
  ["title", Prisma.sql`a."title"`],
];

const ArticleChoice = z.object({ id: z.number(), title: z.string() });
const ArticleChoices = z.array(ArticleChoice);
const DeskMembers = z.array(z.object({ id: z.number(), name: z.string() }));

/**
 * The article filter's choices as one JSON column: the most recently changed articles that
 * still have open claims (at most ARTICLE_CHOICES). A list of every article made the desk page
 * grow with the workspace.
 */
const articleChoicesColumn = () => Prisma.sql`(
  SELECT ${jsonArrayOf(articleFields, Prisma.sql`a."updatedAt" DESC, a."id" DESC`)}
  FROM (SELECT a."id", a."title", a."updatedAt" FROM "Article" a
    WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = a."id" AND c."status" IN (${Prisma.join([...OPEN_STATUSES])}))
    ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT ${ARTICLE_CHOICES}) a) AS articles`;

/** The people claims can be assigned to (as listDeskMembers reads them), as one JSON column. */
const deskMembersColumn = () => Prisma.sql`(
  SELECT ${jsonArrayOf(
    [
      ["id", Prisma.sql`u."id"`],
      ["name", Prisma.sql`u."name"`],
    ],
    Prisma.sql`u."name", u."id"`,
  )}
  FROM "User" u WHERE u."active" = TRUE AND u."role" IN (${Prisma.join(DESK_ROLES)})) AS members`;

/**
 * Everything the desk shows besides its rows, in one statement: the filter's total (up to
 * COUNT_CAP + 1), the quick views' counts, the desk's members (for the assignee filter and the
 * assignment forms), and the article filter's choices, with the chosen article first when it is
 * not among them. Counts already read (to choose the view a bare /desk opens on) are not read again.
 */
export async function deskOverview(filter: DeskFilter, userId: number, known?: DeskCounts) {
  // A quick view's total is its count: counted once, not twice.
  const countedAs = QUICK_VIEWS.find((view) => view.count && isQuickView(filter, view))?.count;
  const matching = whereSql(statusesFor(filter), conditionsFor(filter, userId));
  const chosen =
    filter.article === "any"
      ? Prisma.sql`NULL`
      : Prisma.sql`(SELECT ${jsonObject(articleFields)} FROM "Article" a WHERE a."id" = ${Number(filter.article)})`;
  const [row] = await db().$queryRaw<
    Array<Counted & { total: number | bigint; members: string; articles: string; chosen: string | null }>
  >`
    SELECT ${countedAs ? Prisma.sql`NULL` : countSql(matching, COUNT_CAP + 1)} AS total, ${known ? Prisma.empty : Prisma.sql`${quickViewColumns(userId)},`} ${deskMembersColumn()}, ${articleChoicesColumn()}, ${chosen} AS chosen`;
  const articles = parseStoredJson(ArticleChoices, row!.articles);
  const chosenArticle = row!.chosen === null ? null : parseStoredJson(ArticleChoice, row!.chosen);
  const counts = known ?? readCounts(row!);
  return {
    total: countedAs ? counts[countedAs] : Number(row!.total),
    counts,
    members: parseStoredJson(DeskMembers, row!.members),
    articles:
      chosenArticle && !articles.some((a) => a.id === chosenArticle.id)
        ? [chosenArticle, ...articles]
        : articles,
  };
}

/** A desk row's quote is cut at this length, so one long claim does not stretch the table. */
const QUOTE_SHOWN = 220;

/**
 * The desk page for these query parameters: its filter (defaults where a value is unknown), one
 * page of rows beside everything else it shows (two statements, read side by side), and whether
 * this user may assign claims from it.
 */
export async function deskPage(params: URLSearchParams, user: CurrentUser) {
  const opening = namesNoFilter(params) ? await openingFilter(user) : null;
  const filter = opening?.filter ?? readDeskFilter(params);
  const [page, { total, counts, members, articles }] = await Promise.all([
    deskRows(filter, user.id, readPage(params, DESK_PAGE_SIZE)),
    deskOverview(filter, user.id, opening?.counts),
  ]);
  return {
    filter,
    total,
    page: { page: page.page, size: page.size, hasPrevious: page.hasPrevious, hasNext: page.hasNext },
    claims: page.items.map((c) => ({
      ...c,
      quote: c.quote.length > QUOTE_SHOWN ? c.quote.slice(0, QUOTE_SHOWN - 3) + "…" : c.quote,
    })),
    counts,
    members,
    articles,
    canAssign: can(user.role, "edit"),
    canApprove: can(user.role, "approve"),
  };
}

/** A desk opened without a filter opens on the view with work this person can do (see openingView). */
async function openingFilter(user: CurrentUser): Promise<{ filter: DeskFilter; counts: DeskCounts }> {
  const may = { edit: can(user.role, "edit"), approve: can(user.role, "approve") };
  const counts = await deskCounts(user.id);
  const view = openingView(counts, may);
  return { filter: filterOf(view), counts };
}
