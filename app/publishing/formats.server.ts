import { gzipSync } from "node:zlib";
import { boundedCache } from "../utils/bounded-cache";
import { annotationCollection } from "./annotations";
import { exportJson, exportMarkdown } from "./export";
import { latestNumber } from "./latest.server";
import { etagOf } from "./page.server";
import { loadPublication, publisher } from "./publications.server";

type Publication = NonNullable<Awaited<ReturnType<typeof loadPublication>>>;

export interface ExportFormat {
  contentType: string;
  render: (publication: Publication) => string;
  /** The file name a download is saved under, when the format is a document people keep. */
  fileName?: (publication: Publication) => string;
}

/** The formats other tools read a published fact-check in, by the last part of their address. */
const FORMATS = new Map<string, ExportFormat>([
  [
    "annotations.jsonld",
    {
      contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      render: (p) => JSON.stringify(annotationCollection(p.snapshot, publisher()), null, 2),
    },
  ],
  [
    "export.json",
    {
      contentType: "application/json; charset=utf-8",
      render: (p) => JSON.stringify(exportJson(p.snapshot, p.history, publisher()), null, 2),
    },
  ],
  [
    "export.md",
    {
      contentType: "text/markdown; charset=utf-8",
      render: (p) => exportMarkdown(p.snapshot, p.history, publisher()),
      fileName: (p) => `${p.snapshot.article.slug}-v${p.snapshot.number}.md`,
    },
  ],
]);

/** The last parts of every format's address (`/fact-checks/:slug/NAME`), for the static export. */
export const EXPORT_FORMAT_NAMES: readonly string[] = [...FORMATS.keys()];

/** The format named in an address, or null: a Map, so "constructor" or "__proto__" name nothing. */
export function exportFormat(name: string | undefined): ExportFormat | null {
  return FORMATS.get(name ?? "") ?? null;
}

export interface RenderedFormat {
  body: string;
  etag: string;
  contentType: string;
  fileName?: string;
  /** The body gzipped, made at the first request that accepts it (2 MB took 20 ms a request). */
  gzip?: Uint8Array<ArrayBuffer>;
  /** Whether it is kept for the next request: only then is a gzip worth making here. */
  kept: boolean;
}

/** The body gzipped once, with the ETag of that encoding (a strong tag names one encoding's bytes). */
export function gzipped(rendered: RenderedFormat): { body: Uint8Array<ArrayBuffer>; etag: string } {
  rendered.gzip ??= new Uint8Array(gzipSync(rendered.body));
  return { body: rendered.gzip, etag: rendered.etag.replace(/"$/, '-gzip"') };
}

/**
 * Rendered formats kept by fact-check, version and format. A version never changes, so a kept one
 * is served until a newer version is the latest; rendering a 2 MB article's export took 90 to 130
 * ms, and a fact-check of 1,000 claims with long rationales (an 11.6 MB export.json) 0.25 to 0.8 s.
 * Readers asking at once share one rendering. Bounded in bytes, least recently read out first: a
 * rendering larger than all the room is served but not kept.
 */
const MAX_KEPT_BYTES = 128 * 1024 * 1024;
/** The text's bytes in memory (at most two per UTF-16 unit); its gzip, made later, is a fraction of it. */
const bytesOf = (rendered: RenderedFormat) => rendered.body.length * 2;
const renderings = boundedCache<string, RenderedFormat>({
  entries: 1024,
  budget: MAX_KEPT_BYTES,
  weigh: bytesOf,
});

/** Thrown inside a shared rendering when the version is gone, so that nothing is kept. */
class NoPublication extends Error {}

/** The latest version of a published fact-check in one format, or null when there is none. */
export async function renderedFormat(slug: string, name: string | undefined): Promise<RenderedFormat | null> {
  const format = exportFormat(name);
  const latest = format ? await latestNumber({ slug }) : null;
  if (!format || latest === null) return null;
  const render = async (): Promise<RenderedFormat> => {
    const publication = await loadPublication(slug, latest);
    if (!publication) throw new NoPublication();
    const body = format.render(publication) + "\n";
    const rendered: RenderedFormat = {
      kept: false,
      body,
      etag: etagOf(body),
      contentType: format.contentType,
      ...(format.fileName ? { fileName: format.fileName(publication) } : {}),
    };
    rendered.kept = bytesOf(rendered) <= MAX_KEPT_BYTES;
    return rendered;
  };
  try {
    return await renderings.getOrLoad(`${slug}\n${latest}\n${name}`, render);
  } catch (error) {
    if (error instanceof NoPublication) return null;
    throw error;
  }
}
