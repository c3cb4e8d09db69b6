import { Form } from "react-router";
import { formatNumber } from "../reference/check";
import { METRIC_KEYS, METRICS, type HardwareSpec } from "../reference/hardware";
import { ErrorSummary } from "./ErrorSummary";
import { Field, FormMessage } from "./components";
import type { FormState } from "./form-state";

const TEXT_FIELDS = [
  { name: "name", label: "Name", hint: "As the maker names it, e.g. “NVIDIA HGX H20”." },
  {
    name: "aliases",
    label: "Other names",
    hint: "Comma-separated names the press uses that are not derived from the name (“Hopper H20”). Vendor, “HGX”, SXM/PCIe and memory sizes are taken off the name already.",
  },
  { name: "manufacturer", label: "Manufacturer" },
] as const;

const LATER_FIELDS = [
  { name: "foundry", label: "Foundry" },
  { name: "releaseDate", label: "Release date", hint: "YYYY-MM-DD, or empty." },
  {
    name: "sourceName",
    label: "Source",
    hint: "Who vouches for these figures: a datasheet, Epoch AI, the vendor.",
  },
  { name: "sourceUrl", label: "Source link", hint: "A web address starting with http:// or https://." },
] as const;

/** A row's fields as the form shows them: typed values after a refusal, else the stored ones. */
export function formValuesOf(row: HardwareSpec | null): Record<string, string> {
  if (!row) return {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) values[key] = value === null ? "" : String(value);
  return values;
}

function labelOf(id: string) {
  return (
    [...TEXT_FIELDS, ...LATER_FIELDS].find((f) => f.name === id)?.label ??
    (id in METRICS ? METRICS[id as keyof typeof METRICS].label : undefined)
  );
}

/** The add and correct form: the same fields, checked by the same schema (app/reference/schemas.ts). */
export function HardwareRowForm({
  intent,
  submitLabel,
  values,
  state,
  version,
}: {
  intent: "add" | "correct";
  submitLabel: string;
  values: Record<string, string>;
  state: FormState | null;
  version?: number;
}) {
  const shown = state?.values ?? values;
  const errors = state?.fields ?? {};
  const field = (name: string, label: string, hint?: string, inputMode?: "decimal") => (
    <Field key={name} label={label} name={name} hint={hint} error={errors[name]}>
      <input id={name} name={name} type="text" inputMode={inputMode} defaultValue={shown[name] ?? ""} />
    </Field>
  );
  return (
    <Form method="post" className="stack" key={`${intent}-${version ?? 0}`}>
      {state?.error && Object.keys(errors).length > 0 ? (
        <ErrorSummary title={state.error} errors={errors} label={labelOf} />
      ) : (
        <FormMessage error={state?.error} focusOn={state} />
      )}
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {TEXT_FIELDS.map((f) => field(f.name, f.label, "hint" in f ? f.hint : undefined))}
      <fieldset>
        <legend>Figures (leave a figure empty when it is not known)</legend>
        {METRIC_KEYS.map((metric) =>
          field(metric, `${METRICS[metric].label} (${METRICS[metric].unit})`, undefined, "decimal"),
        )}
      </fieldset>
      {LATER_FIELDS.map((f) => field(f.name, f.label, "hint" in f ? f.hint : undefined))}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** The figures someone else saved meanwhile, shown beside a refused correction. */
export function SavedMeanwhile({ row }: { row: HardwareSpec }) {
  return (
    <div className="conflict" role="region" aria-label="The version saved by someone else">
      <p>
        <strong>Saved meanwhile:</strong> {row.name} ·{" "}
        {METRIC_KEYS.filter((m) => row[m] !== null)
          .map((m) => `${METRICS[m].label} ${formatNumber(row[m]!)} ${METRICS[m].unit}`)
          .join(" · ")}{" "}
        · source {row.sourceName}
      </p>
    </div>
  );
}
