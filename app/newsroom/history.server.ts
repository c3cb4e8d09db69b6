import { z } from "zod";
import { db } from "../db/client.server";
import { readStoredJson } from "../utils/json";
import type { HistoryEntry } from "./history";

export type { HistoryEntry };

const AuditValue = z.record(z.string(), z.unknown());

const parse = (json: string | null): Record<string, unknown> => readStoredJson(AuditValue, json, {});

const show = (value: unknown) =>
  value === null || value === undefined || value === ""
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);

/** The fields that differ between an event's before and after values. */
export function changesOf(before: string | null, after: string | null): HistoryEntry["changes"] {
  const b = parse(before);
  const a = parse(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((change) => change.before !== change.after);
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>>[number];

async function describeEvents(events: AuditRow[]): Promise<HistoryEntry[]> {
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is number => id !== null))];
  const actors = await db().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: actors.find((a) => a.id === e.actorId)?.name ?? "Claimdesk (seed or system)",
    entity: `${e.entityType} #${e.entityId}`,
    action: e.action,
    changes:
      e.action === "revised"
        ? changesOf(null, e.after).filter((c) => c.field !== "markdown")
        : changesOf(e.before, e.after),
  }));
}

/** Who changed what and when, newest first: for an article, or for one of its claims. */
export async function history(where: { articleId: number; claimId?: number }): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where:
      where.claimId === undefined
        ? { articleId: where.articleId }
        : { articleId: where.articleId, entityType: "claim", entityId: where.claimId },
    orderBy: { id: "desc" },
    take: 500,
  });
  return describeEvents(events);
}

/** Invitations, role changes and deactivations, newest first, with the person each concerned. */
export async function accountHistory(): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { entityType: "user" },
    orderBy: { id: "desc" },
    take: 200,
  });
  const subjects = await db().user.findMany({
    where: { id: { in: events.map((e) => e.entityId) } },
    select: { id: true, name: true },
  });
  return (await describeEvents(events)).map((entry, i) => ({
    ...entry,
    entity: subjects.find((u) => u.id === events[i]!.entityId)?.name ?? entry.entity,
  }));
}
