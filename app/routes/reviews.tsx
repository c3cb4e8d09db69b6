import type { Route } from "./+types/reviews";
import { can } from "../auth/roles";
import { requirePermission } from "../auth/session.server";
import { formatCount } from "../newsroom/page-links";
import { pagedAnswer } from "../newsroom/paging";
import { importFromReviewForm, reviewsPage } from "../reviews/reviews.server";
import { domainFailure, formValues, readForm } from "../utils/http.server";
import { FormMessage } from "../ui/components";
import { ExternalReviewList, ImportSummaryPanel } from "../ui/ExternalReview";
import { ImportReviewsForm } from "../ui/ImportReviewsForm";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "Other fact-checkers’ reviews · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "read-drafts");
  const reviews = await reviewsPage(url.searchParams);
  return pagedAnswer(
    { ...reviews, canImport: can(user.role, "edit"), here: url.pathname + url.search },
    reviews.page,
  );
}

export async function action({ request, url }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "edit");
  const values = formValues(await readForm(request));
  try {
    return { ok: true as const, summary: await importFromReviewForm(values, user) };
  } catch (error) {
    return domainFailure("import-reviews", values, error);
  }
}

export default function Reviews({ loaderData, actionData }: Route.ComponentProps) {
  const { page, total, canImport, here } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="page wide">
      <h1>Other fact-checkers’ reviews</h1>
      <p>
        Reviews published by other fact-checkers, imported from their ClaimReview markup for reference. They
        are theirs, not ours: never published here, shown in search under “Other fact-checkers” and on claim
        pages under “Checked before?”, always linked to their own site.
      </p>
      {actionData?.ok ? <ImportSummaryPanel summary={actionData.summary} /> : null}
      <FormMessage error={failed?.error} focusOn={failed} />
      {canImport ? <ImportReviewsForm values={failed?.values ?? {}} fields={failed?.fields ?? {}} /> : null}
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">
          Imported reviews <span className="count">({formatCount(total)})</span>
        </h2>
        <ExternalReviewList reviews={page.items} />
        <Pager
          page={page.page}
          hasPrevious={page.hasPrevious}
          hasNext={page.hasNext}
          shown={page.items.length}
          here={here}
          label="Pages of reviews"
        />
      </section>
    </div>
  );
}
