/** Request bodies above this are refused before they are read (articles themselves are capped at 2 MB). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * A state-changing request must come from one of our own pages: its Origin (or, failing that,
 * its Referer) must name this host. Requests with neither are refused too.
 */
export function isSameOrigin(origin: string | undefined, referer: string | undefined, host: string | undefined): boolean {
  if (!host) return false;
  const source = origin && origin !== "null" ? origin : referer;
  if (!source) return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}
