/** Request bodies above this are refused before they are read (articles themselves are capped at 2 MB). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

// Forms submitted with JavaScript post to the same path with ".data" appended (React Router's single fetch).
/** Forms that carry an article's text (or a saved page) or pasted JSON-LD, and the API: up to MAX_BODY_BYTES. */
const ARTICLE_BODY_PATHS = [
  /^\/api\/v1(\/|$)/,
  /^\/articles\/new(\.data)?$/,
  /^\/articles\/\d+\/edit(\.data)?$/,
  // Pasted ClaimReview JSON-LD: up to 5 MB (app/reviews).
  /^\/reviews(\.data)?$/,
];
/** Forms anyone can send without an account, that hold a few short fields. */
const CREDENTIAL_PATHS = [/^\/login(\.data)?$/, /^\/setup(\.data)?$/, /^\/invite\/[^/]+$/];

/**
 * The largest body a request to this (routed) path may declare. Every form body is parsed on the
 * request thread, so a form that holds a few fields must not be made to parse megabytes of them:
 * sign-in, setup and invitations take 16 KB, other forms (a 20,000-character rationale, a
 * student's answers) 512 KB, and only article text and the API the full 8 MB.
 */
export function bodyLimitFor(path: string | null): number {
  if (path && ARTICLE_BODY_PATHS.some((p) => p.test(path))) return MAX_BODY_BYTES;
  if (path && CREDENTIAL_PATHS.some((p) => p.test(path))) return 16 * 1024;
  return 512 * 1024;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** The 413 answer for a body over `limit`; API clients match on "too large". */
export function bodyTooLargeMessage(limit: number): string {
  return limit === MAX_BODY_BYTES
    ? `That request is too large (over ${formatBytes(limit)}). Nothing was saved.`
    : `That form is too large (over ${formatBytes(limit)} for this page). Nothing was saved.`;
}
