import { useRef } from "react";
import { redirect, redirectDocument } from "react-router";
import type { Route } from "./+types/article";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { addClaim, setClaimStatus } from "../newsroom/claims.server";
import { AddClaimSchema, PublishSchema, versionField } from "../newsroom/schemas";
import { reimportArticle, revisionParam, revisionSummary } from "../newsroom/revise.server";
import { articleWorkbench } from "../newsroom/workbench.server";
import { latestNumber } from "../publishing/latest.server";
import { publishArticle } from "../publishing/publish.server";
import { renderAnnotated } from "../publishing/annotate";
import { importNotice } from "../importing/pasted-html";
import { ArticleClaims, groupClaims, workbenchHighlights } from "../ui/ArticleClaims";
import { AddClaimForm, PublishForm } from "../ui/ArticleForms";
import { ArticleHead } from "../ui/ArticleHead";
import { FormMessage } from "../ui/components";
import { stateOf } from "../ui/form-state";
import { revalidateOnConflict } from "../ui/revalidate";
import { useSelectionToQuote } from "../ui/selection";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.article.title ?? "Article"} · Workbench · Claimdesk` },
];

export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "read-drafts");
  const articleId = parseId(params.id, "article");
  const { markdown, ...page } = await orErrorPage(articleWorkbench(articleId, user));
  return {
    ...page,
    publishedVersion: await latestNumber({ articleId }),
    html: renderAnnotated(markdown, workbenchHighlights(page.claims)),
    revised:
      revisionSummary(new URL(request.url).searchParams.get("revised")) ??
      importNotice(new URL(request.url).searchParams.get("imported")),
  };
}

const MISSING_VERSION = "The form is missing its version; reload the page.";

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
        if (!version.success) return failure(intent, values, MISSING_VERSION);
        const status = intent === "dismiss" ? "dismissed" : "candidate";
        await setClaimStatus(parseId(values.claimId, "claim"), version.data, status, user);
        return redirect(`/articles/${articleId}#claim-item-${values.claimId}`);
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

export default function ArticleWorkbench({ loaderData, actionData }: Route.ComponentProps) {
  const { article, publishedVersion, claims, members, html, canEdit, canPublish, revised, proposalLimit } =
    loaderData;
  const textRef = useRef<HTMLDivElement>(null);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const selecting = useSelectionToQuote(textRef, quoteRef);
  const { active, approved } = groupClaims(claims);
  const state = actionData ?? null;
  const error = (intent: string) => stateOf(state, intent)?.error ?? null;

  return (
    <div className="page wide">
      <ArticleHead
        article={article}
        publishedVersion={publishedVersion}
        claims={active.length}
        approved={approved}
        canEdit={canEdit}
      />
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
          <ArticleClaims
            articleId={article.id}
            claims={claims}
            members={members}
            canEdit={canEdit}
            proposalLimit={proposalLimit}
          />
          {canEdit ? (
            <AddClaimForm quoteRef={quoteRef} selecting={selecting} state={stateOf(state, "add-claim")} />
          ) : null}
          {canPublish ? (
            <PublishForm
              articleVersion={article.version}
              nextVersion={(publishedVersion ?? 0) + 1}
              approved={approved}
              state={stateOf(state, "publish")}
            />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
