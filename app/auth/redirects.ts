const HERE = "http://claimdesk.invalid";

/**
 * Where to send someone after signing in: the path of `next` when, read the way a browser reads
 * a Location header, it stays on this site; "/" otherwise. Parsing with URL (not prefix tests)
 * catches tabs and newlines that browsers drop, backslashes they treat as slashes, and schemes.
 * The answer is rebuilt from the parsed parts, so it is always a percent-encoded path.
 */
export function sameOriginPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  // "/.//host" parses to the path "//host", which a browser would read as another host.
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}
