import { useEffect, useRef } from "react";
import { Form, Link, redirect, redirectDocument } from "react-router";
import type { Route } from "./+types/article";
import { can } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import { listDeskMembers } from "../auth/users.server";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { loadArticle, MAX_PROPOSALS } from "../newsroom/articles.server";
import { addClaim, parseReasons, setClaimStatus } from "../newsroom/claims.server";
import { AddClaimSchema, PublishSchema, versionField } from "../newsroom/schemas";
import { publishArticle } from "../publishing/publish.server";
import { fetchPage } from "../importing/import.server";
import { FetchRefused } from "../importing/safe-fetch.server";
import { reviseArticle, revisionParam, revisionSummary } from "../newsroom/revise.server";
import { renderAnnotated, type Highlight } from "../publishing/annotate";
import { useHydrated } from "../ui/hydrated";
import { revalidateOnConflict } from "../ui/revalidate";
import {
  assigneeName,
  CheckWorthyReasons,
  FormMessage,
  StatusBadge,
  VerdictBadge,
  safeHref,
} from "../ui/components";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.article.title ?? "Article"} · Workbench · Claimdesk` },
];

export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "read-drafts");
  const { article } = await orErrorPage(loadArticle(parseId(params.id, "article")));
  const visible = article.claims.filter((c) => c.status !== "dismissed" && !c.orphanedAt);
  const highlights: Highlight[] = visible.map((c) => ({
    start: c.start,
    end: c.end,
    claimId: String(c.id),
    className: `claim claim--status-${c.status}`,
    anchorId: `claim-${c.id}`,
    ref: { href: `#claim-item-${c.id}`, text: String(c.id), label: `Claim ${c.id}` },
  }));
  return {
    article: { ...article, markdown: undefined },
    claims: article.claims.map((c) => ({ ...c, reasons: parseReasons(c.reasons) })),
    members: await listDeskMembers(),
    html: renderAnnotated(article.markdown, highlights),
    canEdit: can(user.role, "edit"),
    canPublish: can(user.role, "publish"),
    revised: revisionSummary(new URL(request.url).searchParams.get("revised")),
    /** Set when Claimdesk proposed as many claims as it ever does for one article. */
    proposalLimit:
      article.claims.filter((c) => c.origin === "machine").length >= MAX_PROPOSALS ? MAX_PROPOSALS : null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const articleId = parseId(params.id, "article");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  const user = await requirePermission(request, intent === "publish" ? "publish" : "edit");
  try {
    switch (intent) {
      case "add-claim": {
        const parsed = AddClaimSchema.safeParse(values);
        if (!parsed.success) return failure(intent, values, parsed.error.issues[0]!.message);
        const claim = await addClaim(articleId, parsed.data, user);
        return redirect(`/articles/${articleId}/claims/${claim.id}`);
      }
      case "dismiss":
      case "restore": {
        const version = versionField.safeParse(values.version);
        if (!version.success)
          return failure(intent, values, "The form is missing its version; reload the page.");
        await setClaimStatus(
          parseId(values.claimId, "claim"),
          version.data,
          intent === "dismiss" ? "dismissed" : "candidate",
          user,
        );
        return redirect(`/articles/${articleId}#claim-item-${values.claimId}`);
      }
      case "reimport": {
        // The article as it now reads at its original address; claims are re-anchored.
        const version = versionField.safeParse(values.articleVersion);
        if (!version.success)
          return failure(intent, values, "The form is missing its version; reload the page.");
        const { article } = await loadArticle(articleId);
        if (!article.sourceUrl)
          return failure(intent, values, "This article has no original URL to re-import from.");
        let markdown: string;
        try {
          markdown = (await fetchPage(article.sourceUrl)).markdown;
        } catch (error) {
          if (error instanceof FetchRefused)
            return failure(intent, values, `Re-import failed: ${error.message}`);
          throw error;
        }
        const r = await reviseArticle(articleId, { markdown, version: version.data }, user);
        return redirect(`/articles/${articleId}?revised=${revisionParam(r)}`);
      }
      case "publish": {
        const parsed = PublishSchema.safeParse(values);
        if (!parsed.success) return failure(intent, values, parsed.error.issues[0]!.message);
        const { slug, number } = await publishArticle(articleId, parsed.data, user);
        // The published page is a stored document (a resource route): the browser must load it, not the router.
        return redirectDocument(`/fact-checks/${slug}/v/${number}`);
      }
      default:
        return failure(intent, values, "That action is not known. Reload the page and try again.");
    }
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

/** With JavaScript, selecting text in the article fills the "add a claim" form. Returns whether it is on. */
function useSelectionToQuote(
  container: React.RefObject<HTMLDivElement | null>,
  target: React.RefObject<HTMLTextAreaElement | null>,
) {
  const enabled = useHydrated();
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !container.current || !target.current) return;
      if (!container.current.contains(selection.anchorNode)) return;
      const text = selection.toString().trim();
      if (text.length >= 3) target.current.value = text;
    };
    // selectionchange covers keyboard and script selections; mouseup and keyup catch the end of a drag.
    const area = container.current;
    document.addEventListener("selectionchange", onSelection);
    area?.addEventListener("mouseup", onSelection);
    area?.addEventListener("keyup", onSelection);
    return () => {
      document.removeEventListener("selectionchange", onSelection);
      area?.removeEventListener("mouseup", onSelection);
      area?.removeEventListener("keyup", onSelection);
    };
  }, [container, target]);
  return enabled;
}

export default function ArticleWorkbench({ loaderData, actionData }: Route.ComponentProps) {
  const { article, claims, members, html, canEdit, canPublish, revised, proposalLimit } = loaderData;
  const textRef = useRef<HTMLDivElement>(null);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const selecting = useSelectionToQuote(textRef, quoteRef);
  const active = claims.filter((c) => c.status !== "dismissed" && !c.orphanedAt);
  const dismissed = claims.filter((c) => c.status === "dismissed");
  const orphans = claims.filter((c) => c.status !== "dismissed" && c.orphanedAt);
  const approved = claims.filter((c) => c.status === "approved").length;
  const nextVersion = (article.publications[0]?.number ?? 0) + 1;
  const error = (intent: string) => (actionData?.intent === intent ? actionData.error : null);

  return (
    <div className="page wide">
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › Article
      </p>
      <div className="page-head">
        <div>
          <h1>{article.title}</h1>
          <p className="meta">
            {[
              article.outlet,
              article.author,
              article.originalDate,
              article.status === "published" ? "Published" : "Draft",
            ]
              .filter(Boolean)
              .join(" · ")}
            {article.sourceUrl ? (
              <>
                {" "}
                ·{" "}
                <a href={safeHref(article.sourceUrl)} rel="nofollow noopener">
                  original
                </a>
              </>
            ) : null}
            {" · "}
            {active.length} {active.length === 1 ? "claim" : "claims"}, {approved} approved
          </p>
        </div>
        <div className="page-actions">
          {canEdit ? <Link to={`/articles/${article.id}/edit`}>Correct the article text</Link> : null}
          <Link to={`/articles/${article.id}/history`}>History</Link>
          {canEdit && article.sourceUrl ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="articleVersion" value={article.version} />
              <button type="submit" name="intent" value="reimport" className="link-button">
                Re-import from the original URL
              </button>
            </Form>
          ) : null}
          {article.publications[0] ? (
            <Link to={`/fact-checks/${article.slug}`}>
              View published version {article.publications[0].number}
            </Link>
          ) : null}
        </div>
      </div>
      <FormMessage
        error={error("dismiss") ?? error("restore") ?? error("reimport")}
        success={actionData ? null : revised}
      />
      <div className="workbench">
        <section className="workbench__text" aria-labelledby="text-heading">
          <h2 id="text-heading">Article text</h2>
          <p className="hint">
            Highlighted: proposed and accepted claims. The number after each links to it in the list.
          </p>
          <div ref={textRef} className="article-text" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
        <aside className="workbench__claims" aria-labelledby="claims-heading">
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
                The article changed and these passages could not be found again with confidence. Place each
                one again, or dismiss it.
              </p>
              <ul>
                {orphans.map((c) => (
                  <li key={c.id} id={`claim-item-${c.id}`}>
                    <q>{c.quote}</q> <span className="meta">{c.orphanReason}</span>{" "}
                    <Link to={`/articles/${article.id}/claims/${c.id}`}>Place it again</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ol className="claim-list">
            {active.map((c) => (
              <li key={c.id} id={`claim-item-${c.id}`} className="claim-item">
                <div className="claim-item__head">
                  <span className="claim-item__number">#{c.id}</span> <StatusBadge status={c.status} />
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
                  <Link to={`/articles/${article.id}/claims/${c.id}`}>
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
                    “{c.quote}”
                    {canEdit ? <ClaimStatusButton claim={c} intent="restore" label="Restore" /> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {canEdit ? (
            <section className="panel" aria-labelledby="add-heading">
              <h3 id="add-heading">Add a claim</h3>
              <FormMessage error={error("add-claim")} />
              <Form method="post" className="stack">
                <div className="field">
                  <label htmlFor="quote">Exact words from the article</label>
                  <p className="hint" id="quote-hint">
                    {selecting
                      ? "Select text in the article to fill this in, or paste the passage."
                      : "Paste the passage exactly as it appears in the article."}
                  </p>
                  <textarea
                    id="quote"
                    name="quote"
                    rows={3}
                    ref={quoteRef}
                    aria-describedby="quote-hint"
                    defaultValue={actionData?.intent === "add-claim" ? actionData.values.quote : ""}
                  />
                </div>
                <button type="submit" name="intent" value="add-claim" className="button">
                  Add claim
                </button>
              </Form>
            </section>
          ) : null}
          {canPublish ? (
            <section className="panel" aria-labelledby="publish-heading">
              <h3 id="publish-heading">Publish version {nextVersion}</h3>
              <p className="hint">Publishes the {approved} approved claims as an unchangeable snapshot.</p>
              <FormMessage error={error("publish")} />
              <Form method="post" className="stack">
                <input type="hidden" name="articleVersion" value={article.version} />
                <div className="field">
                  <label htmlFor="changeNote">
                    {nextVersion > 1 ? "What changed (shown to readers as a correction)" : "Note (optional)"}
                  </label>
                  <textarea
                    id="changeNote"
                    name="changeNote"
                    rows={2}
                    required={nextVersion > 1}
                    defaultValue={actionData?.intent === "publish" ? actionData.values.changeNote : ""}
                  />
                </div>
                <button type="submit" name="intent" value="publish" className="button">
                  Publish version {nextVersion}
                </button>
              </Form>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
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
