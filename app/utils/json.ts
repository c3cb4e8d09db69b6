import type { z } from "zod";

/**
 * The one way stored JSON (a snapshot, a student's answers, an audit value) comes back into the
 * program: parsed, then checked against its schema, so a row is typed by what it holds, not by a cast.
 */
export function parseStoredJson<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  return schema.parse(JSON.parse(text));
}

/**
 * For stored JSON written by older versions or by hand (audit values, reasons): what the schema
 * accepts, or `fallback` when the text is not JSON or has another shape. Never throws.
 */
export function readStoredJson<T extends z.ZodType>(
  schema: T,
  text: string | null,
  fallback: z.output<T>,
): z.output<T> {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
