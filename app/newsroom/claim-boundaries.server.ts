/** Where a claim starts and ends: moving its boundaries, splitting one in two, merging two. */
import { locateQuote } from "../claims/anchor";
import { trimDanglingEdges } from "../claims/split-edges";
import { project } from "../claims/projection";
import { db } from "../db/client.server";
import type { CurrentUser } from "../auth/session.server";
import { audit } from "../utils/audit.server";
import { UserError } from "../utils/errors";
import { claimSpan } from "./claim-span";
import { editedBy, findClaim, reasonsFor, reviewable, saveClaim } from "./claim-store.server";

/** Moves a claim's boundaries to a new quote, looked for nearest the old position. */
export async function adjustClaim(claimId: number, version: number, quote: string, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const projection = project(claim.article.markdown);
    const { text } = projection;
    const span = locateQuote(text, quote, claim.start);
    if (!span)
      throw new UserError(
        "The new wording is not in the article. Edit the quote by trimming or extending it with the article's own words.",
      );
    return saveClaim(
      tx,
      claim,
      version,
      {
        ...claimSpan(text, span),
        ...reasonsFor(projection, span, claim.article.language),
        ...editedBy(claim, actor),
        orphanedAt: null,
        orphanReason: "",
      },
      actor,
      "adjusted",
    );
  });
}

/** Splits a claim into two where `splitBefore` begins inside its quote. Evidence stays with the first. */
export async function splitClaim(claimId: number, version: number, splitBefore: string, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const projection = project(claim.article.markdown);
    const { text } = projection;
    const at = claim.quote.indexOf(splitBefore, 1);
    if (at <= 0)
      throw new UserError("Type words from the middle of the claim: the second claim starts there.");
    const first = trimDanglingEdges(text, { start: claim.start, end: claim.start + at });
    const second = trimDanglingEdges(text, { start: claim.start + at, end: claim.end });
    if (first.end - first.start < 3 || second.end - second.start < 3)
      throw new UserError("Both parts need at least a few words.");
    const updated = await saveClaim(
      tx,
      claim,
      version,
      {
        ...claimSpan(text, first),
        ...reasonsFor(projection, first, claim.article.language),
        ...editedBy(claim, actor),
      },
      actor,
      "split",
    );
    const added = await tx.claim.create({
      data: {
        articleId: claim.articleId,
        ...claimSpan(text, second),
        ...reasonsFor(projection, second, claim.article.language),
        origin: "editor",
        status: claim.status === "candidate" ? "candidate" : "researching",
        lastEditorId: actor.id,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "claim",
      entityId: added.id,
      action: "split-off",
      after: reviewable(added),
    });
    return [updated, added] as const;
  });
}

/** Merges another claim of the same article into this one: one span covering both; evidence moves along. */
export async function mergeClaims(claimId: number, version: number, otherId: number, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const other = await tx.claim.findUnique({ where: { id: otherId } });
    if (!other || other.articleId !== claim.articleId || other.id === claim.id) {
      throw new UserError("Choose another claim of the same article to merge with.");
    }
    const projection = project(claim.article.markdown);
    const { text } = projection;
    const span = { start: Math.min(claim.start, other.start), end: Math.max(claim.end, other.end) };
    await tx.evidence.updateMany({ where: { claimId: other.id }, data: { claimId: claim.id } });
    await tx.claim.delete({ where: { id: other.id } });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "claim",
      entityId: other.id,
      action: "merged-into",
      before: reviewable(other),
      after: { mergedInto: claim.id },
    });
    return saveClaim(
      tx,
      claim,
      version,
      {
        ...claimSpan(text, span),
        ...reasonsFor(projection, span, claim.article.language),
        ...editedBy(claim, actor),
      },
      actor,
      "merged",
    );
  });
}
