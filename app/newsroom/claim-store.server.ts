/**
 * What every change to a claim shares: finding it inside a transaction, saving it against the
 * version its editor read (a ConflictError otherwise), and the audit event that records it.
 */
import { scoreSpans } from "../claims/detect";
import { type Projection } from "../claims/projection";
import type { Span } from "../claims/segment";
import { type Tx } from "../db/client.server";
import type { CurrentUser } from "../auth/session.server";
import { Prisma, type Claim } from "../generated/prisma/client";
import { audit } from "../utils/audit.server";
import { ConflictError, NotFoundError, UserError } from "../utils/errors";
import { withdrawApproval } from "./approval";

export type ClaimChange = Partial<Omit<Claim, "id" | "articleId" | "createdAt" | "updatedAt" | "version">>;

export function reviewable(claim: Claim) {
  const {
    start,
    end,
    quote,
    status,
    verdict,
    rationale,
    lastEditorId,
    approvedById,
    assigneeId,
    reviewNote,
    claimant,
    claimantType,
    claimDate,
    appearances,
  } = claim;
  return {
    start,
    end,
    quote,
    status,
    verdict,
    rationale,
    lastEditorId,
    approvedById,
    assigneeId,
    reviewNote,
    claimant,
    claimantType,
    claimDate,
    appearances,
  };
}

const GONE = "That claim no longer exists; it may have been merged or removed.";

export async function findClaim(tx: Tx, id: number) {
  const claim = await tx.claim.findUnique({ where: { id }, include: { article: true } });
  if (!claim) throw new UserError(GONE, 404);
  return claim;
}

/** The claim alone, for changes that do not need its article's text. */
export async function findClaimOnly(tx: Tx, id: number) {
  const claim = await tx.claim.findUnique({ where: { id } });
  if (!claim) throw new UserError(GONE, 404);
  return claim;
}

/** No row matched (the client turns Prisma's P2025 into a NotFoundError). */
const isNotFound = (error: unknown) =>
  error instanceof NotFoundError ||
  (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025");

/**
 * Writes a change only if the claim is still at `version` (by default, the version just read);
 * otherwise someone else saved first and the caller gets a ConflictError describing what changed.
 * Records the audit event.
 */
export async function saveClaim(
  tx: Tx,
  claim: Claim,
  version: number | undefined = claim.version,
  change: ClaimChange,
  actor: CurrentUser,
  action: string,
) {
  // One statement: the update applies only at `version` and returns the saved row.
  const updated = await tx.claim
    .update({ where: { id: claim.id, version }, data: { ...change, version: { increment: 1 } } })
    .catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
      throw staleVersion(claim, version);
    });
  await audit(tx, {
    actorId: actor.id,
    articleId: claim.articleId,
    entityType: "claim",
    entityId: claim.id,
    action,
    before: reviewable(claim),
    after: reviewable(updated),
  });
  return updated;
}

export function staleVersion(claim: Claim, version: number): ConflictError {
  return new ConflictError(
    `Someone else saved this claim while you were editing it (it is now at version ${claim.version}, yours was version ${version}). ` +
      "Nothing was saved and your input is kept: review their version and save again.",
    claim,
  );
}

/** An editor's change to what is being checked invalidates an approval. */
export function editedBy(claim: Claim, actor: CurrentUser): ClaimChange {
  return { lastEditorId: actor.id, ...withdrawApproval(claim) };
}

/** An editor's claim scored like a proposal, in the article's language. */
export function reasonsFor(
  { text, blocks }: Projection,
  span: Span,
  language: string,
): { score: number; reasons: string } {
  const [scored] = scoreSpans(text, blocks, [span], language);
  return { score: scored!.score, reasons: JSON.stringify(["Added by an editor.", ...scored!.reasons]) };
}
