import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";

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

const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_" });
turndown.remove(["script", "style", "noscript", "iframe", "form", "button"]);

/** A date as the partial-date form Claimdesk stores, or "". */
export function toPartialDate(value: string | null | undefined): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec((value ?? "").trim());
  return m ? [m[1], m[2], m[3]].filter(Boolean).join("-") : "";
}

function nameOf(value: Json | undefined): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(", ");
  if (value && typeof value === "object" && typeof value.name === "string") return value.name;
  return "";
}

/** The first NewsArticle-like object in the page's JSON-LD (also inside @graph). */
function jsonLdArticle(document: Document): Record<string, Json> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const queue: Json[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const type = [item["@type"]].flat().map(String);
        if (type.some((t) => /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle)$/.test(t))) return item;
        if (item["@graph"]) queue.push(item["@graph"]);
      }
    }
  }
  return null;
}

/**
 * The main article of an HTML page, as markdown, with its metadata from JSON-LD (NewsArticle),
 * OpenGraph and meta tags. Readability drops navigation, ads and share bars.
 */
export function extractPage(html: string, pageUrl: string): ExtractedPage {
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() ?? "";
  const ld = jsonLdArticle(document as unknown as Document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta('meta[property="og:url"]');
  const parsed = new Readability(document.cloneNode(true) as unknown as Document, { charThreshold: 200 }).parse();
  const contentHtml = parsed?.content ?? document.body?.innerHTML ?? "";
  const markdown = turndown.turndown(contentHtml).replace(/\n{3,}/g, "\n\n").trim();
  let canonicalUrl = "";
  try {
    const resolved = new URL(canonical || pageUrl, pageUrl);
    canonicalUrl = resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.toString() : "";
  } catch {
    canonicalUrl = "";
  }
  return {
    title: (nameOf(ld?.headline) || meta('meta[property="og:title"]') || parsed?.title || document.title || "").trim(),
    author: (nameOf(ld?.author) || meta('meta[name="author"]') || parsed?.byline || "").replace(/^by\s+/i, "").trim(),
    outlet: (nameOf(ld?.publisher) || meta('meta[property="og:site_name"]') || parsed?.siteName || "").trim(),
    originalDate: toPartialDate(nameOf(ld?.datePublished) || meta('meta[property="article:published_time"]') || meta('meta[name="date"]') || parsed?.publishedTime),
    canonicalUrl,
    markdown,
  };
}
