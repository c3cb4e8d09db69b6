import { readFileSync } from "node:fs";
import { namesOf } from "../auth/users.server";
import { parseQuantities } from "../claims/quantities";
import { db, type Tx } from "../db/client.server";
import { Prisma } from "../generated/prisma/client";
import { jsonRecords, timestamp } from "../db/sql.server";
import { audit } from "../utils/audit.server";
import { ConflictError, NotFoundError, UserError } from "../utils/errors";
import {
  checkClaim,
  referenceIndex,
  type ClaimFigure,
  type ClaimReferences,
  type ReferenceRow,
} from "./check";
import { REFERENCE_FILE, specsFromEpochCsv, type HardwareSpec } from "./hardware";
import type { Catalogue } from "./recognise";
import type { HardwareForm } from "./schemas";

/** Reference rows in the database: loaded from the shipped file once, then the editors'. */

const SPEC_COLUMNS = {
  name: "text",
  aliases: "text",
  manufacturer: "text",
  int8Tops: "real",
  fp16Tflops: "real",
  memoryGb: "real",
  bandwidthGbs: "real",
  tdpWatts: "real",
  processNm: "real",
  foundry: "text",
  releaseDate: "text",
  sourceUrl: "text",
  sourceName: "text",
} as const;

/**
 * Fills an empty reference table from Epoch AI's file. Servers starting together may both find
 * it empty: see insertReferenceRows. Returns the rows this call added.
 */
export async function loadReferenceIfEmpty(file = REFERENCE_FILE): Promise<number> {
  if ((await db().hardwareReference.count()) > 0) return 0;
  return insertReferenceRows(specsFromEpochCsv(readFileSync(file, "utf8")));
}

/**
 * Inserts rows, skipping names already there (the name is unique): two processes that both
 * found the table empty add the rows once between them, whichever gets there first, with no
 * lock to wait for. Returns the rows added.
 */
export async function insertReferenceRows(specs: HardwareSpec[]): Promise<number> {
  const names = Object.keys(SPEC_COLUMNS);
  const columns = names.map((name) => `"${name}"`).join(", ");
  const selected = names.map((name) => `r."${name}"`).join(", ");
  const now = timestamp(new Date());
  // "WHERE true" lets SQLite read ON CONFLICT as the insert's clause, not a join's.
  return db().$executeRaw`
    INSERT INTO "HardwareReference" (${Prisma.raw(columns)}, "updatedAt")
    SELECT ${Prisma.raw(selected)}, ${now} FROM ${jsonRecords(specs, SPEC_COLUMNS, "r")} WHERE true
    ON CONFLICT ("name") DO NOTHING`;
}

export type StoredReference = Awaited<ReturnType<typeof allReferenceRows>>[number];

export async function allReferenceRows() {
  return db().hardwareReference.findMany({ orderBy: [{ name: "asc" }] });
}

let cachedIndex: { key: string; index: Catalogue<ReferenceRow> } | null = null;

/**
 * The recogniser's index of the rows as they are now. Building it costs 5-15 ms, so it is kept
 * while the table's fingerprint (rows, largest id, latest change, sum of versions: any add,
 * correction or restore moves it) is unchanged; the fingerprint is read from the database on
 * every call, so every server process sees another's correction on its next page.
 */
export async function currentReferenceIndex(): Promise<Catalogue<ReferenceRow>> {
  const fingerprint = await db().hardwareReference.aggregate({
    _count: { _all: true },
    _max: { id: true, updatedAt: true },
    _sum: { version: true },
  });
  const key = JSON.stringify(fingerprint);
  if (cachedIndex?.key !== key) cachedIndex = { key, index: referenceIndex(await allReferenceRows()) };
  return cachedIndex.index;
}

/** The reference figures for a claim's text, its own figures (parsed, unless given) checked against them. */
export async function referencesForClaim(
  quote: string,
  figures: ClaimFigure[] = parseQuantities(quote),
): Promise<ClaimReferences> {
  return checkClaim(quote, figures, await currentReferenceIndex());
}

/** A claim's figures (its quantities) and the reference figures set against them, parsed once. */
export async function claimFigures(quote: string, language?: string) {
  const quantities = parseQuantities(quote, language);
  return { quantities, references: await referencesForClaim(quote, quantities) };
}

export const REFERENCE_PAGE_SIZE = 25;

/**
 * One page of rows whose name, other names or manufacturer hold the search words, by name. The
 * table is a few hundred rows, so it is searched in memory, the same on both databases.
 */
export async function referencePage(search: string, page: number) {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = (await allReferenceRows()).filter((row) => {
    const haystack = `${row.name} ${row.aliases} ${row.manufacturer}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const start = (page - 1) * REFERENCE_PAGE_SIZE;
  return {
    items: matching.slice(start, start + REFERENCE_PAGE_SIZE),
    total: matching.length,
    page,
    hasPrevious: page > 1,
    hasNext: matching.length > start + REFERENCE_PAGE_SIZE,
  };
}

export async function referenceRow(id: number) {
  const row = await db().hardwareReference.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("There is no such reference row; it may have been renamed or removed.");
  return row;
}

function specOf(row: HardwareSpec): HardwareSpec {
  const { name, aliases, manufacturer, int8Tops, fp16Tflops, memoryGb, bandwidthGbs, tdpWatts } = row;
  const { processNm, foundry, releaseDate, sourceUrl, sourceName } = row;
  return {
    name,
    aliases,
    manufacturer,
    int8Tops,
    fp16Tflops,
    memoryGb,
    bandwidthGbs,
    tdpWatts,
    processNm,
    foundry,
    releaseDate,
    sourceUrl,
    sourceName,
  };
}

async function refuseDuplicateName(tx: Tx, name: string, exceptId?: number) {
  const other = await tx.hardwareReference.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId)
    throw new UserError(`There is already a reference row named “${name}”. Correct that one instead.`, 409, {
      name: `There is already a row named “${name}”.`,
    });
}

/** Adds a row (audited). */
export async function addReferenceRow(form: HardwareForm, user: { id: number }) {
  return db().$transaction(async (tx) => {
    await refuseDuplicateName(tx, form.name);
    const row = await tx.hardwareReference.create({
      data: { ...form, updatedById: user.id, updatedAt: new Date() },
    });
    await audit(tx, {
      actorId: user.id,
      articleId: null,
      entityType: "hardware-reference",
      entityId: row.id,
      action: "added",
      after: specOf(row),
    });
    return row;
  });
}

/**
 * Corrects a row opened at `version` (audited, before and after). Someone else's save since
 * then is a conflict: nothing is saved and the editor is told to reload.
 */
export async function correctReferenceRow(
  id: number,
  version: number,
  form: HardwareForm,
  user: { id: number },
) {
  return db().$transaction(async (tx) => {
    const before = await tx.hardwareReference.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("There is no such reference row; it may have been removed.");
    await refuseDuplicateName(tx, form.name, id);
    const { count } = await tx.hardwareReference.updateMany({
      where: { id, version },
      data: { ...form, updatedById: user.id, updatedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0)
      throw new ConflictError(
        `“${before.name}” changed since you opened it (someone else saved a correction). Reload it, check their figures and correct it again.`,
        before,
      );
    const after = await tx.hardwareReference.findUniqueOrThrow({ where: { id } });
    await audit(tx, {
      actorId: user.id,
      articleId: null,
      entityType: "hardware-reference",
      entityId: id,
      action: "corrected",
      before: specOf(before),
      after: specOf(after),
    });
    return after;
  });
}

/** Who changed a row and how, newest first. */
export async function referenceHistory(id: number) {
  const events = await db().auditEvent.findMany({
    where: { entityType: "hardware-reference", entityId: id },
    orderBy: { id: "desc" },
    take: 50,
  });
  const nameOf = await namesOf(events.map((e) => e.actorId));
  return events.map((e) => {
    const before = (e.before ? JSON.parse(e.before) : {}) as Record<string, unknown>;
    const after = (e.after ? JSON.parse(e.after) : {}) as Record<string, unknown>;
    return {
      id: e.id,
      at: e.at.toISOString(),
      actor: nameOf(e.actorId) ?? "Claimdesk",
      action: e.action,
      changes: Object.keys(after)
        .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
    };
  });
}
