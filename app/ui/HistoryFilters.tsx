import { Form, Link } from "react-router";
import { HISTORY_KINDS } from "../newsroom/history";

interface Filter {
  kind?: string;
  claim?: number;
  person?: number;
}

/** The history page's filters, a plain GET form: kind of event, a claim by its number, a person. */
export function HistoryFilters({
  filter,
  people,
  claimCount,
  clearHref,
}: {
  filter: Filter;
  people: Array<{ id: number; name: string }>;
  claimCount: number;
  clearHref: string;
}) {
  const filtered = filter.kind !== undefined || filter.claim !== undefined || filter.person !== undefined;
  return (
    <Form method="get" className="filters" aria-label="Filter the history" key={JSON.stringify(filter)}>
      <div className="field">
        <label htmlFor="kind">Kind of change</label>
        <select id="kind" name="kind" defaultValue={filter.kind ?? ""}>
          <option value="">All changes</option>
          {Object.entries(HISTORY_KINDS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="claim">Claim number</label>
        <p className="hint" id="claim-hint">
          1 to {claimCount}, as numbered on the workbench.
        </p>
        <input
          id="claim"
          name="claim"
          type="number"
          min={1}
          max={Math.max(claimCount, 1)}
          inputMode="numeric"
          defaultValue={filter.claim}
          aria-describedby="claim-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="person">Person</label>
        <select id="person" name="person" defaultValue={filter.person ?? ""}>
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Show changes
      </button>
      {filtered ? <Link to={clearHref}>Show every change</Link> : null}
    </Form>
  );
}
