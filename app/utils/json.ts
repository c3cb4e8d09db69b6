import type { z } from "zod";

/**
 * The one way stored JSON (a snapshot, a student's answers, an audit value) comes back into the
 * program: parsed, then checked against its schema, so a row is typed by what it holds, not by a cast.
 */
export function parseStoredJson<T extends z.ZodType>(schema: T, text: string): z.output<T> {
  return schema.parse(JSON.parse(text));
}
