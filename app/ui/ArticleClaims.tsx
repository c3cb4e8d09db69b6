import { Form, Link } from "react-router";
import { assigneeName, CheckWorthyReasons, StatusBadge, VerdictBadge } from "./components";

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

/** The claims in the text and the list (active), those that lost their place (orphans), and the dismissed. */
export function groupClaims<C extends Pick<ListedClaim, "status" | "orphanedAt">>(claims: C[]) {
  return {
    active: claims.filter((c) => c.status !== "dismissed" && !c.orphanedAt),
    orphans: claims.filter((c) => c.status !== "dismissed" && c.orphanedAt),
    dismissed: claims.filter((c) => c.status === "dismissed"),
    approved: claims.filter((c) => c.status === "approved").length,
  };
}

/**
 * The article text's highlights (for renderAnnotated): each active claim marked with its status,
 * anchored as #claim-N, with a numbered reference to its place in the list (#claim-item-N).
 */
export function workbenchHighlights(
  claims: Array<Pick<ListedClaim, "id" | "number" | "start" | "end" | "status" | "orphanedAt">>,
) {
  return groupClaims(claims).active.map((c) => ({
    start: c.start,
    end: c.end,
    claimId: String(c.id),
    className: `claim claim--status-${c.status}`,
    anchorId: `claim-${c.id}`,
    ref: { href: `#claim-item-${c.id}`, text: String(c.number), label: `Claim ${c.number}` },
  }));
}

/** The article's claims beside its text: those to place again, the list, and the dismissed ones. */
export function ArticleClaims({
  articleId,
  claims,
  members,
  canEdit,
  proposalLimit,
}: {
  articleId: number;
  claims: ListedClaim[];
  members: Array<{ id: number; name: string }>;
  canEdit: boolean;
  proposalLimit: number | null;
}) {
  const { active, orphans, dismissed } = groupClaims(claims);
  return (
    <>
      <h2 id="claims-heading">Claims ({active.length})</h2>
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
                <Link to={`/articles/${articleId}/claims/${c.id}`}>Place it again</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="claim-list">
        {active.map((c) => (
          <li key={c.id} id={`claim-item-${c.id}`} className="claim-item">
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
              {canEdit ? <ClaimStatusButton claim={c} intent="dismiss" label="Dismiss" /> : null}
            </div>
          </li>
        ))}
      </ol>
      {dismissed.length > 0 ? (
        <details className="dismissed">
          <summary>Dismissed ({dismissed.length})</summary>
          <ul>
            {dismissed.map((c) => (
              <li key={c.id} id={`claim-item-${c.id}`}>
                “{c.quote}”{canEdit ? <ClaimStatusButton claim={c} intent="restore" label="Restore" /> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** Dismissing or restoring a claim from the list: one button, the claim's version with it. */
function ClaimStatusButton({
  claim,
  intent,
  label,
}: {
  claim: { id: number; version: number };
  intent: "dismiss" | "restore";
  label: string;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <button type="submit" name="intent" value={intent} className="link-button">
        {label}
      </button>
    </Form>
  );
}
