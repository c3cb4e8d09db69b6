/**
 * The Content-Security-Policy of every HTML page. Scripts come from this origin only; the few
 * inline scripts React Router writes (hydration data, scroll restoration) carry the request's
 * nonce. No inline styles, no plug-ins, forms post only here, and no other site may frame us.
 */
export function contentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}
