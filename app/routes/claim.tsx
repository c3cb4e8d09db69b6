import { redirect } from "react-router";
import type { Route } from "./+types/claim";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { approveClaim, sendBackClaim } from "../newsroom/approval.server";
import { adjustClaim, mergeClaims, splitClaim } from "../newsroom/claim-boundaries.server";
import { assignClaim, attributeClaim, reviewClaim } from "../newsroom/claims.server";
import { oncePerSubmission } from "../db/submissions.server";
import { evidenceAction } from "../newsroom/evidence-form.server";
import { addComment, claimComments, CommentSchema } from "../comments/comments.server";
import { CommentsPanel } from "../comments/CommentsPanel";
import { claimWorkbench } from "../newsroom/workbench.server";
import {
  AdjustClaimSchema,
  AssignSchema,
  AttributionSchema,
  ClaimReviewSchema,
  fieldErrors,
  MergeClaimSchema,
  SendBackSchema,
  SplitClaimSchema,
  versionField,
} from "../newsroom/schemas";
import { renderMarkdown } from "../publishing/annotate";
import { ClaimBoundaries } from "../ui/ClaimBoundaries";
import { ClaimHeader } from "../ui/ClaimHeader";
import { ClaimVerdictPanel } from "../ui/ClaimVerdictPanel";
import { EvidencePanel } from "../ui/EvidencePanel";
import { stateOf } from "../ui/form-state";
import { HistoryList } from "../ui/HistoryList";
import { matchSaved, PageWithNotice, savedAnchor, savedNotice } from "../ui/SavedNotice";
import { revalidateOnConflict } from "../ui/revalidate";
import { MatchesPanel } from "../ui/MatchesPanel";
import { AttributionPanel } from "../ui/AttributionPanel";
import { OrphanNotice } from "../ui/OrphanNotice";
import { decideMatch, matchesOf } from "../matching/decisions.server";
import { MatchDecisionSchema } from "../matching/schemas";
import { publishedClaimLink, publishedEmbed } from "../publishing/publications.server";
import { ClaimEmbed } from "../ui/EmbedCode";
import { QuantitiesTable } from "../ui/QuantitiesTable";
import { claimFigures } from "../reference/reference.server";
import { ReferencePanel } from "../reference/ReferencePanel";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Claim ${loaderData?.claim.number ?? ""} of ${loaderData?.article.title ?? ""} · Claimdesk` },
];

export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, url, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "read-drafts");
  const articleId = parseId(params.id, "article");
  const page = await orErrorPage(claimWorkbench(articleId, parseId(params.claimId, "claim"), user));
  // Independent reads, sent together: on a database server their round trips overlap.
  const [matches, comments, embed, figures] = await Promise.all([
    matchesOf({ ...page.claim, articleTitle: page.article.title }),
    claimComments(page.claim.id),
    publishedEmbed(articleId, page.claim.id),
    claimFigures(page.claim.quote, page.article.language),
  ]);
  const notice = savedNotice(url, page.claim, matches),
    rationaleHtml = renderMarkdown(page.claim.rationale);
  return { ...page, matches, comments, embed, ...figures, rationaleHtml, notice };
}

export async function action({ request, url, params }: Route.ActionArgs) {
  const articleId = parseId(params.id, "article");
  const claimId = parseId(params.claimId, "claim");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  const user = await requirePermission(
    request,
    url,
    intent === "approve" || intent === "send-back" ? "approve" : "edit",
  );
  const here = `/articles/${articleId}/claims/${claimId}`;
  const invalid = (error: Parameters<typeof fieldErrors>[0]) =>
    failure(intent, values, "Nothing was saved. Check the highlighted fields.", 400, {
      fields: fieldErrors(error),
    });
  try {
    switch (intent) {
      case "review": {
        const parsed = ClaimReviewSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await reviewClaim(claimId, parsed.data, user);
        return redirect(`${here}?saved=review`);
      }
      case "approve": {
        const version = versionField.safeParse(values.version);
        if (!version.success) return failure(intent, values, version.error.issues[0]!.message);
        await approveClaim(claimId, version.data, user);
        return redirect(`${here}?saved=approve`);
      }
      case "send-back": {
        const parsed = SendBackSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await sendBackClaim(claimId, parsed.data.version, parsed.data.comment, user);
        return redirect(`${here}?saved=send-back`);
      }
      case "assign": {
        const parsed = AssignSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await assignClaim(claimId, parsed.data.assigneeId, user);
        return redirect(`${here}?saved=assign`);
      }
      case "attribution": {
        const parsed = AttributionSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        const { version, ...attribution } = parsed.data;
        await attributeClaim(claimId, version, attribution, user);
        return redirect(`${here}?saved=attribution${savedAnchor("attribution")}`);
      }
      case "adjust": {
        const parsed = AdjustClaimSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await adjustClaim(claimId, parsed.data.version, parsed.data.quote, user);
        return redirect(`${here}?saved=adjust`);
      }
      case "split": {
        const parsed = SplitClaimSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await splitClaim(claimId, parsed.data.version, parsed.data.splitBefore, user);
        return redirect(`/articles/${articleId}#claim-item-${claimId}`);
      }
      case "merge": {
        const parsed = MergeClaimSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await mergeClaims(claimId, parsed.data.version, parsed.data.otherId, user);
        return redirect(`${here}?saved=merge`);
      }
      case "match": {
        const parsed = MatchDecisionSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        return redirect(here + matchSaved(await decideMatch(claimId, parsed.data, user, publishedClaimLink)));
      }
      case "comment": {
        const parsed = CommentSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        return await oncePerSubmission(values, user.id, async () => {
          const { comment } = await addComment(claimId, parsed.data.body, user);
          return redirect(`${here}?saved=comment#comment-${comment.id}`);
        });
      }
      default:
        return (
          (await evidenceAction(intent, values, { claimId, here, user })) ??
          failure(intent, values, "That action is not known. Reload the page and try again.")
        );
    }
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

export default function ClaimPage({ loaderData, actionData }: Route.ComponentProps) {
  const { claim, siblings, canEdit, history: trail } = loaderData;
  const state = actionData ?? null;
  return (
    <PageWithNotice notice={actionData ? null : loaderData.notice}>
      <ClaimHeader
        claim={claim}
        article={loaderData.article}
        lastEditor={loaderData.lastEditor}
        approvedBy={loaderData.approvedBy}
        members={loaderData.members}
        canEdit={canEdit}
        assignState={stateOf(state, "assign")}
      />
      <OrphanNotice claim={claim} articleId={loaderData.article.id} canEdit={canEdit} state={state} />
      <div className="claim-layout">
        <ClaimVerdictPanel
          claim={claim}
          rationaleHtml={loaderData.rationaleHtml}
          canEdit={canEdit}
          canReview={loaderData.canReview}
          canApprove={loaderData.canApprove}
          isLastEditor={loaderData.isLastEditor}
          state={state}
        />
        <EvidencePanel evidence={claim.evidence} canEdit={canEdit} state={state} />
      </div>
      <QuantitiesTable
        quantities={loaderData.quantities}
        id="figures"
        headingLevel={2}
        className="panel"
        region
      />
      <ReferencePanel references={loaderData.references} canEdit={canEdit} />
      <AttributionPanel claim={claim} canEdit={canEdit} state={stateOf(state, "attribution")} />
      <MatchesPanel
        matches={loaderData.matches}
        claimVersion={claim.version}
        canEdit={canEdit}
        state={stateOf(state, "match")}
      />
      <ClaimEmbed embed={loaderData.embed} />
      <CommentsPanel comments={loaderData.comments} canComment={canEdit} state={stateOf(state, "comment")} />
      {canEdit && !claim.orphanedAt ? (
        <ClaimBoundaries claim={claim} siblings={siblings} state={state} />
      ) : null}
      <details className="panel history-panel">
        <summary>History of this claim ({trail.length})</summary>
        <HistoryList entries={trail} />
      </details>
    </PageWithNotice>
  );
}
