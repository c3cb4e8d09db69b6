import { Form } from "react-router";
import { CLAIM_STATUSES, STATUS_LABELS, statusLabel, VERDICTS, verdictLabel } from "../newsroom/verdicts";
import { Field, FormMessage } from "./components";
import { stateOf, type FormState } from "./form-state";

/**
 * The verdict and rationale: the editor's form (with what someone else saved meanwhile, after a
 * conflict), the reviewer's "send back", and approval, offered only to someone who may approve.
 */
export function ClaimVerdictPanel({
  claim,
  rationaleHtml,
  canEdit,
  canReview,
  canApprove,
  isLastEditor,
  state,
}: {
  /** With its sources: approving a verdict that cites none is allowed, and said. */
  claim: { version: number; verdict: string | null; rationale: string; status: string; evidence: unknown[] };
  rationaleHtml: string;
  canEdit: boolean;
  canReview: boolean;
  canApprove: boolean;
  isLastEditor: boolean;
  state: FormState | null;
}) {
  const review = stateOf(state, "review");
  const reviewValues = review?.values;
  const sendBack = stateOf(state, "send-back");
  return (
    <section className="panel" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">Verdict and rationale</h2>
      {canEdit ? (
        <>
          <FormMessage error={review?.error} focusOn={review} />
          {review?.conflict ? (
            <div className="conflict" role="region" aria-label="The version saved by someone else">
              <p>
                <strong>Saved meanwhile:</strong> verdict {verdictLabel(claim.verdict)}, status{" "}
                {statusLabel(claim.status)}.
              </p>
              {claim.rationale ? (
                <div className="rationale" dangerouslySetInnerHTML={{ __html: rationaleHtml }} />
              ) : (
                <p>(no rationale)</p>
              )}
            </div>
          ) : null}
          {/* A reviewer judges what readers will read, not the markdown behind it. */}
          {!review?.conflict &&
          claim.rationale &&
          (claim.status === "needs-review" || claim.status === "approved") ? (
            <div
              className="rationale-preview"
              role="region"
              aria-label="The rationale as readers will read it"
            >
              <h3>The rationale as readers will read it</h3>
              <div className="rationale" dangerouslySetInnerHTML={{ __html: rationaleHtml }} />
            </div>
          ) : null}
          <Form method="post" className="stack" key={`review-${claim.version}`}>
            <input type="hidden" name="version" value={claim.version} />
            <Field label="Verdict" name="verdict" error={review?.fields?.verdict}>
              <select id="verdict" name="verdict" defaultValue={reviewValues?.verdict ?? claim.verdict ?? ""}>
                <option value="">No verdict yet</option>
                {VERDICTS.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.label}
                  </option>
                ))}
              </select>
            </Field>
            {/* The meanings beside the menu, not in it: in a narrow column they were cut off. */}
            <details className="verdict-scale">
              <summary>What each verdict means</summary>
              <dl>
                {VERDICTS.map((v) => (
                  <div key={v.key}>
                    <dt>{v.label}</dt>
                    <dd>{v.meaning}</dd>
                  </div>
                ))}
              </dl>
            </details>
            <Field
              label="Rationale (markdown)"
              name="rationale"
              error={review?.fields?.rationale}
              hint="Explain the verdict for readers; cite the evidence below."
            >
              <textarea
                id="rationale"
                name="rationale"
                rows={6}
                defaultValue={reviewValues?.rationale ?? claim.rationale}
              />
            </Field>
            <Field label="Status" name="status" error={review?.fields?.status}>
              <select
                id="status"
                name="status"
                defaultValue={
                  reviewValues?.status ?? (claim.status === "approved" ? "needs-review" : claim.status)
                }
              >
                {CLAIM_STATUSES.filter((s) => s !== "approved").map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
            {claim.status === "approved" ? (
              <p className="hint">Changing the verdict or rationale withdraws the approval.</p>
            ) : null}
            <input type="hidden" name="intent" value="review" />
            <div className="actions">
              <button type="submit" className="button">
                Save verdict
              </button>
              {claim.status === "needs-review" || claim.status === "approved" ? null : (
                <button type="submit" name="askReview" value="yes" className="button button--secondary">
                  Save and ask for review
                </button>
              )}
            </div>
          </Form>
        </>
      ) : (
        <div
          className="rationale"
          dangerouslySetInnerHTML={{ __html: rationaleHtml || "<p>No rationale yet.</p>" }}
        />
      )}
      {/* Its author withdraws a verdict with the status above; "send back" is the second person's. */}
      {canReview && !isLastEditor && (claim.status === "needs-review" || claim.status === "approved") ? (
        <details className="send-back" open={sendBack ? true : undefined}>
          <summary>Send back to the editor</summary>
          <FormMessage error={sendBack?.error} focusOn={sendBack} />
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={claim.version} />
            <Field
              label="What needs to change"
              name="comment"
              error={sendBack?.fields?.comment}
              hint="Required. The editor sees it on the claim and on the desk."
            >
              <textarea
                id="comment"
                name="comment"
                rows={3}
                required
                defaultValue={sendBack?.values.comment}
              />
            </Field>
            <button type="submit" name="intent" value="send-back" className="button button--secondary">
              Send back
            </button>
          </Form>
        </details>
      ) : null}
      {claim.status !== "approved" && (canApprove || canEdit) ? (
        <div className="approve">
          <h3>Approval</h3>
          <FormMessage error={stateOf(state, "approve")?.error} focusOn={stateOf(state, "approve")} />
          {isLastEditor ? (
            <p className="hint">You wrote this verdict and rationale, so a second person must approve it.</p>
          ) : !canApprove ? (
            <p className="hint">
              A reviewer approves verdicts.{" "}
              {claim.status === "needs-review"
                ? "This one is on their desk."
                : "“Save and ask for review” puts this one on their desk."}
            </p>
          ) : !claim.verdict || claim.rationale.trim() === "" ? (
            <p className="hint">A verdict and a written rationale are needed before approval.</p>
          ) : (
            <Form method="post">
              {/* An "unsupported" verdict may stand on an absence; readers are promised sources, so say it. */}
              {claim.evidence.length === 0 ? (
                <p className="hint" id="approve-no-sources">
                  This verdict cites no sources; readers will see none.
                </p>
              ) : null}
              <input type="hidden" name="version" value={claim.version} />
              <button
                type="submit"
                name="intent"
                value="approve"
                className="button button--approve"
                aria-describedby={claim.evidence.length === 0 ? "approve-no-sources" : undefined}
              >
                Approve this verdict
              </button>
            </Form>
          )}
        </div>
      ) : null}
    </section>
  );
}
