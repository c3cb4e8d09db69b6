import type { DeskRow } from "../newsroom/desk";
import { assigneeName, StatusBadge, VerdictBadge } from "./components";

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
}: {
  claim: DeskRow;
  options: React.ReactNode | null;
  assignee: string | null;
}) {
  return (
    <tr id={`desk-claim-${c.id}`}>
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
            >{`Assign claim ${c.id} to`}</label>
            <select id={`assignee-${c.id}`} name="assigneeId" defaultValue={c.assigneeId ?? ""}>
              {options}
            </select>
            <button type="submit" className="button button--secondary" aria-label={`Assign claim ${c.id}`}>
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
