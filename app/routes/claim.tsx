import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/claim";
import { can } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import {
  domainFailure,
  failure,
  formValues,
  orErrorPage,
  parseId,
  readForm,
  type ActionNotice,
  type ActionState,
} from "../utils/http.server";
import {
  adjustClaim,
  approveClaim,
  assignClaim,
  loadClaim,
  mergeClaims,
  parseReasons,
  reviewClaim,
  sendBackClaim,
  splitClaim,
} from "../newsroom/claims.server";
import { listDeskMembers } from "../auth/users.server";
import { addEvidence, removeEvidence, updateEvidence } from "../newsroom/evidence.server";
import { history } from "../newsroom/history.server";
import { HistoryList } from "../ui/HistoryList";
import { archiveUrlFor, fetchPage } from "../importing/import.server";
import { FetchRefused } from "../importing/safe-fetch.server";
import {
  AdjustClaimSchema,
  AssignSchema,
  ClaimReviewSchema,
  EvidenceSchema,
  fieldErrors,
  MergeClaimSchema,
  SendBackSchema,
  SplitClaimSchema,
  versionField,
} from "../newsroom/schemas";
import {
  CLAIM_STATUSES,
  STANCE_LABELS,
  STANCES,
  STATUS_LABELS,
  VERDICTS,
  verdictLabel,
} from "../newsroom/verdicts";
import { renderMarkdown } from "../publishing/annotate";
import { revalidateOnConflict } from "../ui/revalidate";
import {
  assigneeName,
  CheckWorthyReasons,
  Field,
  FormMessage,
  formatDate,
  formatPartialDate,
  StatusBadge,
  VerdictBadge,
  safeHref,
} from "../ui/components";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Claim #${loaderData?.claim.id ?? ""} · Workbench · Claimdesk` },
];

export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "read-drafts");
  const articleId = parseId(params.id, "article");
  const { claim, lastEditor, approvedBy, verdictAuthorIds } = await orErrorPage(
    loadClaim(parseId(params.claimId, "claim")),
  );
  if (claim.articleId !== articleId)
    throw new Response("That claim belongs to another article.", { status: 404 });
  const { article, ...rest } = claim;
  return {
    claim: { ...rest, reasons: parseReasons(claim.reasons) },
    article: { id: article.id, title: article.title },
    siblings: article.claims.filter((c) => c.id !== claim.id && c.status !== "dismissed"),
    rationaleHtml: renderMarkdown(claim.rationale),
    lastEditor,
    approvedBy,
    canEdit: can(user.role, "edit"),
    canApprove: can(user.role, "approve") && !verdictAuthorIds.includes(user.id),
    canReview: can(user.role, "approve"),
    members: await listDeskMembers(),
    isLastEditor: verdictAuthorIds.includes(user.id),
    saved: new URL(request.url).searchParams.get("saved"),
    history: await history({ articleId, claimId: claim.id }),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const articleId = parseId(params.id, "article");
  const claimId = parseId(params.claimId, "claim");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  const user = await requirePermission(
    request,
    intent === "approve" || intent === "send-back" ? "approve" : "edit",
  );
  const here = `/articles/${articleId}/claims/${claimId}`;
  const invalid = (error: { issues: { message: string }[] } & Parameters<typeof fieldErrors>[0]) =>
    failure(intent, values, "Nothing was saved. Check the highlighted fields.", 400, {
      fields: fieldErrors(error),
    });
  try {
    switch (intent) {
      case "review": {
        const parsed = ClaimReviewSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await reviewClaim(claimId, parsed.data, user);
        return redirect(`${here}?saved=review`);
      }
      case "approve": {
        const version = versionField.safeParse(values.version);
        if (!version.success) return failure(intent, values, version.error.issues[0]!.message);
        await approveClaim(claimId, version.data, user);
        return redirect(`${here}?saved=approve`);
      }
      case "send-back": {
        const parsed = SendBackSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await sendBackClaim(claimId, parsed.data.version, parsed.data.comment, user);
        return redirect(`${here}?saved=send-back`);
      }
      case "assign": {
        const parsed = AssignSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await assignClaim(claimId, parsed.data.assigneeId, user);
        return redirect(`${here}?saved=assign`);
      }
      case "adjust": {
        const parsed = AdjustClaimSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await adjustClaim(claimId, parsed.data.version, parsed.data.quote, user);
        return redirect(`${here}?saved=adjust`);
      }
      case "split": {
        const parsed = SplitClaimSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await splitClaim(claimId, parsed.data.version, parsed.data.splitBefore, user);
        return redirect(`/articles/${articleId}#claim-item-${claimId}`);
      }
      case "merge": {
        const parsed = MergeClaimSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await mergeClaims(claimId, parsed.data.version, parsed.data.otherId, user);
        return redirect(`${here}?saved=merge`);
      }
      case "lookup-evidence": {
        // Fills the new-source form from the page itself; nothing is saved until "Add source".
        const url = EvidenceSchema.shape.url.safeParse(values.url);
        if (!url.success)
          return failure("add-evidence", values, "Nothing was looked up.", 400, {
            fields: { url: url.error.issues[0]!.message },
          });
        try {
          const page = await fetchPage(url.data);
          const filled = {
            ...values,
            title: values.title || page.title,
            publisher: values.publisher || page.outlet,
            publishedOn: values.publishedOn || page.originalDate,
            archiveUrl: values.archiveUrl || archiveUrlFor(url.data),
          };
          return data<ActionNotice>({
            ok: true,
            intent: "add-evidence",
            values: filled,
            notice: "Filled in from the page. Check the details, then add the source.",
          });
        } catch (error) {
          if (!(error instanceof FetchRefused)) throw error;
          return failure(
            "add-evidence",
            values,
            "The page could not be fetched; fill in the details by hand.",
            400,
            { fields: { url: error.message } },
          );
        }
      }
      case "add-evidence": {
        const parsed = EvidenceSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await addEvidence(claimId, parsed.data, user);
        return redirect(`${here}?saved=evidence#evidence`);
      }
      case "edit-evidence": {
        const parsed = EvidenceSchema.safeParse(values);
        if (!parsed.success) return invalid(parsed.error);
        await updateEvidence(parseId(values.evidenceId, "evidence"), parsed.data, user);
        return redirect(`${here}?saved=evidence#evidence`);
      }
      case "remove-evidence": {
        await removeEvidence(parseId(values.evidenceId, "evidence"), user);
        return redirect(`${here}?saved=evidence#evidence`);
      }
      default:
        return failure(intent, values, "That action is not known. Reload the page and try again.");
    }
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

const SAVED: Record<string, string> = {
  review: "Verdict, rationale and status saved.",
  approve: "Approved. It will be included in the next publication.",
  "send-back": "Sent back to the editor with your comment.",
  assign: "Assignment saved.",
  adjust: "Claim boundaries updated.",
  merge: "Claims merged.",
  evidence: "Evidence updated.",
};

export default function ClaimPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    claim,
    article,
    siblings,
    rationaleHtml,
    lastEditor,
    approvedBy,
    canEdit,
    canApprove,
    canReview,
    isLastEditor,
    members,
    saved,
    history: trail,
  } = loaderData;
  const failed = (intent: string): ActionState | null => (actionData?.intent === intent ? actionData : null);
  const review = failed("review");
  const reviewValues = review?.values;

  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › <Link to={`/articles/${article.id}`}>{article.title}</Link> ›
        Claim #{claim.id}
      </p>
      {saved && SAVED[saved] && !actionData ? (
        <p className="message message--success" role="status">
          {SAVED[saved]}
        </p>
      ) : null}
      <h1 className="claim-title">“{claim.quote}”</h1>
      <p className="meta">
        <StatusBadge status={claim.status} /> <VerdictBadge verdict={claim.verdict} /> · score{" "}
        {claim.score.toFixed(2)} ·
        {claim.origin === "machine" ? " proposed by Claimdesk" : " added by an editor"}
        {lastEditor ? ` · last edited by ${lastEditor}` : ""}
        {approvedBy && claim.approvedAt
          ? ` · approved by ${approvedBy}, ${formatDate(claim.approvedAt)}`
          : ""}
      </p>
      {canEdit ? (
        <Form method="post" className="row-form assign-form">
          <FormMessage error={failed("assign")?.error} />
          <label htmlFor="assigneeId">Assigned to</label>
          <select id="assigneeId" name="assigneeId" defaultValue={claim.assigneeId ?? ""}>
            <option value="">Nobody</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="assign" className="button button--secondary">
            Assign
          </button>
        </Form>
      ) : (
        <p className="meta">Assigned to {assigneeName(members, claim.assigneeId)}.</p>
      )}
      {claim.reviewNote && claim.status !== "approved" ? (
        <div className="review-note" role="note">
          <strong>
            {claim.status === "needs-review"
              ? "Sent back earlier, now resubmitted:"
              : "Sent back by the reviewer:"}
          </strong>{" "}
          {claim.reviewNote}
        </div>
      ) : null}
      <p className="context">
        <span className="context__around">…{claim.prefix}</span>
        <mark>{claim.quote}</mark>
        <span className="context__around">{claim.suffix}…</span>
      </p>
      <CheckWorthyReasons reasons={claim.reasons} />

      <div className="claim-layout">
        <section className="panel" aria-labelledby="verdict-heading">
          <h2 id="verdict-heading">Verdict and rationale</h2>
          {canEdit ? (
            <>
              <FormMessage error={review?.error} />
              {review?.conflict ? (
                <div className="conflict" role="region" aria-label="The version saved by someone else">
                  <p>
                    <strong>Saved meanwhile:</strong> verdict {verdictLabel(claim.verdict)}, status{" "}
                    {STATUS_LABELS[claim.status as keyof typeof STATUS_LABELS] ?? claim.status}.
                  </p>
                  {claim.rationale ? (
                    <div className="rationale" dangerouslySetInnerHTML={{ __html: rationaleHtml }} />
                  ) : (
                    <p>(no rationale)</p>
                  )}
                </div>
              ) : null}
              <Form method="post" className="stack" key={`review-${claim.version}`}>
                <input type="hidden" name="version" value={claim.version} />
                <Field label="Verdict" name="verdict" error={review?.fields?.verdict}>
                  <select
                    id="verdict"
                    name="verdict"
                    defaultValue={reviewValues?.verdict ?? claim.verdict ?? ""}
                  >
                    <option value="">No verdict yet</option>
                    {VERDICTS.map((v) => (
                      <option key={v.key} value={v.key}>
                        {v.label}: {v.meaning}
                      </option>
                    ))}
                  </select>
                </Field>
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
                <button type="submit" name="intent" value="review" className="button">
                  Save verdict
                </button>
              </Form>
            </>
          ) : (
            <div
              className="rationale"
              dangerouslySetInnerHTML={{ __html: rationaleHtml || "<p>No rationale yet.</p>" }}
            />
          )}
          {canReview && (claim.status === "needs-review" || claim.status === "approved") ? (
            <details className="send-back" open={failed("send-back") ? true : undefined}>
              <summary>Send back to the editor</summary>
              <FormMessage error={failed("send-back")?.error} />
              <Form method="post" className="stack">
                <input type="hidden" name="version" value={claim.version} />
                <Field
                  label="What needs to change"
                  name="comment"
                  error={failed("send-back")?.fields?.comment}
                  hint="Required. The editor sees it on the claim and on the desk."
                >
                  <textarea
                    id="comment"
                    name="comment"
                    rows={3}
                    required
                    defaultValue={failed("send-back")?.values.comment}
                  />
                </Field>
                <button type="submit" name="intent" value="send-back" className="button button--secondary">
                  Send back
                </button>
              </Form>
            </details>
          ) : null}
          {claim.status !== "approved" && (canApprove || isLastEditor) ? (
            <div className="approve">
              <h3>Approval</h3>
              <FormMessage error={failed("approve")?.error} />
              {!canApprove ? (
                <p className="hint">
                  You wrote this verdict and rationale, so a second person must approve it.
                </p>
              ) : !claim.verdict || claim.rationale.trim() === "" ? (
                <p className="hint">A verdict and a written rationale are needed before approval.</p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="version" value={claim.version} />
                  <button type="submit" name="intent" value="approve" className="button button--approve">
                    Approve this verdict
                  </button>
                </Form>
              )}
            </div>
          ) : null}
        </section>

        <section className="panel" id="evidence" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Evidence ({claim.evidence.length})</h2>
          <ol className="evidence">
            {claim.evidence.map((e) => (
              <li key={e.id}>
                <span className={`stance stance--${e.stance}`}>
                  {STANCE_LABELS[e.stance as keyof typeof STANCE_LABELS] ?? e.stance}
                </span>{" "}
                <a href={safeHref(e.url)} rel="nofollow noopener">
                  {e.title || e.publisher || e.url}
                </a>
                {e.publisher && e.title ? `, ${e.publisher}` : ""}
                {e.publishedOn ? `, ${formatPartialDate(e.publishedOn)}` : ""}
                {e.note ? <span className="evidence__note">. {e.note}</span> : null}
                {canEdit ? (
                  <details>
                    <summary>Edit or remove</summary>
                    <EvidenceForm
                      intent="edit-evidence"
                      evidence={e}
                      failure={
                        failed("edit-evidence")?.values.evidenceId === String(e.id)
                          ? failed("edit-evidence")
                          : null
                      }
                    />
                    <Form method="post">
                      <input type="hidden" name="evidenceId" value={e.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove-evidence"
                        className="link-button danger"
                      >
                        Remove this source
                      </button>
                    </Form>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
          {canEdit ? (
            <>
              <h3>Add a source</h3>
              <EvidenceForm
                key={JSON.stringify(failed("add-evidence")?.values ?? {})}
                intent="add-evidence"
                failure={failed("add-evidence")}
              />
            </>
          ) : null}
        </section>
      </div>

      {canEdit ? (
        <section className="panel" aria-labelledby="shape-heading">
          <h2 id="shape-heading">Claim boundaries</h2>
          <div className="grid-3">
            <div>
              <h3>Adjust</h3>
              <FormMessage error={failed("adjust")?.error} />
              <Form method="post" className="stack" key={`adjust-${claim.version}`}>
                <input type="hidden" name="version" value={claim.version} />
                <Field
                  label="The claim's exact words"
                  name="adjust-quote"
                  error={failed("adjust")?.fields?.quote}
                  hint="Trim or extend using the article's own words."
                >
                  <textarea
                    id="adjust-quote"
                    name="quote"
                    rows={4}
                    defaultValue={failed("adjust")?.values.quote ?? claim.quote}
                  />
                </Field>
                <button type="submit" name="intent" value="adjust" className="button button--secondary">
                  Save boundaries
                </button>
              </Form>
            </div>
            <div>
              <h3>Split in two</h3>
              <FormMessage error={failed("split")?.error} />
              <Form method="post" className="stack">
                <input type="hidden" name="version" value={claim.version} />
                <Field
                  label="Second claim starts with"
                  name="splitBefore"
                  error={failed("split")?.fields?.splitBefore}
                  hint="Type the first words of the second part."
                >
                  <input
                    id="splitBefore"
                    name="splitBefore"
                    defaultValue={failed("split")?.values.splitBefore}
                  />
                </Field>
                <button type="submit" name="intent" value="split" className="button button--secondary">
                  Split
                </button>
              </Form>
            </div>
            <div>
              <h3>Merge</h3>
              <FormMessage error={failed("merge")?.error} />
              <Form method="post" className="stack">
                <input type="hidden" name="version" value={claim.version} />
                <Field label="Merge with" name="otherId" error={failed("merge")?.fields?.otherId}>
                  <select id="otherId" name="otherId" defaultValue="">
                    <option value="">Choose a claim…</option>
                    {siblings.map((s) => (
                      <option key={s.id} value={s.id}>
                        #{s.id}: {s.quote.slice(0, 70)}
                        {s.quote.length > 70 ? "…" : ""}
                      </option>
                    ))}
                  </select>
                </Field>
                <button type="submit" name="intent" value="merge" className="button button--secondary">
                  Merge
                </button>
              </Form>
            </div>
          </div>
        </section>
      ) : null}
      <details className="panel history-panel">
        <summary>History of this claim ({trail.length})</summary>
        <HistoryList entries={trail} />
      </details>
    </div>
  );
}

interface EvidenceValues {
  id?: number;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  stance: string;
  note: string;
  excerpt: string;
  archiveUrl: string;
}

function EvidenceForm({
  intent,
  evidence,
  failure,
}: {
  intent: string;
  evidence?: EvidenceValues;
  failure: ActionState | null;
}) {
  const v: Partial<Record<string, string>> =
    failure?.values ?? (evidence ? { ...evidence, id: String(evidence.id) } : {});
  const f = failure?.fields ?? {};
  const p = evidence ? `e${evidence.id}-` : "new-";
  return (
    <Form method="post" className="stack evidence-form">
      <FormMessage error={failure?.error} success={failure?.ok ? failure.notice : null} />
      {evidence ? <input type="hidden" name="evidenceId" value={evidence.id} /> : null}
      <Field label="URL" name={`${p}url`} error={f.url}>
        <input id={`${p}url`} name="url" type="url" required placeholder="https://" defaultValue={v.url} />
      </Field>
      {evidence ? null : (
        <button type="submit" name="intent" value="lookup-evidence" formNoValidate className="link-button">
          Fill in title, publisher, date and archive link from the page
        </button>
      )}
      <div className="grid-2">
        <Field label="Title" name={`${p}title`} error={f.title}>
          <input id={`${p}title`} name="title" defaultValue={v.title} />
        </Field>
        <Field label="Publisher" name={`${p}publisher`} error={f.publisher}>
          <input id={`${p}publisher`} name="publisher" defaultValue={v.publisher} />
        </Field>
        <Field
          label="Publication date"
          name={`${p}publishedOn`}
          error={f.publishedOn}
          hint="2025-08-29, 2025-08 or 2025"
        >
          <input id={`${p}publishedOn`} name="publishedOn" defaultValue={v.publishedOn} />
        </Field>
        <Field label="Stance" name={`${p}stance`} error={f.stance}>
          <select id={`${p}stance`} name="stance" defaultValue={v.stance ?? "supports"}>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Note" name={`${p}note`} error={f.note}>
        <textarea id={`${p}note`} name="note" rows={2} defaultValue={v.note} />
      </Field>
      <Field label="Quoted excerpt (optional)" name={`${p}excerpt`} error={f.excerpt}>
        <textarea id={`${p}excerpt`} name="excerpt" rows={2} defaultValue={v.excerpt} />
      </Field>
      <Field label="Archive URL (optional)" name={`${p}archiveUrl`} error={f.archiveUrl}>
        <input id={`${p}archiveUrl`} name="archiveUrl" type="url" defaultValue={v.archiveUrl} />
      </Field>
      <button type="submit" name="intent" value={intent} className="button button--secondary">
        {evidence ? "Save source" : "Add source"}
      </button>
    </Form>
  );
}
