import ipaddr from "ipaddr.js";
import { data } from "react-router";
import { ConflictError, UserError } from "./errors";

/** A numeric route parameter, or a 404 that says what was wrong. */
export function parseId(value: string | undefined, what = "page"): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new Response(`There is no such ${what}.`, { status: 404 });
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
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read. Reload the page and send it again. Nothing was saved.", {
      status: 400,
    });
  }
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

/** Turns the newsroom's expected errors into messages beside the form; anything else is a bug. */
export function domainFailure(intent: string, values: Record<string, string>, error: unknown) {
  if (error instanceof ConflictError) return failure(intent, values, error.message, 409, { conflict: true });
  if (error instanceof UserError) return failure(intent, values, error.message, error.status);
  throw error;
}

/** For loaders: the newsroom's expected errors (a missing article, say) become error pages with their status. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UserError || error instanceof ConflictError) {
      throw new Response(error.message, { status: error.status });
    }
    throw error;
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

/** 429 with a message a person understands. */
export function tooManyRequests(message: string): Response {
  return new Response(message, {
    status: 429,
    headers: { "Retry-After": "600", "Content-Type": "text/plain; charset=utf-8" },
  });
}
