import { Form } from "react-router";
import { CLAIM_STATUSES, STATUS_LABELS, VERDICTS } from "../newsroom/verdicts";
import { MAX_QUERY_LENGTH } from "../search/query";
import type { SearchParams } from "../search/search-request";
import { KIND_HEADINGS } from "./SearchResults";

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

/** The workspace search box and its filters: a GET form, so a search is a link and works without JavaScript. */
export function SearchForm({ search }: { search: SearchParams }) {
  return (
    <Form
      method="get"
      role="search"
      aria-label="Search the workspace"
      className="search-form"
      key={JSON.stringify(search)}
    >
      <div className="field search-form__query">
        <label htmlFor="q">Search claims, articles and evidence</label>
        <p className="hint" id="q-hint">
          All words must match; put a phrase in "quotes"; -word leaves matches with that word out.
        </p>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={search.q}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby="q-hint"
        />
      </div>
      <details
        className="search-filters"
        open={Boolean(
          search.kind || search.verdict || search.status || search.outlet || search.from || search.to,
        )}
      >
        <summary>Filters</summary>
        <div className="filters">
          <div className="field">
            <label htmlFor="kind">Show</label>
            <select id="kind" name="kind" defaultValue={search.kind ?? ""}>
              <option value="">Everything</option>
              {Object.entries(KIND_HEADINGS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label} only
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="verdict">Verdict</label>
            <select id="verdict" name="verdict" defaultValue={search.verdict ?? ""}>
              <option value="">Any</option>
              {VERDICTS.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={search.status ?? ""}>
              <option value="">Any</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outlet">Outlet</label>
            <input id="outlet" name="outlet" defaultValue={search.outlet ?? ""} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="from">Changed from</label>
            <input id="from" name="from" type="date" defaultValue={day(search.from)} />
          </div>
          <div className="field">
            <label htmlFor="to">Changed until</label>
            <input id="to" name="to" type="date" defaultValue={day(search.to)} />
          </div>
        </div>
      </details>
      <button type="submit" className="button">
        Search
      </button>
    </Form>
  );
}
