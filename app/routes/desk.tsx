import { data, redirect } from "react-router";
import type { Route } from "./+types/desk";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, parseId, readForm } from "../utils/http.server";
import { BULK_LIMIT, BulkSchema, bulkFromDesk } from "../triage/bulk.server";
import { assignClaim } from "../newsroom/claims.server";
import { deskPage } from "../newsroom/desk.server";
import { formatCount } from "../newsroom/page-links";
import { pagedAnswer } from "../newsroom/paging";
import { AssignSchema } from "../newsroom/schemas";
import { FormMessage } from "../ui/components";
import { DeskFilters, DeskQuickViews } from "../ui/DeskFilters";
import { DeskBulkForm, DeskTable, RefusedClaims } from "../ui/DeskTable";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "Desk · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "read-drafts");
  const desk = await deskPage(url.searchParams, user);
  return pagedAnswer({ ...desk, back: url.search }, { page: desk.page.page, items: desk.claims });
}

export async function action({ request, url }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "edit");
  const form = await readForm(request);
  const values = formValues(form);
  if (values.intent === "bulk") {
    const parsed = BulkSchema.safeParse({
      ...values,
      claimIds: form.getAll("claimIds").slice(0, BULK_LIMIT + 1),
    });
    if (!parsed.success) return failure("bulk", values, parsed.error.issues[0]!.message);
    try {
      return data(await bulkFromDesk(parsed.data, user));
    } catch (error) {
      return domainFailure("bulk", values, error);
    }
  }
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
  return redirect(`/desk${url.search}#desk-claim-${claimId}`);
}

export default function Desk({ loaderData, actionData }: Route.ComponentProps) {
  const { filter, total, page, claims, counts, members, articles, canAssign, canApprove, back } = loaderData;
  const first = (page.page - 1) * page.size + 1;
  const paged = claims.length > 0 && (page.hasNext || page.hasPrevious);
  return (
    <div className="page wide">
      <h1>Desk</h1>
      <DeskQuickViews filter={filter} counts={counts} canApprove={canApprove} />
      <DeskFilters filter={filter} members={members} articles={articles} />
      <FormMessage
        error={actionData && !actionData.ok ? actionData.error : null}
        focusOn={actionData}
        success={actionData?.ok ? actionData.notice : null}
      />
      <p role="status">
        {total === 0
          ? "No claims match."
          : `${formatCount(total)} ${total === 1 ? "claim matches" : "claims match"}${paged ? `; ${first}–${first + claims.length - 1} shown, most urgent first` : ""}.`}
      </p>
      {claims.length > 0 ? <DeskTable claims={claims} members={members} canAssign={canAssign} /> : null}
      {actionData && "refused" in actionData ? <RefusedClaims refused={actionData.refused} /> : null}
      {claims.length > 0 && canAssign ? <DeskBulkForm members={members} /> : null}
      <Pager
        page={page.page}
        hasPrevious={page.hasPrevious}
        hasNext={page.hasNext}
        shown={claims.length}
        here={`/desk${back}`}
        label="Pages of claims"
      />
    </div>
  );
}
