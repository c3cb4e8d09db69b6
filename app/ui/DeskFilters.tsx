import { Form, Link } from "react-router";
import { formatCount } from "../newsroom/page-links";
import {
  isQuickView,
  QUICK_VIEWS,
  quickViewHref,
  type DeskCounts,
  type DeskViewFilter,
} from "../newsroom/desk";
import { CLAIM_STATUSES, STATUS_LABELS, VERDICTS } from "../newsroom/verdicts";

/** The desk's quick views, with their counts; the one showing is marked as the current page. */
export function DeskQuickViews({
  filter,
  counts,
  canApprove,
}: {
  filter: DeskViewFilter;
  counts: DeskCounts;
  canApprove: boolean;
}) {
  return (
    <nav aria-label="Quick views">
      <ul className="quick-views">
        {QUICK_VIEWS.filter((q) => canApprove || !q.approversOnly).map((q) => (
          <li key={q.key}>
            <Link to={quickViewHref(q)} aria-current={isQuickView(filter, q) ? "page" : undefined}>
              {q.label}
              {q.count ? ` (${formatCount(counts[q.count])})` : ""}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The desk's filters, a plain GET form: status, verdict, assignee, article and whether it was
 * checked before. The quick views' queues (mine, for me to review, mentions) are not among them:
 * a filter chosen here applies to every claim, as its labels say.
 */
export function DeskFilters({
  filter,
  members,
  articles,
}: {
  filter: DeskViewFilter;
  members: Array<{ id: number; name: string }>;
  articles: Array<{ id: number; title: string }>;
}) {
  return (
    // Keyed by the filter: after in-app navigation (a quick view, Back) the selects show the filter
    // the page was loaded with, not what they showed before.
    <Form method="get" className="filters" aria-label="Filter claims" key={JSON.stringify(filter)}>
      <div className="field">
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={filter.status}>
          <option value="open">Open</option>
          <option value="any">Any</option>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="verdict">Verdict</label>
        <select id="verdict" name="verdict" defaultValue={filter.verdict}>
          <option value="any">Any</option>
          <option value="none">No verdict yet</option>
          {VERDICTS.map((v) => (
            <option key={v.key} value={v.key}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="assignee">Assigned to</label>
        <select id="assignee" name="assignee" defaultValue={filter.assignee}>
          <option value="any">Anyone or nobody</option>
          <option value="me">Me</option>
          <option value="none">Nobody</option>
          {members.map((m) => (
            <option key={m.id} value={String(m.id)}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="article">Article</label>
        <select id="article" name="article" defaultValue={filter.article}>
          <option value="any">All articles</option>
          <optgroup label="Recently changed, with open claims">
            {articles.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.title}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor="previous">Checked before</label>
        <select id="previous" name="previous" defaultValue={filter.previous}>
          <option value="any">Any</option>
          <option value="yes">Yes, confirmed</option>
        </select>
      </div>
      <button type="submit" className="button">
        Show claims
      </button>
    </Form>
  );
}
