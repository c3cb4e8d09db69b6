/** The second person: approving a verdict and sending it back, and who may approve (the two-person rule). */
import { z } from "zod";
import { readStoredJson } from "../utils/json";
import { db, type Tx } from "../db/client.server";
import type { CurrentUser } from "../auth/session.server";
import { type Claim } from "../generated/prisma/client";
import { UserError } from "../utils/errors";
import { NO_APPROVAL } from "./approval";
import { findClaim, saveClaim, staleVersion } from "./claim-store.server";

/**
 * The two-person rule: a reviewer who did not write the verdict and rationale approves them.
 * Other edits (evidence, boundaries) do not change who wrote the verdict. Approves the verdict
 * as of `version` (or, when the caller read none, as it is now).
 */
export async function approveClaim(claimId: number, version: number | undefined, reviewer: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    // A stale read is answered first, so the client can show what changed before anything else.
    if (version !== undefined && version !== claim.version) throw staleVersion(claim, version);
    if (!claim.verdict || claim.rationale.trim() === "") {
      throw new UserError("A claim needs a verdict and a written rationale before it can be approved.");
    }
    if (claim.orphanedAt) {
      throw new UserError(
        "This claim lost its place when the article changed; place it again (claim boundaries) before approving it.",
      );
    }
    if ((await verdictAuthors(tx, claim)).has(reviewer.id)) {
      throw new UserError(
        "You wrote this verdict and rationale; a second person must approve them (two-person rule).",
        403,
      );
    }
    if (claim.status === "approved") throw new UserError("This claim is already approved.");
    return saveClaim(
      tx,
      claim,
      version,
      { status: "approved", approvedById: reviewer.id, approvedAt: new Date(), reviewNote: "" },
      reviewer,
      "approved",
    );
  });
}

/** The other half of review: the verdict goes back to its editor with the reviewer's reason. */
export async function sendBackClaim(
  claimId: number,
  version: number | undefined,
  comment: string,
  reviewer: CurrentUser,
) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    // A stale read is answered first, so the client can show what changed before anything else.
    if (version !== undefined && version !== claim.version) throw staleVersion(claim, version);
    if (claim.status !== "needs-review" && claim.status !== "approved") {
      throw new UserError("Only a claim that is waiting for review (or approved) can be sent back.");
    }
    return saveClaim(
      tx,
      claim,
      version,
      { status: "researching", reviewNote: comment, ...NO_APPROVAL },
      reviewer,
      "sent-back",
    );
  });
}

const Judgement = z.object({ verdict: z.unknown(), rationale: z.unknown() }).partial();

/** The parts of a claim a "reviewed" audit event records before and after (see `reviewable`). */
const judgementOf = (recorded: string | null) => readStoredJson(Judgement, recorded, {});

/**
 * Everyone who wrote any part of the verdict or rationale now waiting for approval: its author,
 * and whoever changed either since the claim was last approved. One person's full stop in the
 * rationale must not turn the verdict's real author into "a second person".
 */
export async function verdictAuthors(
  client: Pick<Tx, "auditEvent">,
  claim: Pick<Claim, "id" | "verdictById">,
): Promise<Set<number>> {
  const where = { entityType: "claim", entityId: claim.id };
  const lastApproval = await client.auditEvent.findFirst({
    where: { ...where, action: "approved" },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const changes = await client.auditEvent.findMany({
    where: { ...where, action: "reviewed", id: { gt: lastApproval?.id ?? 0 } },
    select: { actorId: true, before: true, after: true },
  });
  const authors = new Set<number>(claim.verdictById === null ? [] : [claim.verdictById]);
  for (const change of changes) {
    const before = judgementOf(change.before);
    const after = judgementOf(change.after);
    if (change.actorId !== null && (before.verdict !== after.verdict || before.rationale !== after.rationale))
      authors.add(change.actorId);
  }
  return authors;
}
