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
