import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/desk";
import { can } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import { listDeskMembers } from "../auth/users.server";
import { domainFailure, failure, formValues, parseId, readForm } from "../http.server";
import { assignClaim } from "../newsroom/claims.server";
import { deskArticleChoices, deskClaims, deskCounts, readDeskFilter } from "../newsroom/desk.server";
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
  const [page, counts, members, articles] = await Promise.all([
    deskClaims(filter, user.id, readPage(url.searchParams)),
    deskCounts(user.id),
    listDeskMembers(),
    deskArticleChoices(filter.article),
  ]);
  return {
    filter,
    total: page.total,
    page: { page: page.page, size: page.size, hasPrevious: page.hasPrevious, hasNext: page.hasNext },
    claims: page.items.map((c) => ({
      id: c.id,
      quote: c.quote.length > 220 ? c.quote.slice(0, 217) + "…" : c.quote,
      article: c.article,
      status: c.status,
      verdict: c.verdict,
      score: c.score,
      evidence: c.evidence,
      assigneeId: c.assigneeId,
      reviewNote: c.reviewNote,
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
  try {
    await assignClaim(parseId(values.claimId, "claim"), parsed.data.assigneeId, user);
  } catch (error) {
    return domainFailure("assign", values, error);
  }
  const back = values.back?.startsWith("?") ? values.back : "";
  return redirect(`/desk${back}#desk-claim-${values.claimId}`);
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
  return (
    <div className="page wide">
      <h1>Desk</h1>
      <nav aria-label="Quick views">
        <ul className="quick-views">
          {QUICK.map((q) => (
            <li key={q.label}>
              <Link
                to={`/desk?status=${q.status}&assignee=${q.assignee}`}
                aria-current={filter.status === q.status && filter.assignee === q.assignee && filter.verdict === "any" && filter.article === "any" ? "page" : undefined}
              >
                {q.label}{q.count ? ` (${formatCount(counts[q.count])})` : ""}
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
            {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="verdict">Verdict</label>
          <select id="verdict" name="verdict" defaultValue={filter.verdict}>
            <option value="any">Any</option>
            <option value="none">No verdict yet</option>
            {VERDICTS.map((v) => <option key={v.key} value={v.key}>{v.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="assignee">Assigned to</label>
          <select id="assignee" name="assignee" defaultValue={filter.assignee}>
            <option value="any">Anyone or nobody</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {members.map((m) => <option key={m.id} value={String(m.id)}>{m.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="article">Article</label>
          <p className="hint" id="article-hint">Recently changed articles with open claims.</p>
          <select id="article" name="article" defaultValue={filter.article} aria-describedby="article-hint">
            <option value="any">All articles</option>
            {articles.map((a) => <option key={a.id} value={String(a.id)}>{a.title}</option>)}
          </select>
        </div>
        <button type="submit" className="button">Show claims</button>
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
            <tr><th scope="col">Claim</th><th scope="col">Status</th><th scope="col">Verdict</th><th scope="col">Assigned to</th></tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id} id={`desk-claim-${c.id}`}>
                <td>
                  <Link to={`/articles/${c.article.id}/claims/${c.id}`} className="claim-title">“{c.quote}”</Link>
                  <br />
                  <span className="meta">
                    {c.article.title} · {c.evidence} {c.evidence === 1 ? "source" : "sources"} · score {c.score.toFixed(2)}
                  </span>
                  {c.reviewNote ? <p className="review-note"><strong>Sent back:</strong> {c.reviewNote}</p> : null}
                </td>
                <td><StatusBadge status={c.status} /></td>
                <td><VerdictBadge verdict={c.verdict} /></td>
                <td>
                  {canAssign ? (
                    <Form method="post" className="row-form">
                      <input type="hidden" name="claimId" value={c.id} />
                      <input type="hidden" name="back" value={back} />
                      <label className="visually-hidden" htmlFor={`assignee-${c.id}`}>Assign claim {c.id} to</label>
                      <select id={`assignee-${c.id}`} name="assigneeId" defaultValue={c.assigneeId ?? ""}>
                        <option value="">Nobody</option>
                        {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                      </select>
                      <button type="submit" className="button button--secondary" aria-label={`Assign claim ${c.id}`}>Assign</button>
                    </Form>
                  ) : (
                    assigneeName(members, c.assigneeId)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager page={page.page} hasPrevious={page.hasPrevious} hasNext={page.hasNext} here={`/desk${back}`} label="Pages of claims" />
    </div>
  );
}
