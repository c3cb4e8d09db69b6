import { plainTextToMarkdown } from "../claims/markdown";
import { dropByline } from "./byline";
import type { ExtractedPage } from "./extract-page";
import { parser } from "./parser.server";
import { safeFetch, type SafeFetchOptions } from "./safe-fetch.server";

/** A page ready to become an article: its markdown and what its metadata says. */
export interface ImportedPage extends ExtractedPage {
  /** The address the article lives at: the page's canonical URL, or the one fetched. */
  sourceUrl: string;
}

/** Extracts a page off the event loop; refuses with PageNotExtracted when it is beyond budget. */
export async function pageFromHtml(html: string, pageUrl = "", extract = parser.page): Promise<ImportedPage> {
  const page = await extract(html, pageUrl || "https://invalid.example/");
  return {
    ...page,
    markdown: dropByline(page.markdown, page.author),
    sourceUrl: pageUrl
      ? page.canonicalUrl || pageUrl
      : page.canonicalUrl.startsWith("https://invalid.example/")
        ? ""
        : page.canonicalUrl,
  };
}

/** Fetches a URL safely and extracts its article (HTML) or takes its text (plain text). */
export async function fetchPage(url: string, options?: SafeFetchOptions): Promise<ImportedPage> {
  const fetched = await safeFetch(url, options);
  if (/^text\/plain\b/i.test(fetched.contentType)) {
    const firstLine = fetched.body.trim().split("\n")[0]?.trim() ?? "";
    return {
      title: firstLine.slice(0, 300),
      author: "",
      outlet: new URL(fetched.url).hostname,
      originalDate: "",
      canonicalUrl: fetched.url,
      markdown: plainTextToMarkdown(fetched.body),
      sourceUrl: fetched.url,
    };
  }
  return pageFromHtml(fetched.body, fetched.url);
}

/** An archive address for a source: the Wayback Machine's copy closest to now. */
export function archiveUrlFor(url: string): string {
  return `https://web.archive.org/web/${url}`;
}
