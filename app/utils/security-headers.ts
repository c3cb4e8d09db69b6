/**
 * The headers every answer carries, in one place. server.js sets them on each response before
 * React Router adds a route's own headers, which it appends: a route that set them too would send
 * each twice. So routes never set them; the fast path for stored pages
 * (app/publishing/serve.server.ts), which answers before Express, adds them itself.
 */
export function securityHeaders(path: string | null | undefined): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Claim cards are made to be embedded elsewhere; nothing else may be framed by other sites.
    ...(path?.startsWith("/embed/") ? {} : { "X-Frame-Options": "SAMEORIGIN" }),
  };
}
