import { etagOf } from "./page.server";

export interface Cacheable {
  /** Text, or bytes already encoded as `extraHeaders` say (Content-Encoding), with their own `etag`. */
  body: string | Uint8Array<ArrayBuffer>;
  etag?: string;
  contentType: string;
  /** A published version never changes: cache it for a year without asking again. */
  immutable: boolean;
  extraHeaders?: Record<string, string>;
}

/** Whether an If-None-Match header names this ETag (or any, "*"). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}

/**
 * Serves bytes with a strong ETag; a matching If-None-Match gets 304 with no body. The security
 * headers are server.js's to add (app/utils/security-headers.ts).
 */
export function cacheableResponse(
  request: Request,
  { body, etag = etagOf(String(body)), contentType, immutable, extraHeaders = {} }: Cacheable,
): Response {
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    "Content-Type": contentType,
    ...extraHeaders,
  });
  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  return new Response(body, { status: 200, headers });
}
