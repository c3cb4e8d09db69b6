import { parseHTML } from "linkedom";

/** At most this many JSON-LD blocks are read from one page. */
const MAX_BLOCKS = 200;

/**
 * The JSON-LD documents of a fact-check page: every `<script type="application/ld+json">` that
 * parses as JSON (pages often carry a broken one among good ones; those are passed over).
 */
export function jsonLdBlocks(html: string): unknown[] {
  const { document } = parseHTML(html);
  const documents: unknown[] = [];
  for (const script of [...document.querySelectorAll("script")].slice(0, 10 * MAX_BLOCKS)) {
    const type = (script.getAttribute("type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/ld+json") continue;
    try {
      documents.push(JSON.parse(script.textContent ?? ""));
    } catch {
      continue;
    }
    if (documents.length >= MAX_BLOCKS) break;
  }
  return documents;
}
