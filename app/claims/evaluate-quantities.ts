/**
 * Precision and recall of the quantity parser against hand-labelled figures. A parsed figure is
 * right when it sits where a labelled one does (same text at the same place) and reads the same:
 * value, range top, unit, measure, and the normalised form when the label gives one.
 */
import { findQuote } from "./anchor";
import type { Measure, Quantity } from "./quantities";

export interface QuantityLabel {
  text: string;
  value: number;
  upper?: number;
  unit: string;
  measure: Measure;
  normalized?: { value: number; unit: string };
}

/** The figures of one passage ("in": a quote from the article). */
export interface LabelledPassage {
  in: string;
  quantities: QuantityLabel[];
}

export interface QuantityEvaluation {
  parsed: number;
  labelled: number;
  correct: number;
  precision: number;
  recall: number;
  /** Labelled figures not parsed (or parsed differently), as "text (value unit, measure)". */
  missed: string[];
  /** Parsed figures that match no label. */
  wrong: string[];
}

interface PlacedLabel extends QuantityLabel {
  start: number;
}

/** Places each labelled figure in the text; a label that is not there is an error in the labels. */
export function placeQuantityLabels(text: string, passages: LabelledPassage[]): PlacedLabel[] {
  return passages.flatMap((passage) => {
    const [span] = findQuote(text, passage.in);
    if (!span) throw new Error(`Quantity label passage not found in the article: ${passage.in}`);
    const quote = text.slice(span.start, span.end);
    let from = 0;
    return passage.quantities.map((label) => {
      const at = quote.indexOf(label.text, from);
      if (at < 0) throw new Error(`Figure "${label.text}" not found in: ${passage.in}`);
      from = at + label.text.length;
      return { ...label, start: span.start + at };
    });
  });
}

export function readsTheSame(parsed: Quantity, label: PlacedLabel): boolean {
  return (
    parsed.start === label.start &&
    parsed.text === label.text &&
    parsed.value === label.value &&
    parsed.upper === label.upper &&
    parsed.unit === label.unit &&
    parsed.measure === label.measure &&
    (label.normalized === undefined ||
      (parsed.normalized.value === label.normalized.value &&
        parsed.normalized.unit === label.normalized.unit))
  );
}

const describe = (q: { text: string; value: number; unit: string; measure: string }) =>
  `${q.text} (${q.value} ${q.unit}, ${q.measure})`;

export function evaluateQuantities(
  text: string,
  parsed: Quantity[],
  passages: LabelledPassage[],
): QuantityEvaluation {
  const labels = placeQuantityLabels(text, passages);
  const correct = parsed.filter((p) => labels.some((l) => readsTheSame(p, l)));
  const found = labels.filter((l) => parsed.some((p) => readsTheSame(p, l)));
  return {
    parsed: parsed.length,
    labelled: labels.length,
    correct: correct.length,
    precision: parsed.length === 0 ? 1 : correct.length / parsed.length,
    recall: labels.length === 0 ? 1 : found.length / labels.length,
    missed: labels.filter((l) => !found.includes(l)).map(describe),
    wrong: parsed.filter((p) => !correct.includes(p)).map(describe),
  };
}
