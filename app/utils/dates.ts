import { z } from "zod";

/** Whether the day exists in that month of that (Gregorian) year: 2024-02-29 does, 2017-02-30 does not. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const IMPOSSIBLE_DAY = (value: string) =>
  `${value} is not a day of the calendar: check the day and month (only a leap year has 29 February).`;

/** A full day, a month or a year, and a real one: "2017-02-30" is refused rather than read as 2 March. */
function isRealPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  return match[3] === undefined || isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The one date field every form and the API take (a source's date, an article's original date):
 * full (2025-08-29), month (2025-08) or year (2025) precision, as sources give them, or blank.
 */
export const partialDate = z
  .string()
  .trim()
  .regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/, "Use a date like 2025-08-29, 2025-08 or 2025.")
  .refine((value) => value === "" || PARTIAL_DATE.test(value), {
    error: "Use a date like 2025-08-29, 2025-08 or 2025: months run from 01 to 12 and days from 01 to 31.",
    abort: true,
  })
  .refine((value) => value === "" || isRealPartialDate(value), {
    error: (issue) => IMPOSSIBLE_DAY(String(issue.input)),
  })
  .default("");

/** A whole day (YYYY-MM-DD) that exists, as a UTC midnight: search ranges and the like. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-08-29.")
  .refine(isRealPartialDate, { error: (issue) => IMPOSSIBLE_DAY(String(issue.input)) })
  .transform((value) => new Date(`${value}T00:00:00Z`));
