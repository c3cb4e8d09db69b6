import { can } from "../auth/roles";
import type { CurrentUser } from "../auth/session.server";
import { listDeskMembers } from "../auth/users.server";
import { NotFoundError } from "../utils/errors";
import { loadArticle, MAX_PROPOSALS } from "./articles.server";
import { loadClaim, parseReasons } from "./claims.server";
import { claimNumbers } from "./history";
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
  const numbers = claimNumbers(article.claims);
  return {
    claim: { ...rest, number: numbers.get(claim.id)!, reasons: parseReasons(claim.reasons) },
    article: { id: article.id, title: article.title },
    siblings: article.claims
      .filter((c) => c.id !== claim.id && c.status !== "dismissed")
      .map((c) => ({ ...c, number: numbers.get(c.id)! })),
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

/**
 * Everything the article page shows: the article (its markdown apart, for rendering), its claims
 * in reading order, the desk's members and what this user may do. `proposalLimit` is set when
 * Claimdesk proposed as many claims as it ever does for one article.
 */
export async function articleWorkbench(articleId: number, user: CurrentUser) {
  const { article } = await loadArticle(articleId);
  const { markdown, ...rest } = article;
  const proposed = article.claims.filter((c) => c.origin === "machine").length;
  const numbers = claimNumbers(article.claims);
  return {
    article: rest,
    markdown,
    claims: article.claims.map((c) => ({
      ...c,
      number: numbers.get(c.id)!,
      reasons: parseReasons(c.reasons),
    })),
    members: await listDeskMembers(),
    canEdit: can(user.role, "edit"),
    canPublish: can(user.role, "publish"),
    proposalLimit: proposed >= MAX_PROPOSALS ? MAX_PROPOSALS : null,
  };
}
