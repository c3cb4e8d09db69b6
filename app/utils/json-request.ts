import type { z } from "zod";
import { UserError } from "./errors";

/**
 * JSON sent to Claimdesk (API bodies, pasted JSON-LD), read within bounds: its shape is counted
 * in one pass before `JSON.parse` runs, because parsing is done on the thread that answers
 * everyone, and 8 MB of `{"k1":0,…}` or of nested `[` costs seconds to parse and check. Long
 * strings (an article's markdown) cost little; many values or deep nesting are refused first.
 */
export interface JsonBounds {
  /** Objects, arrays and the values in them, counted as the commas and openings between them. */
  maxValues: number;
  /** Objects and arrays inside each other. */
  maxDepth: number;
}

/** Enough for every request body of the API but a bulk ClaimReview import (which has its own). */
export const REQUEST_JSON_BOUNDS: JsonBounds = { maxValues: 20_000, maxDepth: 32 };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * Whether `text` stays within `bounds`, read once from the start and left at the first excess:
 * values are counted by the openings and commas outside strings, so "a, b" in a string counts
 * nothing. Malformed JSON is not judged here (reading stops at a stray closing); `JSON.parse`
 * refuses it next.
 */
export function withinJsonBounds(text: string, bounds: JsonBounds): boolean {
  let values = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      values++;
      if (++depth > bounds.maxDepth) return false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      // A closing with nothing open is malformed: stop, so the count never runs from below zero.
      if (--depth < 0) return true;
    } else if (c === COMMA) values++;
    else continue;
    if (values > bounds.maxValues) return false;
  }
  return true;
}

/** The sentence for a body outside its bounds. */
export const tooManyValues = (bounds: JsonBounds) =>
  `The request body holds more than ${bounds.maxValues.toLocaleString("en")} values or nests deeper than ${bounds.maxDepth} levels. Nothing was saved.`;

/**
 * A JSON request body checked against `schema`: `{}` when empty; otherwise refused with a
 * sentence (status 400) when outside its bounds, not JSON, or not what the schema takes.
 */
export function readJsonRequest<S extends z.ZodType>(
  text: string,
  schema: S,
  bounds: JsonBounds = REQUEST_JSON_BOUNDS,
): z.output<S> {
  let value: unknown = {};
  if (text.trim() !== "") {
    if (!withinJsonBounds(text, bounds)) throw new UserError(tooManyValues(bounds));
    try {
      value = JSON.parse(text);
    } catch {
      throw new UserError("The request body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new UserError(`${where}${describeIssue(issue)} Nothing was saved.`);
  }
  return parsed.data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `Unknown field(s): ${issue.keys.join(", ")}.`;
  if (issue.code === "invalid_type" && / received undefined$/.test(issue.message))
    return "This field is required.";
  if (issue.code === "invalid_type" && issue.path.length) return `Expected ${issue.expected}.`;
  if (issue.code === "invalid_type") return "Send a JSON object.";
  return /[.!?]$/.test(issue.message) ? issue.message : `${issue.message}.`;
}
