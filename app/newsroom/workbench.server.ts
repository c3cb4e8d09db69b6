import { can } from "../auth/roles";
import type { CurrentUser } from "../auth/session.server";
import { listDeskMembers } from "../auth/users.server";
import { NotFoundError } from "../utils/errors";
import { loadClaim, parseReasons } from "./claims.server";
import { history } from "./history.server";

/**
 * Everything the claim page shows, and what this user may do on it. The two-person rule decides
 * `canApprove`: whoever wrote part of the verdict or rationale since the last approval may not.
 */
export async function claimWorkbench(articleId: number, claimId: number, user: CurrentUser) {
  const { claim, lastEditor, approvedBy, verdictAuthorIds } = await loadClaim(claimId);
  if (claim.articleId !== articleId) throw new NotFoundError("That claim belongs to another article.");
  const { article, ...rest } = claim;
  const isVerdictAuthor = verdictAuthorIds.includes(user.id);
  return {
    claim: { ...rest, reasons: parseReasons(claim.reasons) },
    article: { id: article.id, title: article.title },
    siblings: article.claims.filter((c) => c.id !== claim.id && c.status !== "dismissed"),
    lastEditor,
    approvedBy,
    canEdit: can(user.role, "edit"),
    canApprove: can(user.role, "approve") && !isVerdictAuthor,
    canReview: can(user.role, "approve"),
    members: await listDeskMembers(),
    isLastEditor: isVerdictAuthor,
    history: await history({ articleId, claimId: claim.id }),
  };
}
