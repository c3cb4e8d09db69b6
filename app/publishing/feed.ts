import { CHANGE_KIND_WORDS, type ChangeKind } from "../newsroom/verdicts";
import { factCheckPath, versionPath, type Publisher } from "./links";
import { xmlSafe } from "./xml-safe";

export interface FeedEntry {
  slug: string;
  title: string;
  number: number;
  publishedAt: string;
  changeNote: string;
  changeKind: ChangeKind;
  claims: number;
  summary: string;
}

const escapeXml = (s: string) =>
  xmlSafe(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

/** An Atom feed: one entry per published version, so corrections and updates reach subscribers too. */
export function atomFeed(entries: FeedEntry[], publisher: Publisher): string {
  const base = publisher.baseUrl;
  const host = new URL(base).hostname;
  const updated = entries.reduce(
    (latest, e) => (e.publishedAt > latest ? e.publishedAt : latest),
    "1970-01-01T00:00:00.000Z",
  );
  const items = [...entries]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.number - a.number)
    .map((e) => {
      const url = `${base}${versionPath(e.slug, e.number)}`;
      const title =
        e.number === 1
          ? `Fact-check: ${e.title}`
          : `${CHANGE_KIND_WORDS[e.changeKind].noun} (version ${e.number}): ${e.title}`;
      // Version 1's note is optional; every later version has one.
      const summary = e.changeNote ? `${e.changeNote} ${e.summary}` : e.summary;
      return [
        "  <entry>",
        `    <id>tag:${escapeXml(host)},2026:fact-checks/${escapeXml(e.slug)}/v/${e.number}</id>`,
        `    <title>${escapeXml(title)}</title>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
        `    <link rel="related" type="text/html" href="${escapeXml(base + factCheckPath(e.slug))}"/>`,
        `    <published>${e.publishedAt}</published>`,
        `    <updated>${e.publishedAt}</updated>`,
        `    <summary>${escapeXml(summary)}</summary>`,
        "  </entry>",
      ].join("\n");
    });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(base)}/fact-checks</id>`,
    `  <title>${escapeXml(publisher.name)}: published fact-checks</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(base)}/fact-checks.atom"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(base)}/fact-checks"/>`,
    `  <author><name>${escapeXml(publisher.name)}</name></author>`,
    `  <updated>${updated}</updated>`,
    ...items,
    "</feed>",
    "",
  ].join("\n");
}
