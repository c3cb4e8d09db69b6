import { z } from "zod";
import type { CurrentUser } from "../auth/session.server";
import { db } from "../db/client.server";
import { decideSuggestions } from "../matching/decisions.server";
import { httpError } from "../utils/http.server";
import { UserError } from "../utils/errors";
import { assignClaim, reviewClaim, setClaimStatus } from "../newsroom/claims.server";
import { AssignSchema } from "../newsroom/schemas";
import { STATUS_LABELS } from "../newsroom/verdicts";

/** Most claims one bulk step covers: each is changed (and audited) on its own, so a request stays bounded. */
export const BULK_LIMIT = 200;

/**
 * What the desk's bulk form does with every selected claim: its "checked before?" suggestions
 * ("same": confirm the likely same earlier claim; "dismissed": dismiss them all), or the claim
 * itself: dismiss, restore, assign, or set its status.
 */
export const BULK_OPERATIONS = [
  "same",
  "dismissed",
  "dismiss",
  "restore",
  "assign",
  "status-candidate",
  "status-researching",
  "status-needs-review",
] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

export const BulkSchema = z
  .object({
    claimIds: z
      .array(z.coerce.number().int().min(1))
      .min(1, "Select at least one claim.")
      .max(BULK_LIMIT, `Select at most ${BULK_LIMIT} claims at a time.`),
    operation: z.enum(BULK_OPERATIONS, { error: "Choose what to do with the selected claims." }),
    assigneeId: AssignSchema.shape.assigneeId.optional(),
  })
  .refine((bulk) => bulk.operation !== "assign" || bulk.assigneeId !== undefined, {
    message: "Choose whom to assign the selected claims to.",
    path: ["assigneeId"],
  });
export type BulkInput = z.infer<typeof BulkSchema>;

/** What happened to one selected claim: done (with how many match decisions), or refused and why. */
export type BulkOutcome = { claimId: number; decided: number } | { claimId: number; refused: string };

const SET_STATUS = {
  "status-candidate": "candidate",
  "status-researching": "researching",
  "status-needs-review": "needs-review",
} as const;

/** One claim's change, as if made on its own page (audited the same way). Returns match decisions made. */
async function applyTo(claimId: number, bulk: BulkInput, actor: CurrentUser): Promise<number> {
  if (bulk.operation === "same" || bulk.operation === "dismissed")
    return decideSuggestions(claimId, bulk.operation, actor);
  if (bulk.operation === "assign") {
    await assignClaim(claimId, bulk.assigneeId ?? null, actor);
    return 0;
  }
  const claim = await db().claim.findUnique({ where: { id: claimId } });
  if (!claim) throw new UserError("That claim no longer exists; it may have been merged or removed.", 404);
  if (bulk.operation === "dismiss") {
    if (claim.status === "dismissed") throw new UserError("It is dismissed already.");
    if (claim.status === "approved")
      throw new UserError("It is approved; send it back before dismissing it.");
    await setClaimStatus(claimId, claim.version, "dismissed", actor);
  } else if (bulk.operation === "restore") {
    if (claim.status !== "dismissed") throw new UserError("It is not dismissed.");
    await setClaimStatus(claimId, claim.version, "candidate", actor);
  } else {
    const status = SET_STATUS[bulk.operation];
    if (claim.status === status) throw new UserError(`It is ${STATUS_LABELS[status].toLowerCase()} already.`);
    if (claim.status === "dismissed") throw new UserError("It is dismissed; restore it first.");
    if (claim.status === "approved")
      throw new UserError("It is approved; a reviewer sends it back to change it.");
    const judgement = { verdict: claim.verdict ?? "", rationale: claim.rationale };
    await reviewClaim(claimId, { version: claim.version, ...judgement, status }, actor);
  }
  return 0;
}

/**
 * Applies one operation to each selected claim in turn, each in its own transaction and audited
 * like the same change on the claim's page. A claim the operation does not fit (already dismissed,
 * gone, approved) is refused with its reason, and the others still go ahead.
 */
export async function applyInBulk(bulk: BulkInput, actor: CurrentUser): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const claimId of new Set(bulk.claimIds)) {
    try {
      outcomes.push({ claimId, decided: await applyTo(claimId, bulk, actor) });
    } catch (error) {
      const answer = httpError(error);
      if (!answer) throw error;
      outcomes.push({ claimId, refused: answer.message });
    }
  }
  return outcomes;
}

const claims = (n: number) => `${n} ${n === 1 ? "claim" : "claims"}`;

/** The sentence that says what a bulk step did (refusals are listed beside it). */
export function bulkNotice(bulk: BulkInput, outcomes: BulkOutcome[], assigneeName: string | null): string {
  const done = outcomes.filter((o) => "decided" in o);
  const refused = outcomes.length - done.length;
  const tail = refused ? ` ${claims(refused)} refused (below).` : "";
  if (bulk.operation === "same" || bulk.operation === "dismissed") {
    const decided = done.reduce((sum, o) => sum + ("decided" in o ? o.decided : 0), 0);
    return `${decided} ${decided === 1 ? "decision" : "decisions"} recorded for ${claims(done.length)}.${tail}`;
  }
  return `${claims(done.length)} ${doneTo(bulk.operation, assigneeName)}.${tail}`;
}

/** What a claim operation did to each claim it was done to. */
function doneTo(operation: Exclude<BulkOperation, "same" | "dismissed">, assigneeName: string | null) {
  switch (operation) {
    case "dismiss":
      return "dismissed";
    case "restore":
      return "restored";
    case "assign":
      return assigneeName ? `assigned to ${assigneeName}` : "unassigned";
    default:
      return `set to ${STATUS_LABELS[SET_STATUS[operation]]}`;
  }
}

/** The desk's answer to a bulk step: what was done, and each refused claim with its reason. */
export interface BulkAnswer {
  ok: true;
  intent: "bulk";
  values: Record<string, string>;
  notice: string;
  refused: Array<{ claimId: number; reason: string }>;
}

/** Runs the desk's bulk form: parsed, applied claim by claim, and said in a sentence. */
export async function bulkFromDesk(bulk: BulkInput, actor: CurrentUser): Promise<BulkAnswer> {
  const outcomes = await applyInBulk(bulk, actor);
  const assignee =
    bulk.operation === "assign" && bulk.assigneeId
      ? await db().user.findUnique({ where: { id: bulk.assigneeId }, select: { name: true } })
      : null;
  return {
    ok: true,
    intent: "bulk",
    values: {},
    notice: bulkNotice(bulk, outcomes, assignee?.name ?? null),
    refused: outcomes.flatMap((o) => ("refused" in o ? [{ claimId: o.claimId, reason: o.refused }] : [])),
  };
}
