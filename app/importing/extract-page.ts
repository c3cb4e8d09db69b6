import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";
import { withoutSiteFurniture } from "./site-furniture";

export interface ExtractedPage {
  title: string;
  author: string;
  outlet: string;
  /** 2025-08-29, 2025-08, 2025 or "" */
  originalDate: string;
  canonicalUrl: string;
  markdown: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const turndown = new TurndownService({
  headingStyle: "atx",
  bulletListMarker: "-",
  codeBlockStyle: "fenced",
  emDelimiter: "_",
});
turndown.remove(["script", "style", "noscript", "iframe", "form", "button"]);

/** A date as the partial-date form Claimdesk stores, or "". */
export function toPartialDate(value: string | null | undefined): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec((value ?? "").trim());
  return m ? [m[1], m[2], m[3]].filter(Boolean).join("-") : "";
}

/** How much JSON-LD is read: a page's metadata is small, a hostile page's need not be. */
export const JSON_LD_LIMITS = { scripts: 8, bytesPerScript: 256 * 1024, nodes: 5_000, names: 20 };

/** A name (or names) from a JSON-LD value: a string, {name}, or a list of those, never walked deeper. */
function nameOf(value: Json | undefined): string {
  const one = (item: Json | undefined) =>
    typeof item === "string"
      ? item
      : item && typeof item === "object" && !Array.isArray(item) && typeof item.name === "string"
        ? item.name
        : "";
  if (Array.isArray(value)) return value.slice(0, JSON_LD_LIMITS.names).map(one).filter(Boolean).join(", ");
  return one(value);
}

const ARTICLE_TYPE =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle)$/;

function isArticle(item: { [key: string]: Json }): boolean {
  const type = item["@type"];
  const types = Array.isArray(type) ? type.slice(0, JSON_LD_LIMITS.names) : [type];
  return types.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t));
}

/**
 * The first NewsArticle-like object in one parsed JSON-LD block (also inside lists and @graph),
 * found breadth-first without recursion, visiting at most `maxNodes` values.
 */
export function findArticle(data: Json, maxNodes = JSON_LD_LIMITS.nodes): Record<string, Json> | null {
  const queue: Json[] = [data];
  for (let next = 0; next < queue.length && next < maxNodes; next++) {
    const item = queue[next];
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length && queue.length < maxNodes; i++) queue.push(item[i]!);
    } else if (item && typeof item === "object") {
      if (isArticle(item)) return item;
      if (item["@graph"] !== undefined && queue.length < maxNodes) queue.push(item["@graph"]);
    }
  }
  return null;
}

/** The first NewsArticle-like object in the page's JSON-LD, reading a bounded amount of it. */
function jsonLdArticle(document: Document): Record<string, Json> | null {
  const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')].slice(
    0,
    JSON_LD_LIMITS.scripts,
  );
  for (const script of scripts) {
    const text = script.textContent ?? "";
    if (text.length > JSON_LD_LIMITS.bytesPerScript) continue;
    let data: Json;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const article = findArticle(data);
    if (article) return article;
  }
  return null;
}

/**
 * The main article of an HTML page, as markdown, with its metadata from JSON-LD (NewsArticle),
 * OpenGraph and meta tags. Readability drops navigation, ads and share bars; the site's appeals
 * inside the article's body go after (site-furniture.ts).
 */
export function extractPage(html: string, pageUrl: string): ExtractedPage {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() ?? "";
  const ld = jsonLdArticle(document as unknown as Document);
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta('meta[property="og:url"]');
  const parsed = new Readability(document.cloneNode(true) as unknown as Document, {
    charThreshold: 200,
  }).parse();
  const contentHtml = parsed?.content ?? document.body?.innerHTML ?? "";
  const markdown = withoutSiteFurniture(turndown.turndown(contentHtml)).trim();
  const canonicalUrl = webAddressOrEmpty(canonical || pageUrl, pageUrl);
  return {
    title: (
      nameOf(ld?.headline) ||
      meta('meta[property="og:title"]') ||
      parsed?.title ||
      document.title ||
      ""
    ).trim(),
    author: (nameOf(ld?.author) || meta('meta[name="author"]') || parsed?.byline || "")
      .replace(/^by\s+/i, "")
      .trim(),
    outlet: (nameOf(ld?.publisher) || meta('meta[property="og:site_name"]') || parsed?.siteName || "").trim(),
    originalDate: toPartialDate(
      nameOf(ld?.datePublished) ||
        meta('meta[property="article:published_time"]') ||
        meta('meta[name="date"]') ||
        parsed?.publishedTime,
    ),
    canonicalUrl,
    markdown,
  };
}

/** An http(s) address resolved against the page, or "" for anything else (javascript:, data:, junk). */
function webAddressOrEmpty(address: string, base: string): string {
  try {
    const resolved = new URL(address, base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.toString() : "";
  } catch {
    return "";
  }
}
