import type { Measure, Quantity } from "../claims/quantities";

export const MEASURE_LABELS: Record<Measure, string> = {
  compute: "Compute performance",
  power: "Power",
  "process node": "Process node",
  memory: "Memory size",
  bandwidth: "Bandwidth",
  frequency: "Frequency",
  money: "Money",
  percent: "Percentage",
  ratio: "Ratio (a multiple)",
  count: "Count",
  duration: "Duration",
  length: "Length",
  other: "Other",
};

const UNIT_LABELS: Record<string, string> = { x: "× (times)", "%": "%", pp: "percentage points" };

/** A figure's unit as a reader reads it ("× (times)" for x), "—" when it has none. */
export const unitText = (unit: string) => UNIT_LABELS[unit] ?? (unit || "—");

/** One locale for server and browser, so that a page renders the same on both. */
const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 6 });

export type Figure = Pick<
  Quantity,
  "text" | "value" | "upper" | "unit" | "measure" | "normalized" | "comparedTo" | "change"
>;

export function valueText({ value, upper }: Figure): string {
  return upper === undefined ? NUMBER.format(value) : `${NUMBER.format(value)}–${NUMBER.format(upper)}`;
}

/** A figure's value and unit as one phrase: "12 TOPS", "3–4%", "1.5×". */
export function amountText(figure: Figure): string {
  const value = valueText(figure);
  if (figure.unit === "%") return `${value}%`;
  if (figure.unit === "x") return `${value}×`;
  // A count with no noun ("1.2 million"): the table's "—" for no unit would read as a stray dash.
  if (figure.unit === "") return value;
  return `${value} ${unitText(figure.unit)}`;
}

/** What the table adds beyond value and unit: the common unit, what is compared, a change. */
export function figureNotes(figure: Figure): string {
  const said: string[] = [];
  const { normalized } = figure;
  // "3 years" in seconds helps no reader; the normalised form stays in the API and extract.
  const converts = figure.measure !== "duration";
  if (converts && (normalized.unit !== figure.unit || normalized.value !== figure.value)) {
    said.push(`= ${NUMBER.format(normalized.value)} ${normalized.unit}`.trim());
  }
  if (figure.comparedTo) said.push(`compared with ${figure.comparedTo}`);
  if (figure.change) said.push("a change, not a level");
  return said.join("; ");
}

/**
 * The figures of a claim: as written, read as value and unit, and what each measures, under a
 * heading of the given level. Pure rendering of what the loader parsed from the claim's quote;
 * nothing when the quote holds no figure. A page with one claim makes it a region (a landmark);
 * a page listing many claims must not, or its landmarks would share one name.
 */
export function QuantitiesTable({
  quantities,
  id,
  headingLevel,
  className = "",
  region = false,
}: {
  quantities: Figure[];
  id: string;
  headingLevel: 2 | 3 | 4;
  className?: string;
  region?: boolean;
}) {
  if (quantities.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const Wrapper = region ? "section" : "div";
  const anyNotes = quantities.some((q) => figureNotes(q) !== "");
  return (
    <Wrapper
      className={`quantities ${className}`.trim()}
      id={id}
      aria-labelledby={region ? `${id}-heading` : undefined}
    >
      <Heading id={`${id}-heading`}>Figures in this claim</Heading>
      <table className="table table--stack" aria-labelledby={`${id}-heading`}>
        <thead>
          <tr>
            <th scope="col">Figure as written</th>
            <th scope="col">Value</th>
            <th scope="col">Unit</th>
            <th scope="col">What it measures</th>
            {anyNotes ? <th scope="col">Notes</th> : null}
          </tr>
        </thead>
        <tbody>
          {quantities.map((q, i) => (
            <tr key={i}>
              <th scope="row" data-label="Figure as written">
                “{q.text}”
              </th>
              <td data-label="Value">{valueText(q)}</td>
              <td data-label="Unit">{unitText(q.unit)}</td>
              <td data-label="What it measures">{MEASURE_LABELS[q.measure]}</td>
              {anyNotes ? <td data-label="Notes">{figureNotes(q)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </Wrapper>
  );
}
