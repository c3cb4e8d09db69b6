import ipaddr from "ipaddr.js";
import { data } from "react-router";
import { ConflictError, DatabaseBusy, ServerBusy, TooManyAttempts, UserError } from "./errors";

/** The largest id a table holds: PostgreSQL's `integer` columns (SQLite's are wider). */
export const MAX_ID = 2_147_483_647;

/**
 * A record's number as an address or a form writes it: digits only, no leading zero, at most
 * MAX_ID. "0x10", "1e3", "016" and " 16" would reach record 16 under other addresses, each
 * cached on its own; a larger number is no record, and PostgreSQL refuses to compare with it.
 */
export function readId(value: string | undefined | null): number | null {
  if (value === undefined || value === null || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

/** A numeric route parameter, or a 404 that says what was wrong. */
export function parseId(value: string | undefined, what = "page"): number {
  const id = readId(value);
  if (id === null) throw new Response(`There is no such ${what}.`, { status: 404 });
  return id;
}

/**
 * The request's form. A body that is not a form, or that cannot be parsed as one (a JSON body, a
 * broken multipart upload), is the client's mistake: 415 or 400 with a sentence, never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i.test(type)) {
    throw new Response(
      "Send the form as application/x-www-form-urlencoded or multipart/form-data. Nothing was saved.",
      { status: 415 },
    );
  }
  const body = Buffer.from(await request.arrayBuffer());
  if (fieldsOver(body, type, MAX_FORM_FIELDS)) {
    throw new Response(
      `That form has more than ${MAX_FORM_FIELDS.toLocaleString("en")} fields, more than any page of Claimdesk sends. Nothing was saved.`,
      { status: 413 },
    );
  }
  try {
    return await new Response(body, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw new Response("The form could not be read. Reload the page and send it again. Nothing was saved.", {
      status: 400,
    });
  }
}

/**
 * More fields than the largest form sends: an educator's answer key for a pasted article of up to
 * 100,000 characters sends three fields a sentence, 15,000 for 5,000 short lines. Forms are
 * parsed on the request thread: 4 million empty fields in an 8 MB body took 1.7 s and 700,000
 * distinct ones 4.6 s, while every other request waited.
 */
export const MAX_FORM_FIELDS = 20_000;

/**
 * Whether a form body holds more than `max` fields, counted by their separators without parsing
 * it: "&" in a url-encoded body, the boundary (the media type's own `boundary` parameter, as the
 * parser reads it) in a multipart one, less its closing delimiter.
 */
function fieldsOver(body: Buffer, type: string, max: number): boolean {
  const [mediaType, ...parameters] = type.split(";").map((part) => part.trim());
  if (mediaType!.toLowerCase() !== "multipart/form-data") return occurrences(body, "&", max) + 1 > max;
  // Every boundary named is counted: a parser that took another one must not be handed more.
  return parameters
    .map((p) => /^boundary\s*=\s*(?:"([^"]*)"|(\S+))$/i.exec(p))
    .some((m) => m !== null && occurrences(body, `--${m[1] ?? m[2]}`, max + 1) - 1 > max);
}

/** How many times `separator` is in `body`, counting no further than `limit` + 1. */
function occurrences(body: Buffer, separator: string, limit: number): number {
  const needle = Buffer.from(separator);
  let count = 0;
  for (
    let at = body.indexOf(needle);
    at !== -1 && count <= limit;
    at = body.indexOf(needle, at + needle.length)
  )
    count++;
  return count;
}

/** The form's fields as plain strings (files excluded), for zod schemas and for refilling forms. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

export interface ActionFailure {
  ok: false;
  intent: string;
  error: string;
  fields?: Record<string, string>;
  values: Record<string, string>;
  conflict?: boolean;
}

/** A form handled without saving (e.g. details looked up): shown back with a notice. */
export interface ActionNotice {
  ok: true;
  intent: string;
  values: Record<string, string>;
  notice: string;
  error?: undefined;
  fields?: undefined;
  conflict?: undefined;
}

export type ActionState = ActionFailure | ActionNotice;

export function failure(
  intent: string,
  values: Record<string, string>,
  error: string,
  status = 400,
  extra: Partial<ActionFailure> = {},
) {
  return data<ActionFailure>({ ok: false, intent, error, values, ...extra }, { status });
}

/** What an error means over HTTP, decided here once for forms, pages and the API. */
export interface HttpError {
  status: number;
  message: string;
  fields?: Record<string, string>;
  headers: Record<string, string>;
  /** Someone else saved first (a ConflictError): the form shows what they saved. */
  conflict: boolean;
  /** For a conflict: the record as it is now, when the domain knows it. */
  current?: unknown;
}

/** The answer for an expected error (see utils/errors.ts), or null for a bug. */
export function httpError(error: unknown): HttpError | null {
  if (!(error instanceof UserError)) return null;
  return {
    status: error.status,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
    headers:
      error instanceof TooManyAttempts || error instanceof DatabaseBusy || error instanceof ServerBusy
        ? { "Retry-After": String(error.retryAfterSeconds) }
        : {},
    conflict: error instanceof ConflictError,
    ...(error instanceof ConflictError && error.current !== undefined ? { current: error.current } : {}),
  };
}

/** For actions: an expected error becomes a message beside the form (fields marked); anything else is a bug. */
export function domainFailure(intent: string, values: Record<string, string>, error: unknown) {
  const answer = httpError(error);
  if (!answer) throw error;
  return data<ActionFailure>(
    {
      ok: false,
      intent,
      error: answer.message,
      values,
      ...(answer.fields ? { fields: answer.fields } : {}),
      ...(answer.conflict ? { conflict: true } : {}),
    },
    { status: answer.status, headers: answer.headers },
  );
}

/** For loaders: an expected error (a missing article, too many guesses) becomes an error page with its status. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const answer = httpError(error);
    if (!answer) throw error;
    throw new Response(answer.message, {
      status: answer.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...answer.headers },
    });
  }
}

/**
 * The client's address as rate limits count it, from what server.js passes in the load context
 * ("" elsewhere). An IPv6 client counts as its /64 network, the block one subscriber is usually
 * given: otherwise one machine could rotate through 2^64 addresses, each with its own limits.
 */
export function clientAddress(context: unknown): string {
  const value = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof value === "string" ? addressForLimits(value) : "";
}

export function addressForLimits(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, 100);
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv4") return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
}
