import { Form, Link } from "react-router";
import { assigneeName, CheckWorthyReasons, StatusBadge, VerdictBadge } from "./components";
import { useFocusOnArrival } from "./focus";
import { Pager } from "./Pager";

interface ListedClaim {
  id: number;
  /** Its place in the article, 1..n in reading order: what people call it (ids stay in addresses). */
  number: number;
  start: number;
  end: number;
  quote: string;
  status: string;
  verdict: string | null;
  score: number;
  version: number;
  assigneeId: number | null;
  reviewNote: string;
  reasons: string[];
  orphanedAt: string | Date | null;
  orphanReason: string;
}

/**
 * The article's claims beside its text: those to place again, a page of the claims in the part
 * of the text shown, and that part's dismissed ones.
 */
export function ArticleClaims({
  articleId,
  claims,
  orphans,
  dismissed,
  total,
  claimsPage,
  here,
  members,
  canEdit,
  proposalLimit,
  justDismissed,
  canPublish,
}: {
  articleId: number;
  claims: ListedClaim[];
  orphans: Array<{ id: number; quote: string; orphanReason: string }>;
  dismissed: Array<{ id: number; quote: string; version: number }>;
  total: number;
  claimsPage: { page: number; pages: number; inPart: number; size: number };
  here: string;
  members: Array<{ id: number; name: string }>;
  canEdit: boolean;
  proposalLimit: number | null;
  /** The claim just dismissed from this list (`?dismissed=`), offered back at once: dismissing asks nothing first. */
  justDismissed: number | null;
  canPublish: boolean;
}) {
  const { page, pages, inPart, size } = claimsPage;
  const first = (page - 1) * size + 1;
  const undo = dismissed.find((c) => c.id === justDismissed);
  // The Dismiss button that had focus is gone with its claim: the notice, with its Undo, takes it.
  const undoRef = useFocusOnArrival<HTMLDivElement>(undo?.id);
  return (
    <>
      <h2 id="claims-heading">Claims ({total})</h2>
      {canEdit ? (
        // The forms come after the list, which scrolls on its own: these lead to them.
        <p className="jump-links">
          <a href="#add-heading">Add a claim</a>
          {canPublish ? <a href="#publish-heading">Publish</a> : null}
        </p>
      ) : null}
      {undo ? (
        <div
          className="message message--success"
          role="status"
          id="claim-dismissed"
          ref={undoRef}
          tabIndex={-1}
          autoFocus
        >
          Dismissed: “{undo.quote}”{" "}
          {canEdit ? <ClaimStatusButton claim={undo} intent="restore" label="Undo" here={here} /> : null}
        </div>
      ) : null}
      {pages > 1 || inPart < total ? (
        <p className="hint">
          Listed: {claims.length > 0 ? `${first}–${first + claims.length - 1}` : "none"} of the {inPart} in
          the text shown. Each number in the text leads to its claim.
        </p>
      ) : null}
      {proposalLimit ? (
        <p className="hint">
          Claimdesk proposes at most {proposalLimit.toLocaleString("en")} claims per article, the most
          check-worthy. Any other passage can be added as a claim below.
        </p>
      ) : null}
      {orphans.length > 0 ? (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">Lost their place ({orphans.length})</h3>
          <p className="hint">
            The article changed and these passages could not be found again with confidence. Place each one
            again, or dismiss it.
          </p>
          <ul>
            {orphans.map((c) => (
              <li key={c.id} id={`claim-item-${c.id}`}>
                <q>{c.quote}</q> <span className="meta">{c.orphanReason}</span>{" "}
                <Link to={`/articles/${articleId}/claims/${c.id}#place-again`}>Place it again</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="claim-list">
        {claims.map((c) => (
          <li key={c.id} id={`claim-item-${c.id}`} className="claim-item" tabIndex={-1}>
            <div className="claim-item__head">
              <span className="claim-item__number">{c.number}</span> <StatusBadge status={c.status} />
              {c.verdict ? <VerdictBadge verdict={c.verdict} /> : null}
              <span className="score" title="Check-worthiness score">
                score {c.score.toFixed(2)}
              </span>
              {c.assigneeId ? (
                <span className="score"> · assigned to {assigneeName(members, c.assigneeId)}</span>
              ) : null}
            </div>
            {c.reviewNote ? (
              <p className="review-note">
                <strong>Sent back:</strong> {c.reviewNote}
              </p>
            ) : null}
            <p className="claim-item__quote">
              <a href={`#claim-${c.id}`}>“{c.quote}”</a>
            </p>
            <CheckWorthyReasons reasons={c.reasons} />
            <div className="claim-item__actions">
              <Link to={`/articles/${articleId}/claims/${c.id}`}>
                {canEdit ? "Check this claim" : "Open"}
              </Link>
              {/* Only proposals are dismissed from the list: a claim being checked is dismissed on its
                  page, where its verdict and approval are in view (restoring makes it a proposal again). */}
              {canEdit && c.status === "candidate" ? (
                <ClaimStatusButton claim={c} intent="dismiss" label="Dismiss" here={here} />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <Pager
        page={page}
        hasPrevious={page > 1}
        hasNext={page < pages}
        shown={claims.length}
        last={pages}
        here={here}
        label="Pages of claims"
      />
      {dismissed.length > 0 ? (
        <details className="dismissed">
          <summary>Dismissed ({dismissed.length})</summary>
          <ul>
            {dismissed.map((c) => (
              <li key={c.id} id={`claim-item-${c.id}`}>
                “{c.quote}”
                {canEdit ? (
                  <ClaimStatusButton claim={c} intent="restore" label="Restore" here={here} />
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/**
 * Dismissing or restoring a claim from the list: one button, the claim's version with it, and
 * the part and page of the list it is on (`view`), to come back to.
 */
function ClaimStatusButton({
  claim,
  intent,
  label,
  here,
}: {
  claim: { id: number; version: number };
  intent: "dismiss" | "restore";
  label: string;
  here: string;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="view" value={new URL(here, "http://x").search} />
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <button type="submit" name="intent" value={intent} className="link-button">
        {label}
      </button>
    </Form>
  );
}
