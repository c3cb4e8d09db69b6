import { annotationCollection } from "./annotations";
import { exportJson, exportMarkdown } from "./export";
import { publisher, type loadPublication } from "./publications.server";

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
