import { useRef } from "react";
import { redirect, redirectDocument } from "react-router";
import type { Route } from "./+types/article";
import { requirePermission } from "../auth/session.server";
import { textLanguage } from "../claims/language";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { oncePerSubmission } from "../db/submissions.server";
import { addClaim, setClaimStatus } from "../newsroom/claims.server";
import { pagedAnswer } from "../newsroom/paging";
import { AddClaimSchema, PublishSchema, versionField } from "../newsroom/schemas";
import { reimportArticle, revisionParam, revisionSummary } from "../newsroom/revise.server";
import { articleWorkbench, PART_CHARS, readWorkbenchView, workbenchHref } from "../newsroom/workbench.server";
import { renderAnnotatedPart } from "../publishing/annotate";
import { latestNumber } from "../publishing/latest.server";
import { publishArticle } from "../publishing/publish.server";
import { factCheckPath } from "../publishing/links";
import { ArticleClaims } from "../ui/ArticleClaims";
import { AddClaimForm, PublishForm, SelectionBar } from "../ui/ArticleForms";
import { TextParts } from "../ui/TextParts";
import { WorkbenchShortcuts } from "../ui/WorkbenchShortcuts";
import { importNotice } from "../importing/pasted-html";
import { ArticleHead } from "../ui/ArticleHead";
import { FormMessage } from "../ui/components";
import { stateOf } from "../ui/form-state";
import { revalidateOnConflict } from "../ui/revalidate";
import { useSelectionToQuote } from "../ui/selection";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.article.title ?? "Article"} · Workbench · Claimdesk` },
];

export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, url, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "read-drafts");
  const articleId = parseId(params.id, "article");
  const view = readWorkbenchView(url.searchParams);
  const justDismissed = Number(url.searchParams.get("dismissed")) || null;
  const { markdown, highlights, ...page } = await orErrorPage(
    articleWorkbench(articleId, user, view, justDismissed !== null),
  );
  // A page of claims past the list's end is a 404 that says so, as every paged list's is.
  return pagedAnswer(
    {
      ...page,
      html: renderAnnotatedPart(markdown, highlights, page.part.part, PART_CHARS).html,
      publishedVersion: await latestNumber({ articleId }),
      revised:
        revisionSummary(url.searchParams.get("revised"), url.searchParams.get("language")) ??
        importNotice(url.searchParams.get("imported")),
      here: url.pathname + url.search,
      justDismissed,
    },
    { page: page.claimsPage.page, items: page.claims },
  );
}

const MISSING_VERSION = "The form is missing its version; reload the page.";

export async function action({ request, url, params }: Route.ActionArgs) {
  const articleId = parseId(params.id, "article");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  const user = await requirePermission(request, url, intent === "publish" ? "publish" : "edit");
  try {
    switch (intent) {
      case "add-claim": {
        const parsed = AddClaimSchema.safeParse(values);
        if (!parsed.success) return failure(intent, values, parsed.error.issues[0]!.message);
        return await oncePerSubmission(values, user.id, async () => {
          const claim = await addClaim(articleId, parsed.data, user);
          return redirect(`/articles/${articleId}/claims/${claim.id}`);
        });
      }
      case "dismiss":
      case "restore": {
        const version = versionField.safeParse(values.version);
        if (!version.success) return failure(intent, values, MISSING_VERSION);
        const status = intent === "dismiss" ? "dismissed" : "candidate";
        await setClaimStatus(parseId(values.claimId, "claim"), version.data, status, user);
        // Back to the part and page of the list the button was on.
        const view = readWorkbenchView(new URLSearchParams(values.view ?? ""));
        if (intent === "restore")
          return redirect(workbenchHref(articleId, view, `claim-item-${values.claimId}`));
        return redirect(workbenchHref(articleId, view, "claim-dismissed", `dismissed=${values.claimId}`));
      }
      case "reimport": {
        // The article as it now reads at its original address; claims are re-anchored.
        const version = versionField.safeParse(values.articleVersion);
        if (!version.success) return failure(intent, values, MISSING_VERSION);
        const revision = await reimportArticle(articleId, version.data, user);
        return redirect(`/articles/${articleId}?revised=${revisionParam(revision)}`);
      }
      case "publish": {
        const parsed = PublishSchema.safeParse(values);
        if (!parsed.success) return failure(intent, values, parsed.error.issues[0]!.message);
        const { slug } = await publishArticle(articleId, parsed.data, user);
        // The published page is a stored document (a resource route): the browser must load it, not the router.
        // Its latest address: version n's own page says "it may have been corrected since".
        return redirectDocument(factCheckPath(slug));
      }
      default:
        return failure(intent, values, "That action is not known. Reload the page and try again.");
    }
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

export default function ArticleWorkbench({ loaderData, actionData }: Route.ComponentProps) {
  const { article, publishedVersion, claims, members, html, part, canEdit, canPublish, revised, totals } =
    loaderData;
  const textRef = useRef<HTMLDivElement>(null);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const selection = useSelectionToQuote(textRef, quoteRef);
  const state = actionData ?? null;
  const error = (intent: string) => stateOf(state, intent)?.error ?? null;

  return (
    <div className="page wide">
      <ArticleHead
        article={article}
        publishedVersion={publishedVersion}
        claims={totals.active}
        approved={totals.approved}
        canEdit={canEdit}
      />
      <FormMessage
        error={error("dismiss") ?? error("restore") ?? error("reimport")}
        focusOn={actionData}
        success={actionData ? null : revised}
      />
      <WorkbenchShortcuts />
      <div className="workbench">
        <section className="workbench__text" aria-labelledby="text-heading">
          <h2 id="text-heading">Article text</h2>
          <p className="hint">
            Highlighted: proposed and accepted claims. The number after each links to it in the list.
          </p>
          <TextParts articleId={article.id} part={part.part} parts={part.parts} />
          <div
            ref={textRef}
            className="article-text"
            lang={textLanguage(article.language)}
            dangerouslySetInnerHTML={{ __html: html }}
          />
        </section>
        <aside className="workbench__claims" aria-labelledby="claims-heading">
          <ArticleClaims
            articleId={article.id}
            claims={claims}
            orphans={loaderData.orphans}
            dismissed={loaderData.dismissed}
            total={totals.active}
            claimsPage={loaderData.claimsPage}
            here={loaderData.here}
            members={members}
            canEdit={canEdit}
            proposalLimit={loaderData.proposalLimit}
            justDismissed={loaderData.justDismissed}
            canPublish={canPublish}
          />
          {canEdit ? (
            <AddClaimForm
              quoteRef={quoteRef}
              selecting={selection.enabled}
              state={stateOf(state, "add-claim")}
            />
          ) : null}
          {canPublish ? (
            <PublishForm
              articleVersion={article.version}
              nextVersion={(publishedVersion ?? 0) + 1}
              totals={totals}
              state={stateOf(state, "publish")}
            />
          ) : null}
        </aside>
      </div>
      {canEdit ? <SelectionBar selected={selection.selected} onClose={selection.clear} /> : null}
    </div>
  );
}
