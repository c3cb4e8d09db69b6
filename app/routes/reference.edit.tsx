import { Link, redirect } from "react-router";
import type { Route } from "./+types/reference.edit";
import { requirePermission } from "../auth/session.server";
import { correctReferenceRow, referenceHistory, referenceRow } from "../reference/reference.server";
import { fieldErrors, HardwareEditSchema } from "../reference/schemas";
import { formatDate, FormMessage } from "../ui/components";
import { stateOf } from "../ui/form-state";
import { formValuesOf, HardwareRowForm, SavedMeanwhile } from "../ui/ReferenceForms";
import { revalidateOnConflict } from "../ui/revalidate";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.row.name ?? "Reference row"} · Hardware reference · Claimdesk` },
];

export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, url, params }: Route.LoaderArgs) {
  await requirePermission(request, url, "edit");
  const id = parseId(params.id, "reference row");
  return {
    row: await orErrorPage(referenceRow(id)),
    history: await referenceHistory(id),
    saved: url.searchParams.get("saved"),
  };
}

export async function action({ request, url, params }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "edit");
  const id = parseId(params.id, "reference row");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  if (intent !== "correct")
    return failure(intent, values, "That action is not known. Reload the page and try again.");
  const parsed = HardwareEditSchema.safeParse(values);
  if (!parsed.success)
    return failure(intent, values, "Nothing was saved. Check the highlighted fields.", 400, {
      fields: fieldErrors(parsed.error),
    });
  try {
    const { version, ...form } = parsed.data;
    await correctReferenceRow(id, version, form, user);
    return redirect(`/reference/${id}?saved=corrected`);
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

const SAVED: Record<string, string> = {
  added: "Row added. Claims naming it now show its figures.",
  corrected: "Correction saved. Claim pages show the new figures.",
};

export default function ReferenceRowPage({ loaderData, actionData }: Route.ComponentProps) {
  const { row, history } = loaderData;
  const correcting = stateOf(actionData ?? null, "correct");
  return (
    <div className="page">
      <p>
        <Link to="/reference">Hardware reference</Link>
      </p>
      <h1>{row.name}</h1>
      <FormMessage success={actionData ? null : (SAVED[loaderData.saved ?? ""] ?? null)} />
      {correcting?.conflict ? <SavedMeanwhile row={row} /> : null}
      <section className="panel" aria-labelledby="correct-title">
        <h2 id="correct-title">Correct this row</h2>
        <HardwareRowForm
          intent="correct"
          submitLabel="Save correction"
          values={formValuesOf(row)}
          state={correcting}
          version={row.version}
        />
      </section>
      <section className="panel" aria-labelledby="row-history-title">
        <h2 id="row-history-title">Changes ({history.length})</h2>
        {history.length === 0 ? (
          <p className="meta">Not changed since it was loaded from the source.</p>
        ) : (
          <ol>
            {history.map((entry) => (
              <li key={entry.id}>
                {formatDate(entry.at)}: {entry.actor} {entry.action} it
                {entry.changes.length > 0 ? (
                  <ul>
                    {entry.changes.map((change) => (
                      <li key={change.field}>
                        {change.field}: {String(change.before ?? "—")} → {String(change.after ?? "—")}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
