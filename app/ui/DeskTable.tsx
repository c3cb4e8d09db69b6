import type { DeskRow } from "../newsroom/desk";
import { assigneeName, StatusBadge, VerdictBadge } from "./components";

/** The form the rows' checkboxes belong to (with the `form` attribute: forms cannot nest). */
export const BULK_FORM = "desk-bulk";

/**
 * One step for every selected claim: dismiss, restore, assign or set the status of the claims, or
 * decide their "checked before?" suggestions. A plain form the rows' checkboxes join, so it works
 * without JavaScript; each claim is changed on its own (and refused with a reason when the step
 * does not fit it).
 */
export function DeskBulkForm({ members }: { members: Array<{ id: number; name: string }> }) {
  return (
    <form id={BULK_FORM} method="post" className="filters bulk-form" aria-label="Selected claims">
      <input type="hidden" name="intent" value="bulk" />
      <div className="field">
        <label htmlFor="bulk-operation">With the selected claims</label>
        <select id="bulk-operation" name="operation" defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          <optgroup label="The claims">
            <option value="dismiss">Dismiss them</option>
            <option value="restore">Restore them (dismissed ones)</option>
            <option value="assign">Assign them to the person chosen</option>
            <option value="status-candidate">Set their status to Candidate</option>
            <option value="status-researching">Set their status to Researching</option>
            <option value="status-needs-review">Set their status to Needs review</option>
          </optgroup>
          <optgroup label="Checked before?">
            <option value="same">Confirm each one's likely same earlier claim</option>
            <option value="dismissed">Dismiss every earlier-claim suggestion</option>
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-assignee">Person (to assign)</label>
        <select id="bulk-assignee" name="assigneeId" defaultValue="">
          <option value="">Nobody</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        Apply to selected
      </button>
    </form>
  );
}

/** The selected claims a bulk step refused, each with its reason. */
export function RefusedClaims({ refused }: { refused: Array<{ claimId: number; reason: string }> }) {
  if (refused.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="refused-heading">
      <h2 id="refused-heading">Not changed</h2>
      <ul>
        {refused.map((r) => (
          <li key={r.claimId}>{`Claim ${r.claimId}: ${r.reason}`}</li>
        ))}
      </ul>
    </section>
  );
}

/** The desk's claims; with the right to assign, each row has its own assignment form. */
export function DeskTable({
  claims,
  members,
  canAssign,
}: {
  claims: DeskRow[];
  members: Array<{ id: number; name: string }>;
  canAssign: boolean;
}) {
  // Made once for the page, shared by every row's assignment form.
  const assigneeOptions = [
    <option key="" value="">
      Nobody
    </option>,
    ...members.map((m) => (
      <option key={m.id} value={m.id}>
        {m.name}
      </option>
    )),
  ];
  return (
    <table className="table table--stack desk-table">
      <caption className="visually-hidden">Claims matching the filters</caption>
      <thead>
        <tr>
          {canAssign ? (
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
          ) : null}
          <th scope="col">Claim</th>
          <th scope="col">Status</th>
          <th scope="col">Verdict</th>
          <th scope="col">Assigned to</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <DeskClaimRow
            key={c.id}
            claim={c}
            options={canAssign ? assigneeOptions : null}
            selectable={canAssign}
            assignee={canAssign ? null : assigneeName(members, c.assigneeId)}
          />
        ))}
      </tbody>
    </table>
  );
}

/**
 * One claim of the desk. Its markup is kept lean because a page holds many: plain links and a
 * plain form post (the action redirects back to this row), each text in one piece, and the
 * assignee options made once for the page. Without the right to assign, the assignee's name.
 */
function DeskClaimRow({
  claim: c,
  options,
  assignee,
  selectable,
}: {
  claim: DeskRow;
  options: React.ReactNode | null;
  assignee: string | null;
  selectable: boolean;
}) {
  return (
    <tr id={`desk-claim-${c.id}`}>
      {selectable ? (
        <td>
          <input
            type="checkbox"
            name="claimIds"
            value={c.id}
            form={BULK_FORM}
            aria-label={`Select claim ${c.id}`}
          />
        </td>
      ) : null}
      <td>
        <a href={`/articles/${c.article.id}/claims/${c.id}`} className="claim-title">{`“${c.quote}”`}</a>
        <br />
        <span className="meta">{`${c.article.title} · ${c.evidence} ${c.evidence === 1 ? "source" : "sources"} · score ${c.score.toFixed(2)}`}</span>
        {c.reviewNote ? (
          <p className="review-note">
            <strong>Sent back:</strong> {c.reviewNote}
          </p>
        ) : null}
      </td>
      <td>
        <StatusBadge status={c.status} />
      </td>
      <td>
        <VerdictBadge verdict={c.verdict} />
      </td>
      <td>
        {options ? (
          <form method="post" className="row-form">
            <input type="hidden" name="claimId" value={c.id} />
            <label
              className="visually-hidden"
              htmlFor={`assignee-${c.id}`}
            >{`Assign claim “${shortQuote(c.quote)}” to`}</label>
            <select id={`assignee-${c.id}`} name="assigneeId" defaultValue={c.assigneeId ?? ""}>
              {options}
            </select>
            <button
              type="submit"
              className="button button--secondary"
              aria-label={`Assign claim “${shortQuote(c.quote)}”`}
            >
              Assign
            </button>
          </form>
        ) : (
          assignee
        )}
      </td>
    </tr>
  );
}

/** A claim as a screen reader names it in a row's controls: its words, not a number shown nowhere. */
const shortQuote = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 59).trimEnd()}…` : quote);
