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
