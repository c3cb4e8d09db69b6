import { z } from "zod";

/**
 * Due times. An educator types a wall-clock time ("2026-12-01T14:00", a datetime-local field)
 * in a time zone they choose; it is stored as an instant with that zone, and shown to students
 * as the educator meant it. Answers sent after it are accepted and marked late (decision 021).
 */

/** Every IANA time zone the runtime knows, UTC first. */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone")];

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Milliseconds the zone's clock is ahead of UTC at an instant. */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time in a zone names; null for a malformed or impossible time. A time
 * that happens twice (the night clocks go back) is its first; one skipped by a clock change
 * (02:30 on a spring-forward night) moves forward by the gap, as a wall clock does.
 */
export function zonedInstant(local: string, zone: string): Date | null {
  const m = LOCAL_TIME.exec(local);
  if (!m || !TIME_ZONES.includes(zone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  // Around a clock change the zone has two offsets: keep the earliest instant that reads as this
  // wall-clock time; when none does (a skipped hour), the offset from before the change.
  const DAY = 86_400_000;
  const offsets = [offsetAt(wall - DAY, zone), offsetAt(wall + DAY, zone)];
  const readsAsWall = offsets
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, zone) === wall)
    .sort((a, b) => a - b);
  return new Date(readsAsWall[0] ?? wall - offsets[0]!);
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") of an instant in a zone: a datetime-local field's value. */
export function localTime(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetAt(instant.getTime(), zone)).toISOString().slice(0, 16);
}

/** "Tuesday 1 December 2026, 14:00 (Europe/Paris)": a due time as its educator set it. */
export function formatDue(instant: Date, zone: string): string {
  const text = instant.toLocaleString("en-GB", {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${text.replace(" at ", ", ")} (${zone.replace(/_/g, " ")})`;
}

/** Answers are late when they were (last) sent after the due time. */
export const isLate = (dueAt: Date | null, sentAt: Date) => dueAt !== null && sentAt > dueAt;

/**
 * The due fields of the create and edit forms: an empty time means no due time; a time needs a
 * zone the runtime knows. Gives the instant and the zone, or nulls.
 */
export const DueSchema = z
  .object({
    due: z.string().trim().default(""),
    dueZone: z.string().trim().default("UTC"),
  })
  .transform(({ due, dueZone }, ctx) => {
    if (due === "") return { dueAt: null, dueZone: "" };
    if (!TIME_ZONES.includes(dueZone)) {
      ctx.addIssue({ code: "custom", path: ["dueZone"], message: "Choose a time zone from the list." });
      return z.NEVER;
    }
    const dueAt = zonedInstant(due, dueZone);
    if (!dueAt) {
      ctx.addIssue({
        code: "custom",
        path: ["due"],
        message: "Give the due time as a date and a time, like 2026-12-01 14:00 (or leave it empty).",
      });
      return z.NEVER;
    }
    return { dueAt, dueZone };
  });

/** The due fields' starting point for an exercise (or a new one): its time in its zone, or the server's zone. */
export function dueChoice(exercise?: { dueAt: Date | null; dueZone: string }) {
  const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = exercise?.dueZone || (TIME_ZONES.includes(serverZone) ? serverZone : "UTC");
  return {
    zones: TIME_ZONES,
    due: exercise?.dueAt ? localTime(exercise.dueAt, zone) : "",
    zone,
    zoneChosen: Boolean(exercise?.dueZone),
  };
}
