import { z } from "zod";
import { project } from "../claims/projection";
import {
  CHANGE_KIND_WORDS,
  CHANGE_KINDS,
  STANCE_LABELS,
  VERDICT_KEYS,
  VERDICTS,
  verdictLabel,
} from "../newsroom/verdicts";
import { creditLine } from "./credit";
import { rationaleMarkdown } from "./rationale-markdown";
import { claimPermalink, factCheckPath, versionPath, type Publisher } from "./links";
import {
  PublishedFigureSchema,
  PublishedReferenceCheckSchema,
  type PublicationEntry,
  type Snapshot,
} from "./snapshot";
import { xmlSafe, xmlSafeJson } from "./xml-safe";

/**
 * The JSON export, schema "claimdesk.export/1" (documented in docs/export-json.md). Additive
 * changes keep the version; anything that breaks a reader bumps it.
 */
export const EXPORT_SCHEMA = "claimdesk.export/1";

export const ExportSchema = z.object({
  schema: z.literal(EXPORT_SCHEMA),
  url: z.url(),
  version: z.number().int().min(1),
  publishedAt: z.iso.datetime(),
  publisher: z.object({ name: z.string(), url: z.url() }),
  article: z.object({
    title: z.string(),
    outlet: z.string(),
    author: z.string(),
    url: z.string(),
    originalDate: z.string(),
    markdown: z.string(),
    text: z.string(),
  }),
  claims: z.array(
    z.object({
      number: z.number().int().min(1),
      permalink: z.url(),
      quote: z.string(),
      selector: z.object({
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        prefix: z.string(),
        suffix: z.string(),
      }),
      verdict: z.object({
        key: z.enum(VERDICT_KEYS),
        label: z.string(),
        ratingValue: z.number().int().nullable(),
      }),
      rationale: z.string(),
      checkedBy: z.string(),
      approvedBy: z.string(),
      approvedAt: z.iso.datetime(),
      claimant: z
        .object({ name: z.string(), type: z.enum(["person", "organization"]).nullable() })
        .nullable(),
      claimDate: z.string(),
      appearances: z.array(z.url()),
      evidence: z.array(
        z.object({
          url: z.url(),
          title: z.string(),
          publisher: z.string(),
          publishedOn: z.string(),
          stance: z.enum(["supports", "refutes", "context"]),
          note: z.string(),
          excerpt: z.string(),
          archiveUrl: z.string(),
        }),
      ),
      figures: z.array(PublishedFigureSchema),
      referenceChecks: z.array(PublishedReferenceCheckSchema),
    }),
  ),
  firstPublished: z.object({
    publishedAt: z.iso.datetime(),
    note: z.string(),
    url: z.url(),
  }),
  corrections: z.array(
    z.object({
      version: z.number().int().min(2),
      kind: z.enum(CHANGE_KINDS),
      publishedAt: z.iso.datetime(),
      note: z.string(),
      url: z.url(),
    }),
  ),
});
export type FactCheckExport = z.infer<typeof ExportSchema>;

export function exportJson(
  snapshot: Snapshot,
  history: PublicationEntry[],
  publisher: Publisher,
): FactCheckExport {
  const { article } = snapshot;
  return xmlSafeJson(
    ExportSchema.parse({
      schema: EXPORT_SCHEMA,
      url: `${publisher.baseUrl}${versionPath(article.slug, snapshot.number)}`,
      version: snapshot.number,
      publishedAt: snapshot.publishedAt,
      publisher: { name: publisher.name, url: publisher.baseUrl + "/" },
      article: {
        title: article.title,
        outlet: article.outlet,
        author: article.author,
        url: article.sourceUrl,
        originalDate: article.originalDate,
        markdown: article.markdown,
        text: project(article.markdown).text,
      },
      claims: snapshot.claims.map((c) => ({
        number: c.number,
        permalink: claimPermalink(publisher.baseUrl, snapshot, c.number),
        quote: c.quote,
        selector: { start: c.start, end: c.end, prefix: c.prefix, suffix: c.suffix },
        verdict: {
          key: c.verdict,
          label: verdictLabel(c.verdict),
          ratingValue: VERDICTS.find((v) => v.key === c.verdict)!.rating,
        },
        rationale: c.rationale,
        checkedBy: c.checkedBy,
        approvedBy: c.approvedBy,
        approvedAt: c.approvedAt,
        claimant: c.claimant ? { name: c.claimant, type: c.claimantType || null } : null,
        claimDate: c.claimDate,
        appearances: c.appearances,
        evidence: c.evidence,
        figures: c.figures,
        referenceChecks: c.referenceChecks,
      })),
      firstPublished: firstPublished(snapshot, history, publisher),
      corrections: history
        .filter((h) => h.number > 1 && h.number <= snapshot.number)
        .map((h) => ({
          version: h.number,
          kind: h.changeKind,
          publishedAt: h.publishedAt,
          note: h.changeNote,
          url: `${publisher.baseUrl}${versionPath(article.slug, h.number)}`,
        })),
    }),
  );
}

/** Version 1 as the history records it: when, and its optional note (later ones are corrections). */
function firstPublished(snapshot: Snapshot, history: PublicationEntry[], publisher: Publisher) {
  const first = history.find((h) => h.number === 1) ?? snapshot;
  return {
    publishedAt: first.publishedAt,
    note: first.changeNote,
    url: `${publisher.baseUrl}${versionPath(snapshot.article.slug, 1)}`,
  };
}

/** Escapes text so that markdown shows it as written. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, "\\$&")
    .replace(/^(\s*)(\d+)\./gm, "$1$2\\.")
    .replace(/^(\s*)-/gm, "$1\\-");
}

/** An address between angle brackets, which a `<`, `>` or space inside it would end early. */
const bracketed = (url: string) => `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;

/**
 * The annotated article as Markdown: its text with each checked claim in bold followed by a
 * footnote reference, and a footnote per claim with the verdict, rationale and sources.
 */
export function exportMarkdown(
  snapshot: Snapshot,
  history: PublicationEntry[],
  publisher: Publisher,
): string {
  const { article } = snapshot;
  const text = project(article.markdown).text;
  const claims = [...snapshot.claims].sort((a, b) => a.start - b.start || a.end - b.end);
  let body = "";
  let at = 0;
  for (const claim of claims) {
    if (claim.start < at) continue; // overlapping claims: the footnote still lists it
    body += escapeMarkdown(text.slice(at, claim.start));
    body += `**${escapeMarkdown(text.slice(claim.start, claim.end)).replace(/\n+/g, " ")}**[^${claim.number}]`;
    at = claim.end;
  }
  body += escapeMarkdown(text.slice(at));
  const url = `${publisher.baseUrl}${versionPath(article.slug, snapshot.number)}`;
  const lines = [
    `# Fact-check: ${escapeMarkdown(article.title)}`,
    "",
    [article.outlet, article.author && `by ${article.author}`, article.originalDate]
      .filter(Boolean)
      .map(escapeMarkdown)
      .join(" · ") + (article.sourceUrl ? ` · ${bracketed(article.sourceUrl)}` : ""),
    "",
    `${escapeMarkdown(creditLine(snapshot.claims))}, for ${escapeMarkdown(publisher.name)}: version ${snapshot.number}, published ${snapshot.publishedAt.slice(0, 10)}. ${claims.length} ${claims.length === 1 ? "claim" : "claims"} checked. Online: <${url}>`,
    "",
    // Version 1's note stands beside its version line, as on the page; later ones end the log.
    ...(snapshot.number === 1 && snapshot.changeNote
      ? [`Note: ${escapeMarkdown(snapshot.changeNote).replace(/\s*\n\s*/g, " ")}`, ""]
      : []),
    "---",
    "",
    body.replace(/\n{2,}/g, "\n\n"),
    "",
  ];
  const corrections = history.filter((h) => h.number > 1 && h.number <= snapshot.number);
  if (corrections.length > 0) {
    lines.push("## Corrections and updates", "");
    for (const h of corrections)
      lines.push(
        `- Version ${h.number}, ${CHANGE_KIND_WORDS[h.changeKind].done} ${h.publishedAt.slice(0, 10)}: ${escapeMarkdown(h.changeNote)}`,
      );
    // As on the page: the log ends with version 1, and its note when it has one.
    const first = firstPublished(snapshot, history, publisher);
    lines.push(
      `- Version 1, first published ${first.publishedAt.slice(0, 10)}${first.note ? `: ${escapeMarkdown(first.note)}` : "."}`,
      "",
    );
  }
  for (const claim of snapshot.claims) {
    const sources = claim.evidence.map(
      (e) =>
        `    - ${STANCE_LABELS[e.stance]}: [${escapeMarkdown(e.title || e.publisher || e.url)}](${bracketed(e.url)})${e.title && e.publisher ? `, ${escapeMarkdown(e.publisher)}` : ""}${e.publishedOn ? `, ${e.publishedOn}` : ""}${e.note ? `. ${escapeMarkdown(e.note)}` : ""}`,
    );
    lines.push(
      `[^${claim.number}]: **${verdictLabel(claim.verdict)}.** ${rationaleMarkdown(claim.rationale)}`,
      ...(sources.length ? ["", "    Sources:", "", ...sources] : []),
      "",
    );
  }
  lines.push(
    `Methodology: <${publisher.baseUrl}/methodology> · Latest version: <${publisher.baseUrl}${factCheckPath(article.slug)}>`,
    "",
  );
  return xmlSafe(lines.join("\n"));
}
