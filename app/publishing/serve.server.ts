import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { onPublication } from "./announce";
import { databaseChanges } from "../db/changes.server";
import { latestNumber } from "./latest.server";
import { publishedPage, type StoredPage } from "./publications.server";
import { renderPublishedList } from "./list-page.server";
import { etagOf } from "./page.server";
import { etagMatches } from "./respond.server";
import { contentSecurityPolicy } from "../utils/csp.server";
import { securityHeaders } from "../utils/security-headers";
import { SESSION_COOKIE, userForCookies } from "../auth/session.server";
import { boundedCache } from "../utils/bounded-cache";

/**
 * The fast path for public fact-check pages: stored bytes, kept in memory with their gzip form,
 * written straight to the socket before the web framework is involved. Used by server.js;
 * anything it does not serve falls through to React Router.
 */
const PAGE_PATH = /^\/fact-checks\/([a-z0-9-]+)(?:\/v\/([1-9]\d{0,8}))?\/?$/;
const MAX_ENTRIES = 500;
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * Stored pages load images from this origin only: a page stored before images became links
 * (docs/decisions/010-no-third-party-images.md) must not let other hosts see its readers either.
 */
const PUBLIC_CSP = contentSecurityPolicy().replace(/img-src [^;]*/, "img-src 'self' data:");

interface Entry {
  body: Buffer;
  gzip: Buffer;
  headers: Record<string, string>;
  /** The fact-check's latest version when the page was read: every page lists the versions. */
  latest: number;
  /** `databaseChanges()` when `latest` was last confirmed: while it is unchanged, nothing was published. */
  confirmedAt: number | string;
}

// Sent before Express, which adds them to every other answer.
const PAGE_SECURITY_HEADERS = securityHeaders("/fact-checks");

/**
 * Pages kept, by slug (the latest) or slug/number: at most MAX_ENTRIES, and at most MAX_BYTES of
 * bytes with their gzip form (a 2 MB article with long rationales makes a 10 MB page).
 */
const cache = boundedCache<string, Entry>({
  entries: MAX_ENTRIES,
  budget: MAX_BYTES,
  weigh: (entry) => entry.body.length + entry.gzip.length,
});
/** Counts the publications heard of, so a page read before one of them is not kept after it. */
let heard = 0;

/** Drops every kept page of one fact-check (each page lists the versions). */
function dropPages(slug: string): void {
  for (const key of cache.keys()) if (key === slug || key.startsWith(`${slug}/`)) cache.delete(key);
}

/** Publishing a new version in this process changes what the latest address serves. */
function forgetPublishedPages(slug: string): void {
  heard++;
  dropPages(slug);
}

// Announced after the publication commits (app/publishing/announce.ts).
onPublication(({ slug }) => forgetPublishedPages(slug));

/** A stored page's own headers; the security headers are added where it is sent (app/utils/security-headers.ts). */
export function publicPageHeaders(etag: string, immutable: boolean): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": PUBLIC_CSP,
    // Signed-in readers get their account corner (routes/fact-check.tsx): a cached copy is per cookie.
    Vary: "Accept-Encoding, Cookie",
  };
}

/** The readers' list (/fact-checks) for everyone alike; a signed-in member's copy is their own. */
export function listPageHeaders(signedIn: boolean): Record<string, string> {
  const { ETag: _none, ...headers } = publicPageHeaders("", false);
  return signedIn ? { ...headers, "Cache-Control": "private, no-store" } : headers;
}

/** The list's pages that are kept: /fact-checks and /fact-checks?page=N, nothing else. */
const LIST_PATH = /^\/fact-checks\/?(?:\?page=([1-9]\d{0,5}))?$/;
const MAX_LIST_PAGES = 100;

interface ListEntry {
  /** 404 for a page past the list's end. */
  status: 200 | 404;
  body: Buffer;
  gzip: Buffer;
  headers: Record<string, string>;
  /** `databaseChanges()` read before the page was rendered: while unchanged, the page is current. */
  confirmedAt: number | string;
}

const listPages = new Map<number, ListEntry>();
/** A page being rendered, so a burst of readers after a change renders it once. */
const renderingList = new Map<number, Promise<ListEntry>>();

/**
 * One page of the list, re-rendered whenever anything was committed since it was kept (a
 * publication in this process or another, or any other change: the list is cheap to render once).
 */
async function listPage(page: number): Promise<ListEntry> {
  const changes = await databaseChanges();
  const kept = listPages.get(page);
  if (kept && kept.confirmedAt === changes) return kept;
  const pending = renderingList.get(page);
  if (pending) return pending;
  const rendering = (async () => {
    const here = page === 1 ? "/fact-checks" : `/fact-checks?page=${page}`;
    const { status, html } = await renderPublishedList(new URLSearchParams({ page: String(page) }), here);
    const body = Buffer.from(html, "utf8");
    const headers = listPageHeaders(false);
    const entry = {
      status,
      body,
      gzip: gzipSync(body),
      headers: status === 200 ? { ...headers, ETag: etagOf(html) } : headers,
      confirmedAt: changes,
    };
    // Any page number may be asked for: only the list's own pages are kept.
    if (status !== 200) return entry;
    listPages.delete(page);
    if (listPages.size >= MAX_LIST_PAGES) listPages.delete(listPages.keys().next().value!);
    listPages.set(page, entry);
    return entry;
  })().finally(() => renderingList.delete(page));
  renderingList.set(page, rendering);
  return rendering;
}

/**
 * A kept page is served only while its fact-check's latest version is still the one it was read
 * with: another server process sharing the database may have published since, and its
 * announcement does not reach this process. While nothing at all was committed since the version
 * was last confirmed (one counter read, no query), the kept page is served as it is.
 */
async function lookup(slug: string, number: number | undefined): Promise<Entry | null> {
  const key = number === undefined ? slug : `${slug}/${number}`;
  const before = heard;
  const changes = await databaseChanges();
  const kept = cache.get(key);
  if (kept && kept.confirmedAt === changes) return kept;
  const latest = await latestNumber({ slug });
  if (latest === null) return null;
  const hit = cache.get(key);
  if (hit && hit.latest === latest) {
    hit.confirmedAt = changes;
    return hit;
  }
  if (hit) dropPages(slug);
  const page = await publishedPage(slug, number);
  if (!page) return null;
  const body = Buffer.from(page.body, "utf8");
  const entry = {
    body,
    gzip: gzipSync(body),
    headers: publicPageHeaders(page.etag, number !== undefined),
    latest,
    confirmedAt: changes,
  };
  // A publication announced while the page was read may have made it stale: serve it, but do not keep it.
  if (heard !== before) return entry;
  cache.set(key, entry);
  return entry;
}

/**
 * A public page's stored bytes as this fast path keeps them, for the route that answers what it
 * leaves (signed-in readers, and every request where server.js is not in front): a 10 MB page is
 * read from the database and hashed once, not for each request.
 */
export async function keptPublishedPage(
  slug: string,
  number: number | undefined,
): Promise<StoredPage | null> {
  const entry = await lookup(slug, number);
  return entry && { body: entry.body.toString("utf8"), etag: entry.headers.ETag! };
}

/**
 * Serves a published page or a page of the readers' list if the request is for one; returns false
 * to let the app handle it.
 */
export async function servePublishedPage(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  const list = LIST_PATH.exec(url);
  const query = url.indexOf("?");
  const page = list ? null : PAGE_PATH.exec(query === -1 ? url : url.slice(0, query));
  if (!list && !page) return false;
  // A signed-in reader sees their own account corner: the app's routes serve them. A session
  // cookie that names no one (made up, or ended) is an anonymous reader's, served from here.
  const cookies = req.headers.cookie ?? "";
  if (cookies.includes(`${SESSION_COOKIE}=`) && (await userForCookies(cookies))) return false;
  if (list) {
    send(req, res, await listPage(list[1] === undefined ? 1 : Number(list[1])));
    return true;
  }
  if (!page) return false;
  const entry = await lookup(page[1]!, page[2] === undefined ? undefined : Number(page[2]));
  if (!entry) return false;
  send(req, res, entry);
  return true;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  entry: Pick<Entry, "body" | "gzip" | "headers"> & { status?: number },
): void {
  const etag = entry.headers.ETag;
  if (etag !== undefined && etagMatches(req.headers["if-none-match"], etag)) {
    res.writeHead(304, { ...PAGE_SECURITY_HEADERS, ...entry.headers });
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = gzip ? entry.gzip : entry.body;
  res.writeHead(entry.status ?? 200, {
    ...PAGE_SECURITY_HEADERS,
    ...entry.headers,
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    "Content-Length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
