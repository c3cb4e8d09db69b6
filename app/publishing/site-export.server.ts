import { constants } from "node:fs";
import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client.server";
import { PAGE_SIZE, pageCount } from "../newsroom/paging";
import { prepareExportFolder } from "./export-folder.server";
import { EXPORT_FORMAT_NAMES } from "./formats.server";
import { latestPublication } from "./latest.server";
import { factCheckPath, versionPath } from "./links";
import { countPublished, versionHistory } from "./publications.server";

/**
 * The static copy of the public site (npm run site:export; README, "Serving fact-checks from a
 * static host"): every address a reader can reach without signing in, written as files laid out
 * by URL. The bytes are never made here: each address is asked of the server's own request
 * handler (`get`), so a file is what the server sends for its address. This module only decides
 * which addresses exist, reading the database one fact-check at a time, and where each is written.
 */

/** Articles read per query while listing the published ones: memory stays flat with the workspace. */
const BATCH = 100;

/** A path segment that is safe as a file or folder name: never "", "." or "..", never a separator. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Where an address is written, relative to the export's folder. A page is a folder with an
 * index.html (/fact-checks/slug → fact-checks/slug/index.html); an address whose last part has a
 * file extension keeps it as its file name (/fact-checks.atom, /fact-checks/slug/export.json).
 * The list's later pages (/fact-checks?page=N) have no address without a query string, so they
 * are written to fact-checks/page/N/index.html; no other query string is exported.
 */
export function staticFileFor(address: string): string {
  // Read as written, never normalised: "/a/../b" must be refused, not quietly become "/b".
  const query = address.indexOf("?");
  const pathname = query === -1 ? address : address.slice(0, query);
  const segments = pathname.split("/").slice(1);
  if (!pathname.startsWith("/") || !segments.every((s) => SEGMENT.test(s)))
    throw new Error(`The address ${address} cannot be written as a file.`);
  if (query !== -1) {
    const page = /^page=([1-9]\d*)$/.exec(address.slice(query + 1))?.[1];
    if (pathname !== "/fact-checks" || !page)
      throw new Error(`The address ${address} has a query string the static layout does not map.`);
    return [...segments, "page", page, "index.html"].join("/");
  }
  return segments.at(-1)!.includes(".") ? segments.join("/") : [...segments, "index.html"].join("/");
}

/** Published articles, oldest first, read a batch at a time. */
async function* publishedArticles(): AsyncGenerator<{ id: number; slug: string }> {
  let after = 0;
  for (;;) {
    const batch = await db().article.findMany({
      where: { id: { gt: after }, publications: { some: {} } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, slug: true },
    });
    yield* batch;
    if (batch.length < BATCH) return;
    after = batch.at(-1)!.id;
  }
}

/**
 * Every public address of the published fact-checks, one fact-check read at a time: the
 * methodology, the feed, each page of the list, then per fact-check its latest page, every
 * version, each export format (of the latest version, as the server offers them) and the embed
 * card of each claim its latest version publishes. Drafts have no publication and no address.
 */
export async function* publicAddresses(): AsyncGenerator<string> {
  yield "/methodology";
  yield "/fact-checks.atom";
  const pages = pageCount(await countPublished(), PAGE_SIZE);
  for (let page = 1; page <= pages; page++) yield page === 1 ? "/fact-checks" : `/fact-checks?page=${page}`;
  for await (const { id, slug } of publishedArticles()) {
    yield factCheckPath(slug);
    for (const { number } of await versionHistory({ articleId: id })) yield versionPath(slug, number);
    for (const format of EXPORT_FORMAT_NAMES) yield `${factCheckPath(slug)}/${format}`;
    const latest = await latestPublication({ articleId: id });
    for (const claim of latest?.snapshot.claims ?? []) yield `/embed/claims/${claim.id}`;
  }
}

/** Files under a folder, as paths relative to it (sorted); dot-files and dot-folders are skipped. */
async function* filesUnder(root: string, folder = ""): AsyncGenerator<string> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const relative = folder === "" ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) yield* filesUnder(root, relative);
    else if (entry.isFile()) yield relative;
  }
}

export interface SiteExport {
  /** The folder to write into: new or empty. */
  dir: string;
  /** Answers a GET of one address ("/fact-checks?page=2") as the server does: its request handler. */
  get: (address: string) => Promise<Response>;
  /**
   * The built browser files the server serves as they are (build/client: stylesheets, scripts),
   * copied beside the pages so that they look and work the same from a static host.
   */
  clientDir: string;
}

/**
 * Writes the static site into `dir` and counts what it wrote. Each response is written as soon
 * as it arrives and then let go. An address the server does not answer with 200 (a server error, or
 * a database changed under the export) stops it: no file may be anything but the server's answer.
 */
export async function exportSite({
  dir,
  get,
  clientDir,
}: SiteExport): Promise<{ files: number; bytes: number }> {
  await prepareExportFolder(dir);
  let files = 0;
  let bytes = 0;
  const target = async (file: string) => {
    const to = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(to), { recursive: true });
    return to;
  };
  for await (const address of publicAddresses()) {
    const file = staticFileFor(address);
    const response = await get(address);
    if (response.status !== 200)
      throw new Error(`The server answered ${address} with ${response.status}; the export stopped.`);
    const body = new Uint8Array(await response.arrayBuffer());
    // "wx": two addresses written to one file would be a flaw in the layout, never an overwrite.
    await writeFile(await target(file), body, { flag: "wx" });
    files++;
    bytes += body.byteLength;
  }
  for await (const file of filesUnder(clientDir)) {
    // The server serves only names with an extension from here (server.js); so does the copy.
    if (!/\.[a-z0-9]+$/i.test(file)) continue;
    const to = await target(file);
    await copyFile(path.join(clientDir, file), to, constants.COPYFILE_EXCL);
    files++;
    bytes += (await stat(to)).size;
  }
  return { files, bytes };
}
