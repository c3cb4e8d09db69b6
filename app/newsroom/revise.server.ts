import { MAX_PROPOSALS, strongestClaims } from "./articles.server";
import { extractClaims, placeClaims } from "./extraction.server";
import { isLanguageCode, languageName, type LanguageCode } from "../claims/language";
import { parser } from "../importing/parser.server";
import { db } from "../db/client.server";
import { LARGE_WRITE } from "../db/write-lock";
import { fetchPage } from "../importing/import.server";
import { FetchRefused } from "../importing/safe-fetch.server";
import type { CurrentUser } from "../auth/session.server";
import { audit } from "../utils/audit.server";
import { ConflictError, UserError } from "../utils/errors";
import { withdrawApproval } from "./approval";
import { claimSpan } from "./claim-span";

export interface Revision {
  exact: number;
  moved: number;
  orphaned: number;
  proposed: number;
}

/** The revision's counts as a query value for the redirect after it, and back into a message. */
export const revisionParam = (r: Revision) => [r.exact, r.moved, r.orphaned, r.proposed].join(".");

export function revisionSummary(param: string | null, language?: string | null): string | null {
  const counts = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(param ?? "");
  if (!counts) return null;
  const [, exact, moved, orphaned, proposed] = counts;
  const what = isLanguageCode(language) ? `Language set to ${languageName(language)}.` : "Text updated.";
  return `${what} Claims: ${exact} unchanged, ${moved} followed an edit, ${orphaned} lost their place, ${proposed} new proposals.`;
}

/**
 * Replaces an article's text (a correction, or a re-import) and re-anchors every claim. A claim
 * whose words changed loses its approval; one that cannot be placed with confidence becomes an
 * orphan for the editor to place again. Passages that are new claims are proposed. Publications
 * are snapshots and do not change.
 */
export async function reviseArticle(
  articleId: number,
  input: { markdown: string; version: number; language?: LanguageCode },
  actor: CurrentUser | null,
): Promise<Revision> {
  const stored = await db().article.findUnique({ where: { id: articleId }, select: { language: true } });
  if (!stored) throw new UserError("There is no article with that number.", 404);
  // The language an editor set (or one detected before) holds; an undetermined one is detected again.
  const known = input.language ?? stored.language;
  const {
    projection,
    language,
    claims: proposals,
  } = await extractClaims(
    input.markdown,
    parser,
    isLanguageCode(known) && known !== "und" ? known : undefined,
  );
  if (projection.text.trim() === "")
    throw new UserError("The new text is empty once markdown is read; nothing was changed.");
  const text = projection.text;
  // Placed before the transaction, off the event loop, from the claims as they are now; the
  // transaction refuses the revision if any of them moved or changed meanwhile.
  const before = await db().claim.findMany({
    where: { articleId },
    select: { id: true, quote: true, prefix: true, suffix: true, start: true },
  });
  const placements = await placeClaims(text, before);
  const placementOf = new Map(before.map((claim, i) => [claim.id, { claim, placement: placements[i]! }]));
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, include: { claims: true } });
    if (!article) throw new UserError("There is no article with that number.", 404);
    const placedAsRead = (claim: (typeof article.claims)[number]) => {
      const read = placementOf.get(claim.id)?.claim;
      return (
        read !== undefined &&
        read.quote === claim.quote &&
        read.prefix === claim.prefix &&
        read.suffix === claim.suffix &&
        read.start === claim.start
      );
    };
    if (
      article.version !== input.version ||
      article.claims.length !== placementOf.size ||
      !article.claims.every(placedAsRead)
    ) {
      throw new ConflictError(
        "The article changed since you opened it (an edit, a new claim set or a publication). Reload it and apply your correction again.",
      );
    }
    const revision: Revision = { exact: 0, moved: 0, orphaned: 0, proposed: 0 };
    const placedSpans: Array<{ start: number; end: number }> = [];
    const now = new Date();
    for (const claim of article.claims) {
      const result = placementOf.get(claim.id)!.placement;
      const withdraw = withdrawApproval(claim);
      if (result.status === "placed") {
        const span = claimSpan(text, result);
        const changedWords = span.quote !== claim.quote;
        if (changedWords) revision.moved++;
        else revision.exact++;
        placedSpans.push(result);
        await tx.claim.update({
          where: { id: claim.id },
          data: {
            ...span,
            orphanedAt: null,
            orphanReason: "",
            version: { increment: 1 },
            ...(changedWords ? withdraw : {}),
          },
        });
      } else {
        revision.orphaned++;
        await tx.claim.update({
          where: { id: claim.id },
          data: {
            orphanedAt: claim.orphanedAt ?? now,
            orphanReason: result.reason,
            version: { increment: 1 },
            ...withdraw,
          },
        });
      }
    }
    const fresh = proposals.filter(
      (proposal) => !placedSpans.some((s) => proposal.start < s.end && s.start < proposal.end),
    );
    for (const proposal of strongestClaims(fresh, MAX_PROPOSALS - placedSpans.length)) {
      await tx.claim.create({
        data: {
          articleId,
          ...claimSpan(text, proposal),
          score: proposal.score,
          reasons: JSON.stringify(proposal.reasons),
        },
      });
      revision.proposed++;
    }
    await tx.article.update({
      where: { id: articleId },
      data: { markdown: input.markdown, language, version: { increment: 1 } },
    });
    const textChanged = input.markdown !== article.markdown;
    const languageChanged = language !== article.language;
    await audit(tx, {
      actorId: actor?.id ?? null,
      articleId,
      entityType: "article",
      entityId: articleId,
      action: textChanged || !languageChanged ? "revised" : "language-set",
      before: {
        ...(textChanged || !languageChanged ? { markdown: article.markdown } : {}),
        ...(languageChanged ? { language: article.language } : {}),
      },
      after: {
        ...(textChanged || !languageChanged ? { markdown: input.markdown } : {}),
        ...(languageChanged ? { language } : {}),
        ...revision,
      },
    });
    return revision;
  }, LARGE_WRITE);
}

/**
 * Sets the language an article is read in, as an editor corrected it: its text is split again in
 * that language, so its claims are re-anchored and passages now found check-worthy are proposed.
 */
export async function setArticleLanguage(
  articleId: number,
  input: { language: LanguageCode; version: number },
  actor: CurrentUser,
): Promise<Revision> {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { markdown: true } });
  if (!article) throw new UserError("There is no article with that number.", 404);
  return reviseArticle(articleId, { markdown: article.markdown, ...input }, actor);
}

/**
 * The article as it now reads at its original address: fetched again (with the same guard as
 * any import) and revised like a correction, so its claims are re-anchored. A page that cannot
 * be fetched or extracted changes nothing and says why.
 */
export async function reimportArticle(
  articleId: number,
  version: number,
  actor: CurrentUser,
): Promise<Revision> {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { sourceUrl: true } });
  if (!article) throw new UserError("There is no article with that number.", 404);
  if (!article.sourceUrl) throw new UserError("This article has no original URL to re-import from.");
  let markdown: string;
  try {
    markdown = (await fetchPage(article.sourceUrl)).markdown;
  } catch (error) {
    if (error instanceof FetchRefused) throw new UserError(`Re-import failed: ${error.message}`);
    throw error;
  }
  return reviseArticle(articleId, { markdown, version }, actor);
}
