import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/desk";
import { can } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, parseId, readForm } from "../utils/http.server";
import { assignClaim } from "../newsroom/claims.server";
import {
  DESK_PAGE_SIZE,
  deskOverview,
  deskRows,
  readDeskFilter,
  type DeskRow,
} from "../newsroom/desk.server";
import { formatCount } from "../newsroom/page-links";
import { readPage } from "../newsroom/paging";
import { AssignSchema } from "../newsroom/schemas";
import { CLAIM_STATUSES, STATUS_LABELS, VERDICTS } from "../newsroom/verdicts";
import { assigneeName, FormMessage, StatusBadge, VerdictBadge } from "../ui/components";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "Desk · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "read-drafts");
  const url = new URL(request.url);
  const filter = readDeskFilter(url.searchParams);
  const [page, { total, counts, members, articles }] = await Promise.all([
    deskRows(filter, user.id, readPage(url.searchParams, DESK_PAGE_SIZE)),
    deskOverview(filter, user.id),
  ]);
  return {
    filter,
    total,
    page: { page: page.page, size: page.size, hasPrevious: page.hasPrevious, hasNext: page.hasNext },
    claims: page.items.map((c) => ({
      ...c,
      quote: c.quote.length > 220 ? c.quote.slice(0, 217) + "…" : c.quote,
    })),
    counts,
    members,
    articles,
    canAssign: can(user.role, "edit"),
    back: url.search,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "edit");
  const values = formValues(await readForm(request));
  const parsed = AssignSchema.safeParse(values);
  if (!parsed.success) return failure("assign", values, parsed.error.issues[0]!.message);
  let claimId: number;
  try {
    claimId = parseId(values.claimId, "claim");
    await assignClaim(claimId, parsed.data.assigneeId, user);
  } catch (error) {
    return domainFailure("assign", values, error);
  }
  // The row forms post to the page's own address, filters included: back to the same view.
  return redirect(`/desk${new URL(request.url).search}#desk-claim-${claimId}`);
}

const QUICK = [
  { label: "My queue", status: "open", assignee: "me", count: "mine" },
  { label: "Waiting for review", status: "needs-review", assignee: "any", count: "review" },
  { label: "Unassigned", status: "open", assignee: "none", count: "unassigned" },
  { label: "All open claims", status: "open", assignee: "any", count: null },
] as const;

export default function Desk({ loaderData, actionData }: Route.ComponentProps) {
  const { filter, total, page, claims, counts, members, articles, canAssign, back } = loaderData;
  const first = (page.page - 1) * page.size + 1;
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
    <div className="page wide">
      <h1>Desk</h1>
      <nav aria-label="Quick views">
        <ul className="quick-views">
          {QUICK.map((q) => (
            <li key={q.label}>
              <Link
                to={`/desk?status=${q.status}&assignee=${q.assignee}`}
                aria-current={
                  filter.status === q.status &&
                  filter.assignee === q.assignee &&
                  filter.verdict === "any" &&
                  filter.article === "any"
                    ? "page"
                    : undefined
                }
              >
                {q.label}
                {q.count ? ` (${formatCount(counts[q.count])})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters" aria-label="Filter claims">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="open">Open (not approved or dismissed)</option>
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
          <p className="hint" id="article-hint">
            Recently changed articles with open claims.
          </p>
          <select id="article" name="article" defaultValue={filter.article} aria-describedby="article-hint">
            <option value="any">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show claims
        </button>
      </Form>
      <FormMessage error={actionData?.error} />
      <p role="status">
        {total === 0
          ? "No claims match."
          : `${formatCount(total)} ${total === 1 ? "claim matches" : "claims match"}${claims.length > 0 && (page.hasNext || page.hasPrevious) ? `; ${first}–${first + claims.length - 1} shown, most urgent first` : ""}.`}
      </p>
      {claims.length > 0 ? (
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
      ) : null}
      <Pager
        page={page.page}
        hasPrevious={page.hasPrevious}
        hasNext={page.hasNext}
        here={`/desk${back}`}
        label="Pages of claims"
      />
    </div>
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
