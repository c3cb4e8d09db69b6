import { Form, Link } from "react-router";
import {
  assigneeName,
  CheckWorthyReasons,
  FormMessage,
  formatDate,
  StatusBadge,
  VerdictBadge,
} from "./components";
import type { FormState } from "./form-state";
import { CONTEXT_LENGTH } from "../claims/anchor";
import { contextAround } from "../utils/words";
import { SavedNotice } from "./SavedNotice";

export interface ClaimSummary {
  id: number;
  /** Its place in the article, 1..n in reading order (the id stays in addresses). */
  number: number;
  quote: string;
  prefix: string;
  suffix: string;
  status: string;
  verdict: string | null;
  score: number;
  origin: string;
  approvedAt: string | Date | null;
  assigneeId: number | null;
  reviewNote: string;
  reasons: string[];
  orphanedAt?: string | Date | null;
  /** On the claim page; the article's list of claims leaves these out. */
  rationale?: string;
  /** Who wrote the review note. */
  sentBackBy?: string | null;
}

/**
 * The top of the claim page: where it is, what was just saved where the page opens at the top
 * (from the redirect after a save; SavedNotice.tsx), its quote in context, status, who edited and approved it, and who is assigned.
 */
export function ClaimHeader({
  claim,
  article,
  lastEditor,
  approvedBy,
  members,
  canEdit,
  assignState,
}: {
  claim: ClaimSummary;
  article: { id: number; title: string };
  lastEditor: string | null;
  approvedBy: string | null;
  members: Array<{ id: number; name: string }>;
  canEdit: boolean;
  assignState: FormState | null;
}) {
  const sentBackBy = claim.sentBackBy ?? null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › <Link to={`/articles/${article.id}`}>{article.title}</Link> ›
        Claim {claim.number}
      </p>
      <SavedNotice section="top" />
      <h1 className="claim-title">“{claim.quote}”</h1>
      <p className="meta">
        <StatusBadge status={claim.status} /> <VerdictBadge verdict={claim.verdict} /> · score{" "}
        {claim.score.toFixed(2)} ·
        {claim.origin === "machine" ? " proposed by Claimdesk" : " added by an editor"}
        {lastEditor ? ` · last edited by ${lastEditor}` : ""}
        {approvedBy && claim.approvedAt
          ? ` · approved by ${approvedBy}, ${formatDate(claim.approvedAt)}`
          : ""}
      </p>
      {canEdit ? (
        <Form method="post" className="row-form assign-form">
          <FormMessage error={assignState?.error} focusOn={assignState} />
          <label htmlFor="assigneeId">Assigned to</label>
          <select id="assigneeId" name="assigneeId" defaultValue={claim.assigneeId ?? ""}>
            <option value="">Nobody</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="assign" className="button button--secondary">
            Assign
          </button>
        </Form>
      ) : (
        <p className="meta">Assigned to {assigneeName(members, claim.assigneeId)}.</p>
      )}
      {claim.reviewNote && claim.status !== "approved" ? (
        <div className="review-note" role="note">
          <strong>
            {claim.status === "needs-review"
              ? `Sent back earlier${sentBackBy ? ` by ${sentBackBy}` : ""}, now resubmitted:`
              : `Sent back by ${sentBackBy ?? "the reviewer"}:`}
          </strong>{" "}
          {claim.reviewNote}
        </div>
      ) : null}
      {claim.orphanedAt ? null : <ClaimInContext claim={claim} />}
      <CheckWorthyReasons reasons={claim.reasons} />
    </>
  );
}

/** The quote between the words around it, cut at whole words (claims store 32 characters each side). */
function ClaimInContext({ claim }: { claim: Pick<ClaimSummary, "prefix" | "quote" | "suffix"> }) {
  const { before, after } = contextAround(claim.prefix, claim.suffix, CONTEXT_LENGTH);
  return (
    <p className="context">
      <span className="context__around">{before}</span>
      <mark>{claim.quote}</mark>
      <span className="context__around">{after}</span>
    </p>
  );
}
