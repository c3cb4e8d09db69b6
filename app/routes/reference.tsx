import { Link, redirect } from "react-router";
import type { Route } from "./+types/reference";
import { requirePermission } from "../auth/session.server";
import { pagedAnswer, readPage } from "../newsroom/paging";
import { formatNumber } from "../reference/check";
import { EPOCH_CREDIT, EPOCH_URL } from "../reference/hardware";
import { addReferenceRow, referencePage } from "../reference/reference.server";
import { fieldErrors, HardwareFormSchema } from "../reference/schemas";
import { Pager } from "../ui/Pager";
import { HardwareRowForm } from "../ui/ReferenceForms";
import { stateOf } from "../ui/form-state";
import { domainFailure, failure, formValues, readForm } from "../utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Hardware reference · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  await requirePermission(request, url, "edit");
  const params = url.searchParams;
  const search = (params.get("q") ?? "").trim().slice(0, 200);
  const rows = await referencePage(search, readPage(params).page);
  return pagedAnswer({ search, rows }, rows);
}

export async function action({ request, url }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "edit");
  const values = formValues(await readForm(request));
  const intent = values.intent ?? "";
  if (intent !== "add")
    return failure(intent, values, "That action is not known. Reload the page and try again.");
  const parsed = HardwareFormSchema.safeParse(values);
  if (!parsed.success)
    return failure(intent, values, "Nothing was added. Check the highlighted fields.", 400, {
      fields: fieldErrors(parsed.error),
    });
  try {
    const row = await addReferenceRow(parsed.data, user);
    return redirect(`/reference/${row.id}?saved=added`);
  } catch (error) {
    return domainFailure(intent, values, error);
  }
}

const figure = (value: number | null, unit: string) =>
  value === null ? "—" : `${formatNumber(value)} ${unit}`;

export default function ReferencePage({ loaderData, actionData }: Route.ComponentProps) {
  const { search, rows } = loaderData;
  const adding = stateOf(actionData ?? null, "add");
  const here = search ? `/reference?q=${encodeURIComponent(search)}` : "/reference";
  return (
    <div className="page">
      <h1>Hardware reference</h1>
      <p className="hint">
        The figures the claim page sets claims against. Correct a row when a datasheet says otherwise, and say
        so in its source; every change is recorded. <a href={EPOCH_URL}>{EPOCH_CREDIT}</a>.
      </p>
      <form method="get" className="inline-form" role="search">
        <label htmlFor="q">Search by name, other name or manufacturer</label>{" "}
        <input id="q" name="q" type="search" defaultValue={search} />{" "}
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p role="status">
        {rows.total} {rows.total === 1 ? "row" : "rows"}
        {search ? ` ${rows.total === 1 ? "matches" : "match"} “${search}”` : ""}.
      </p>
      {rows.items.length > 0 ? (
        <table className="table table--stack">
          <caption className="visually-hidden">Reference rows, by name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Manufacturer</th>
              <th scope="col">INT8</th>
              <th scope="col">FP16</th>
              <th scope="col">Memory</th>
              <th scope="col">TDP</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/reference/${row.id}`}>{row.name}</Link>
                </th>
                <td data-label="Manufacturer">{row.manufacturer || "—"}</td>
                <td data-label="INT8">{figure(row.int8Tops, "TOPS")}</td>
                <td data-label="FP16">{figure(row.fp16Tflops, "TFLOPS")}</td>
                <td data-label="Memory">{figure(row.memoryGb, "GB")}</td>
                <td data-label="TDP">{figure(row.tdpWatts, "W")}</td>
                <td data-label="Source">{row.sourceName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager
        page={rows.page}
        hasPrevious={rows.hasPrevious}
        hasNext={rows.hasNext}
        shown={rows.items.length}
        here={here}
        label="Reference pages"
      />
      <details className="panel" open={adding !== null}>
        <summary>Add a row</summary>
        <HardwareRowForm intent="add" submitLabel="Add row" values={{}} state={adding} />
      </details>
    </div>
  );
}
