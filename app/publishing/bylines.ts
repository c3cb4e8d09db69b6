import { formatDate, formatPartialDate } from "../ui/components";
import type { PublicationEntry, Snapshot } from "./snapshot";

/**
 * The two dates at the head of a fact-check, worded so a reader cannot take one for the other:
 * the article's own publication ("Article by Tess Writer in Test Wire, published 27 November
 * 2026") and the fact-check's ("Fact-check version 1, published 30 November 2026").
 */

/** The article's byline and date, or "" when the desk recorded none of them. */
export function articleLine(
  article: Pick<Snapshot["article"], "author" | "outlet" | "originalDate">,
): string {
  const who = [article.author && `by ${article.author}`, article.outlet && `in ${article.outlet}`]
    .filter(Boolean)
    .join(" ");
  const when = article.originalDate ? `published ${formatPartialDate(article.originalDate)}` : "";
  if (!who && !when) return "";
  return [`Article${who ? ` ${who}` : ""}`, when].filter(Boolean).join(", ");
}

/** "Fact-check version 2, published 30 November 2026". */
export const versionLine = (version: Pick<PublicationEntry, "number" | "publishedAt">) =>
  `Fact-check version ${version.number}, published ${formatDate(version.publishedAt)}`;
