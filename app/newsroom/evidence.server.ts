import { db, type Tx } from "../db/client.server";
import { archiveUrlFor, fetchPage } from "../importing/import.server";
import type { CurrentUser } from "../auth/session.server";
import { audit } from "../utils/audit.server";
import { UserError } from "../utils/errors";
import { withdrawApproval } from "./approval";
import type { EvidenceInput } from "./schemas";

/**
 * Evidence changes the basis of a verdict, so each change counts as an edit of the claim:
 * the editor becomes its last editor and an approval is withdrawn.
 */
async function touchClaim(tx: Tx, claimId: number, actor: CurrentUser) {
  const claim = await tx.claim.findUnique({ where: { id: claimId } });
  if (!claim) throw new UserError("That claim no longer exists; it may have been merged or removed.", 404);
  await tx.claim.update({
    where: { id: claimId },
    data: {
      lastEditorId: actor.id,
      version: { increment: 1 },
      ...withdrawApproval(claim),
    },
  });
  return claim;
}

export async function addEvidence(claimId: number, input: EvidenceInput, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await touchClaim(tx, claimId, actor);
    const evidence = await tx.evidence.create({ data: { ...input, claimId, addedById: actor.id } });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "evidence",
      entityId: evidence.id,
      action: "added",
      after: input,
    });
    return evidence;
  });
}

/** Changes the fields given (the form sends all of them, the API those it changes). */
export async function updateEvidence(evidenceId: number, input: Partial<EvidenceInput>, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const before = await tx.evidence.findUnique({ where: { id: evidenceId } });
    if (!before) throw new UserError("That evidence link no longer exists.", 404);
    const claim = await touchClaim(tx, before.claimId, actor);
    const after = await tx.evidence.update({ where: { id: evidenceId }, data: input });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "evidence",
      entityId: evidenceId,
      action: "edited",
      before,
      after,
    });
    return after;
  });
}

export async function removeEvidence(evidenceId: number, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const before = await tx.evidence.findUnique({ where: { id: evidenceId } });
    if (!before) throw new UserError("That evidence link was already removed.", 404);
    const claim = await touchClaim(tx, before.claimId, actor);
    await tx.evidence.delete({ where: { id: evidenceId } });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "evidence",
      entityId: evidenceId,
      action: "removed",
      before,
    });
    return before;
  });
}

/**
 * A new source's title, publisher, date and archive link, filled in from the page itself; what
 * the editor already typed wins. Saves nothing. A page that cannot be fetched is a FetchRefused.
 */
export async function lookUpSource(
  url: string,
  given: Record<string, string>,
): Promise<Record<string, string>> {
  const page = await fetchPage(url);
  return {
    ...given,
    title: given.title || page.title,
    publisher: given.publisher || page.outlet,
    publishedOn: given.publishedOn || page.originalDate,
    archiveUrl: given.archiveUrl || archiveUrlFor(url),
  };
}
