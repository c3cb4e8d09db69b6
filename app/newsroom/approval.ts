/** A claim's approval cleared: sending back, dismissing or rewriting the verdict start without one. */
export const NO_APPROVAL = { approvedById: null, approvedAt: null } as const;

/**
 * What a change to an approved claim's basis (its words, its evidence, its boundaries) does to
 * the approval: it is withdrawn and the claim waits for review again. Nothing for other claims.
 */
export function withdrawApproval(claim: { status: string }) {
  return claim.status === "approved" ? { status: "needs-review", ...NO_APPROVAL } : {};
}
