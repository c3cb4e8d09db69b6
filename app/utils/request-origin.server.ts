// No imports: config.server.ts reads this, and scripts load config before React (whose build
// is chosen by NODE_ENV when it first loads).

/**
 * The origin the client reached this server at. A loader's request may be a client-side
 * navigation's `/page.data?_routes=…` (React Router passes requests through as they arrived, decision
 * 025), so its path is not the page's; its origin is the same either way, and is all this reads.
 */
export function requestOrigin(request: Request): URL["origin"] {
  // eslint-disable-next-line no-restricted-syntax -- only the origin, the same for .data requests
  return new URL(request.url).origin;
}

/** `; Secure` for a cookie set over HTTPS, so it is never sent back over plain HTTP. */
export const secureCookieAttribute = (request: Request) =>
  requestOrigin(request).startsWith("https:") ? "; Secure" : "";

/** A host name (letters, digits, - and _) or IPv4 address, or an IPv6 address in brackets, with an optional port. */
const HOST = /^(?:[\w-]+(?:\.[\w-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Why a request cannot be answered as addressed, or null. Pages are built from the Host header
 * and the path (`origin + path`): a missing or malformed Host, a port past 65535, or a target
 * that is not a path (`http://…` or `*`) would fail deep in the framework as a 500 with a stack
 * trace in the log. HTTP/1.1 clients always send a Host; only proxies send full URLs. Behind a
 * trusted proxy the origin comes from its X-Forwarded-Host and X-Forwarded-Proto (their first
 * entries), which are checked the same way: a proxy may pass on what a client sent.
 */
export function malformedRequest(
  host: string | undefined,
  target: string | undefined,
  forwarded?: { host?: string | undefined; proto?: string | undefined },
): string | null {
  const forwardedHost = forwarded?.host?.split(",")[0]!.trim();
  for (const name of [host, ...(forwardedHost === undefined ? [] : [forwardedHost])]) {
    // The URL parser refuses what the pattern lets through, such as 999.1.1.1 or a port past 65535.
    if (!name || !HOST.test(name) || !URL.canParse(`http://${name}/`))
      return "This request has no valid Host header. Send it to Claimdesk's address with an HTTP/1.1 client.";
  }
  const proto = forwarded?.proto?.split(",")[0]!.trim();
  if (proto !== undefined && !/^https?$/i.test(proto))
    return "This request came through a proxy with an X-Forwarded-Proto other than http or https.";
  if (!target?.startsWith("/"))
    return "This request's target is not a path. Send the path only, as in GET /fact-checks HTTP/1.1.";
  return null;
}
