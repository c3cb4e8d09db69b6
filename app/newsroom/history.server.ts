import { z } from "zod";
import { namesOf } from "../auth/users.server";
import { db } from "../db/client.server";
import type { Prisma } from "../generated/prisma/client";
import { readStoredJson } from "../utils/json";
import { diffTexts } from "../utils/text-diff";
import { claimNumbers } from "./claim-numbers";
import {
  describeAction,
  fieldLabel,
  HISTORY_KINDS,
  isShownField,
  showValue,
  type HistoryEntry,
  type HistoryKind,
  type Namer,
} from "./history";
import { pageWindow, toPage, type Page, type PageRequest } from "./paging";

export type { HistoryEntry };

const AuditValue = z.record(z.string(), z.unknown());

const parse = (json: string | null): Record<string, unknown> => readStoredJson(AuditValue, json, {});

/** The fields that differ between an event's before and after values, named and shown for people. */
export function changesOf(
  before: string | null,
  after: string | null,
  names: Namer,
): HistoryEntry["changes"] {
  const b = parse(before);
  const a = parse(after);
  const changes = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter(isShownField)
    .map((field) => ({
      field: fieldLabel(field),
      before: showValue(field, b[field], names),
      after: showValue(field, a[field], names),
    }))
    .filter((change) => change.before !== change.after);
  const moved = (["start", "end"] as const).some((f) => b[f] !== undefined && b[f] !== a[f]);
  if (moved && !changes.some((c) => c.field === fieldLabel("quote")))
    changes.push({
      field: "Position in the text",
      before: `characters ${String(b.start)}–${String(b.end)}`,
      after: `characters ${String(a.start)}–${String(a.end)}`,
    });
  return changes;
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>>[number];

/**
 * Ids made readable: people by name, an article's claims by their number in it (`numbers`, from
 * claimNumbers; empty where events concern no article).
 */
async function namerFor(events: AuditRow[], numbers: ReadonlyMap<number, number>): Promise<Namer> {
  const personIds = new Set<number>();
  for (const e of events) {
    if (e.actorId !== null) personIds.add(e.actorId);
    for (const value of [parse(e.before), parse(e.after)])
      for (const field of ["lastEditorId", "verdictById", "approvedById", "assigneeId"])
        if (typeof value[field] === "number") personIds.add(value[field]);
  }
  const nameOf = await namesOf(personIds);
  return {
    person: nameOf,
    claim: (id) =>
      numbers.has(id) ? `claim ${numbers.get(id)}` : `a claim no longer in the article (#${id})`,
  };
}

/** What an event was done to, as a person reads it. */
function entityOf(e: AuditRow, names: Namer): string {
  const after = parse(e.after);
  const before = parse(e.before);
  switch (e.entityType) {
    case "article":
      return "the article";
    case "claim":
      return names.claim(e.entityId);
    case "publication":
      return typeof after.number === "number" ? `version ${after.number}` : `a version (#${e.entityId})`;
    case "evidence": {
      const source = { ...before, ...after };
      const name = [source.title, source.publisher, source.url].find(
        (v) => typeof v === "string" && v !== "",
      );
      return name ? `the source “${String(name)}”` : "a source";
    }
    default:
      return `${e.entityType} #${e.entityId}`;
  }
}

function describe(e: AuditRow, names: Namer): HistoryEntry {
  const revised = e.entityType === "article" && e.action === "revised";
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: (e.actorId !== null && names.person(e.actorId)) || "Claimdesk (seed or system)",
    action: describeAction(e.entityType, e.action),
    entity: entityOf(e, names),
    changes: revised ? changesOf(null, e.after, names) : changesOf(e.before, e.after, names),
    ...(revised ? { diff: textDiff(e) } : {}),
  };
}

/** A correction's text change; an event recorded without both texts has none to show. */
function textDiff(e: AuditRow) {
  const before = parse(e.before).markdown;
  const after = parse(e.after).markdown;
  return typeof before === "string" && typeof after === "string" ? diffTexts(before, after) : undefined;
}

async function describeEvents(
  events: AuditRow[],
  numbers: ReadonlyMap<number, number> = new Map(),
): Promise<HistoryEntry[]> {
  const names = await namerFor(events, numbers);
  return events.map((e) => describe(e, names));
}

/**
 * Who changed one claim and when, newest first (the claim page's trail); `numbers` are its
 * article's claims' numbers (claimNumbers), read beside the events: the page needs them too.
 */
export async function claimHistory(
  claim: { id: number; articleId: number },
  numbers: ReadonlyMap<number, number> | Promise<ReadonlyMap<number, number>>,
): Promise<HistoryEntry[]> {
  const [events, numbered] = await Promise.all([
    db().auditEvent.findMany({
      where: { articleId: claim.articleId, entityType: "claim", entityId: claim.id },
      orderBy: { id: "desc" },
      take: 500,
    }),
    numbers,
  ]);
  return describeEvents(events, numbered);
}

/** The history page's filters; blank or unknown values mean "any", as the desk's filters do. */
export const HistoryFilterSchema = z.object({
  kind: z
    .enum(Object.keys(HISTORY_KINDS) as [HistoryKind, ...HistoryKind[]])
    .optional()
    .catch(undefined),
  claim: z.coerce.number().int().min(1).optional().catch(undefined),
  person: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>;

export function readHistoryFilter(params: URLSearchParams): HistoryFilter {
  const value = (key: string) => params.get(key) || undefined;
  return HistoryFilterSchema.parse({ kind: value("kind"), claim: value("claim"), person: value("person") });
}

/**
 * One page of an article's history, newest first, filtered by kind of event, claim (by its
 * number in the article) and person; with the people who appear in it, for the filter's choices.
 */
export async function articleHistory(
  articleId: number,
  filter: HistoryFilter,
  page: PageRequest,
): Promise<Page<HistoryEntry> & { people: Array<{ id: number; name: string }>; claimCount: number }> {
  const claims = await db().claim.findMany({
    where: { articleId },
    select: { id: true, start: true, end: true },
  });
  const numbered = claimNumbers(claims);
  const claimId =
    filter.claim === undefined ? undefined : [...numbered].find(([, n]) => n === filter.claim)?.[0];
  const where: Prisma.AuditEventWhereInput = {
    articleId,
    ...(filter.kind ? { entityType: filter.kind } : {}),
    ...(filter.claim !== undefined ? { entityType: "claim", entityId: claimId ?? -1 } : {}),
    ...(filter.person !== undefined ? { actorId: filter.person } : {}),
  };
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: "desc" }, ...pageWindow(page) });
  const actorIds = await db().auditEvent.groupBy({
    by: ["actorId"],
    where: { articleId, actorId: { not: null } },
  });
  // Everyone who ever acted on the article, a list as long as the team. Sorted here, not by the
  // database: Prisma splits a long `in` list into statements SQLite can bind (999 parameters at
  // most) only when it need not order or count the rows, and an ordered one failed past that.
  const people = (
    await db().user.findMany({
      where: { id: { in: actorIds.map((a) => a.actorId!) } },
      select: { id: true, name: true },
    })
  ).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  const found = toPage(rows, page);
  return { ...found, items: await describeEvents(found.items, numbered), people, claimCount: claims.length };
}

/** Invitations, role changes and deactivations, newest first, with the person each concerned. */
export async function accountHistory(): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { entityType: "user" },
    orderBy: { id: "desc" },
    take: 200,
  });
  const subjectOf = await namesOf(events.map((e) => e.entityId));
  return (await describeEvents(events)).map((entry, i) => ({
    ...entry,
    entity: subjectOf(events[i]!.entityId) ?? entry.entity,
  }));
}
