/** Request bodies above this are refused before they are read (articles themselves are capped at 2 MB). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

// Forms submitted with JavaScript post to the same path with ".data" appended (React Router's single fetch).
/** Forms that carry an article's text (or a saved page), and the API: up to MAX_BODY_BYTES. */
const ARTICLE_BODY_PATHS = [
  /^\/api\/v1(\/|$)/,
  /^\/articles\/new(\.data)?$/,
  /^\/articles\/\d+\/edit(\.data)?$/,
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

/**
 * A state-changing request must come from one of our own pages: its Origin (or, failing that,
 * its Referer) must name this host. Requests with neither are refused too.
 */
export function isSameOrigin(
  origin: string | undefined,
  referer: string | undefined,
  host: string | undefined,
): boolean {
  if (!host) return false;
  const source = origin && origin !== "null" ? origin : referer;
  if (!source) return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

/**
 * The path the router will see for this request-target (Express's req.originalUrl): React
 * Router parses `${protocol}://${host}${target}` with URL, which resolves `..`, `%2e%2e` and
 * backslashes. Decisions about a request must be made on this path, never on the raw target.
 * Null when the target is not a plain path.
 */
export function routedPath(target: string): string | null {
  if (!target.startsWith("/")) return null;
  try {
    return new URL(`http://claimdesk.invalid${target}`).pathname;
  } catch {
    return null;
  }
}

/** Whether the router will hand this path to the API (routes "api/v1/*"). */
export function isApiPath(path: string | null): boolean {
  return path === "/api/v1" || !!path?.startsWith("/api/v1/");
}

export function hasBearerToken(authorization: string | undefined): boolean {
  return /^Bearer\s+\S/i.test(authorization ?? "");
}

export type Refusal = { status: number; message: string } | null;

/**
 * Who may change state: the API authenticates by bearer token only (never the cookie), so a
 * request that really goes to the API needs a token and nothing else, and is refused with 401
 * without one. Every other request must come from one of our own pages (403 otherwise).
 */
export function stateChangeRefusal(request: {
  target: string;
  origin?: string;
  referer?: string;
  host?: string;
  authorization?: string;
}): Refusal {
  if (isApiPath(routedPath(request.target))) {
    return hasBearerToken(request.authorization)
      ? null
      : {
          status: 401,
          message:
            "Send a valid personal API token: Authorization: Bearer cdk_… (create one under Settings).",
        };
  }
  if (isSameOrigin(request.origin, request.referer, request.host)) return null;
  return {
    status: 403,
    message: "Refused: this form was sent from another site. Reload Claimdesk and try again.",
  };
}
