import type { Quantity } from "../claims/quantities";
import { figuresKnown, METRICS, type HardwareSpec, type Metric } from "./hardware";
import { catalogue, recognise, type Catalogue, type Mention, type NamedHardware } from "./recognise";

/**
 * Sets a claim's figures against the reference figures of the hardware it names. Evidence for a
 * person to weigh, with its source: it never sets a verdict.
 */

/** The parts of a parsed quantity the checker reads. */
export type ClaimFigure = Pick<
  Quantity,
  "text" | "start" | "end" | "value" | "upper" | "measure" | "normalized" | "comparedTo" | "change"
>;

export type ReferenceRow = NamedHardware & HardwareSpec;

/**
 * A claimed figure agrees when it is within 5% of the reference figure. Datasheets and the press
 * round (989.4 TFLOPS is quoted as 989 or "nearly 1,000"; 96 GB of HBM3 as 96 GB), and a few
 * percent covers that; the errors worth a person's time are larger: a sparse figure quoted as
 * dense (2x), the wrong precision (INT8 against FP16, 2x), another variant's clock or memory.
 */
export const FIGURE_TOLERANCE = 0.05;
/**
 * A comparison ("three times as efficient as") agrees when the reference figures give a ratio
 * within 15% of the claimed one: comparisons are spoken in round numbers ("three times" for
 * 2.7x), so only a ratio the figures plainly do not support is flagged.
 */
export const RATIO_TOLERANCE = 0.15;

export interface FigureCheck {
  hardware: string;
  hardwareId: number;
  metric: Metric;
  label: string;
  /** The reference figure and its unit. */
  value: number;
  unit: string;
  /** The claim's own words for this figure, or null when the claim gives none. */
  claimed: string | null;
  /** null when the claim gives no figure to compare. */
  agrees: boolean | null;
  source: { name: string; url: string };
  note: string;
}

export interface ComparisonCheck {
  hardware: string;
  other: string;
  basis: string;
  claimed: string;
  claimedRatio: number;
  referenceRatio: number | null;
  agrees: boolean | null;
  sources: Array<{ name: string; url: string }>;
  note: string;
}

export interface ClaimReferences {
  hardware: Array<{ id: number; name: string; mention: string; figures: FigureCheck[] }>;
  comparisons: ComparisonCheck[];
}

const PRECISION = /\b(INT8|INT4|FP16|BF16|FP8|FP4|FP6|FP32|FP64|TF32)\b/gi;
const SHORT_LABEL: Record<Metric, string> = {
  int8Tops: "INT8",
  fp16Tflops: "FP16",
  memoryGb: "of memory",
  bandwidthGbs: "of memory bandwidth",
  tdpWatts: "TDP",
  processNm: "process",
};

const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const SMALL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
export const formatNumber = (value: number) => (value < 10 ? SMALL : WHOLE).format(value);

/** "Epoch AI" from "Epoch AI, Machine Learning Hardware (CC BY 4.0)". */
export const shortSource = (name: string) => name.split(",")[0]!.trim();

/** The precision written next to a figure ("296 TOPS INT8", "FP16: 148 TFLOPS"), nearest first. */
function precisionNear(text: string, figure: ClaimFigure): string | null {
  const window = 24;
  let best: { word: string; distance: number } | null = null;
  for (const match of text
    .slice(Math.max(0, figure.start - window), figure.end + window)
    .matchAll(PRECISION)) {
    const at = Math.max(0, figure.start - window) + match.index;
    const distance = at >= figure.end ? at - figure.end : Math.max(0, figure.start - (at + match[0].length));
    if (!best || distance < best.distance) best = { word: match[0].toUpperCase(), distance };
  }
  return best?.word ?? null;
}

/** Which reference figure a claimed figure speaks to, or null when the reference has none like it. */
export function metricOf(text: string, figure: ClaimFigure): Metric | null {
  switch (figure.normalized.unit) {
    case "TOPS":
    case "TFLOPS": {
      const precision = precisionNear(text, figure);
      if (precision === "INT8") return "int8Tops";
      if (precision === "FP16" || precision === "BF16") return "fp16Tflops";
      if (precision) return null; // FP8, FP4, INT4...: the reference has no such column.
      return figure.normalized.unit === "TOPS" ? "int8Tops" : "fp16Tflops";
    }
    case "W":
      return "tdpWatts";
    case "nm":
      return "processNm";
    case "GB":
      return "memoryGb";
    case "GB/s":
      return "bandwidthGbs";
    default:
      return null;
  }
}

/** The claimed figure in the metric's unit, as a range (a single figure is a range of one). */
function claimedRange(figure: ClaimFigure): [number, number] {
  const low = figure.normalized.value;
  const scale = figure.value === 0 ? 1 : figure.normalized.value / figure.value;
  return [low, figure.upper === undefined ? low : figure.upper * scale];
}

export function agreesWith(
  claimed: [number, number],
  reference: number,
  tolerance = FIGURE_TOLERANCE,
): boolean {
  const slack = Math.abs(reference) * tolerance;
  return reference >= claimed[0] - slack && reference <= claimed[1] + slack;
}

/** A mention right after a count ("10,000 H100s", "eight A100") names a system, not one chip. */
function isCounted(text: string, mention: Mention): boolean {
  return /(?:\d[\d,.]*|\b(?:two|three|four|five|six|eight|ten|dozens of|hundreds of|thousands of))\s*(?:x\s*)?$/i.test(
    text.slice(Math.max(0, mention.start - 20), mention.start),
  );
}

/** The named chip a figure describes: the nearest one before it, else the first after it. */
function ownerOf<H extends NamedHardware>(
  figure: ClaimFigure,
  mentions: Array<Mention<H>>,
): Mention<H> | null {
  const before = mentions.filter((m) => m.end <= figure.start);
  return before[before.length - 1] ?? mentions.find((m) => m.start >= figure.end) ?? null;
}

function sourceOf(row: ReferenceRow) {
  return { name: row.sourceName, url: row.sourceUrl };
}

function figureNote(
  row: ReferenceRow,
  metric: Metric,
  claimed: string | null,
  agrees: boolean | null,
): string {
  const reference = `${formatNumber(row[metric]!)} ${METRICS[metric].unit} ${SHORT_LABEL[metric]}`;
  const by = `(${shortSource(row.sourceName)})`;
  if (claimed === null) return `The reference lists ${reference} for the ${row.name} ${by}.`;
  if (agrees)
    return `Claims ${claimed}; the reference lists ${reference} ${by}: within ${FIGURE_TOLERANCE * 100}%.`;
  return `Claims ${claimed}; the reference lists ${reference} ${by}.`;
}

/** Every reference figure of the named rows, each set against the claim's figure for it if any. */
function figureChecks<H extends ReferenceRow>(
  text: string,
  figures: ClaimFigure[],
  mentions: Array<Mention<H>>,
): Map<number, Map<Metric, FigureCheck>> {
  const claimed = new Map<number, Map<Metric, FigureCheck>>();
  for (const figure of figures) {
    if (figure.change || figure.comparedTo) continue;
    const metric = metricOf(text, figure);
    const owner = metric ? ownerOf(figure, mentions) : null;
    // A figure after "10,000 A100s" describes the cluster, not one A100.
    if (!metric || !owner || isCounted(text, owner)) continue;
    const row = owner.hardware;
    const reference = row[metric];
    if (reference === null) continue;
    const agrees = agreesWith(claimedRange(figure), reference);
    const byMetric = claimed.get(row.id) ?? new Map<Metric, FigureCheck>();
    // One line per figure: a disagreeing figure is the one worth showing.
    if (byMetric.get(metric)?.agrees === false) continue;
    byMetric.set(metric, figureCheck(row, metric, figure.text, agrees));
    claimed.set(row.id, byMetric);
  }
  return claimed;
}

type Basis = { label: string; of: (row: ReferenceRow) => number | null };

const perWatt = (metric: "int8Tops" | "fp16Tflops") => (row: ReferenceRow) =>
  row[metric] !== null && row.tdpWatts ? row[metric]! / row.tdpWatts : null;

/** What a comparison compares, read from its words; compute unless it says otherwise. */
function basesFor(words: string): Basis[] {
  if (/efficien|per[\s-]watt|\/W\b/i.test(words))
    return [
      { label: "INT8 performance per watt", of: perWatt("int8Tops") },
      { label: "FP16 performance per watt", of: perWatt("fp16Tflops") },
    ];
  if (/bandwidth/i.test(words)) return [{ label: "memory bandwidth", of: (row) => row.bandwidthGbs }];
  if (/memory|capacity/i.test(words)) return [{ label: "memory", of: (row) => row.memoryGb }];
  return [
    { label: "INT8 performance", of: (row) => row.int8Tops },
    { label: "FP16 performance", of: (row) => row.fp16Tflops },
  ];
}

/** A claimed ratio: 3 for "three times", 1.4 for "40% faster", 0.6 for "40% less". */
function claimedRatio(text: string, figure: ClaimFigure): number | null {
  if (figure.measure === "ratio") return figure.normalized.value;
  if (figure.measure !== "percent") return null;
  const after = text.slice(figure.end, figure.end + 30);
  if (/^\s*(?:faster|more|higher|greater|better|quicker|stronger)/i.test(after))
    return 1 + figure.value / 100;
  if (/^\s*(?:slower|less|lower|fewer|weaker)/i.test(after)) return 1 - figure.value / 100;
  return null;
}

function comparisonChecks<H extends ReferenceRow>(
  text: string,
  figures: ClaimFigure[],
  mentions: Array<Mention<H>>,
): ComparisonCheck[] {
  const checks: ComparisonCheck[] = [];
  for (const figure of figures) {
    if (!figure.comparedTo) continue;
    const ratio = claimedRatio(text, figure);
    if (ratio === null || !(ratio > 0)) continue;
    const target = figure.comparedTo.toLowerCase();
    const other = mentions.find((m) => m.start >= figure.start && target.includes(m.text.toLowerCase()));
    const subject = [...mentions]
      .reverse()
      .find((m) => m.end <= figure.start && m.hardware.id !== other?.hardware.id && !isCounted(text, m));
    if (!other || !subject) continue;
    const a = subject.hardware;
    const b = other.hardware;
    const words = text.slice(subject.end, Math.min(text.length, other.end));
    const basis = basesFor(words).find((candidate) => candidate.of(a) !== null && candidate.of(b) !== null);
    const referenceRatio = basis ? basis.of(a)! / basis.of(b)! : null;
    const agrees =
      referenceRatio === null ? null : Math.abs(ratio - referenceRatio) <= referenceRatio * RATIO_TOLERANCE;
    const label = basis?.label ?? basesFor(words)[0]!.label;
    const by = [...new Set([a.sourceName, b.sourceName].map(shortSource))].join("; ");
    const note =
      referenceRatio === null
        ? `The reference lacks the figures to compare the ${a.name} with the ${b.name} on ${label}.`
        : `Claims ${formatNumber(ratio)}× the ${b.name} (“${figure.text}”); on ${label} the reference figures give ${formatNumber(referenceRatio)}× (${by})${agrees ? `: within ${RATIO_TOLERANCE * 100}%` : ""}.`;
    checks.push({
      hardware: a.name,
      other: b.name,
      basis: label,
      claimed: figure.text,
      claimedRatio: ratio,
      referenceRatio,
      agrees,
      sources: [sourceOf(a), sourceOf(b)],
      note,
    });
  }
  return checks;
}

/** The reference figures of the hardware a claim names, its figures and comparisons checked. */
export function checkClaim<H extends ReferenceRow>(
  text: string,
  figures: ClaimFigure[],
  index: Catalogue<H>,
): ClaimReferences {
  const mentions = recognise(text, index);
  if (mentions.length === 0) return { hardware: [], comparisons: [] };
  const claimed = figureChecks(text, figures, mentions);
  const seen = new Set<number>();
  const hardware: ClaimReferences["hardware"] = [];
  for (const mention of mentions) {
    const row = mention.hardware;
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const figuresOfRow: FigureCheck[] = [];
    for (const metric of Object.keys(METRICS) as Metric[]) {
      const reference = row[metric];
      if (reference === null) continue;
      figuresOfRow.push(claimed.get(row.id)?.get(metric) ?? figureCheck(row, metric, null, null));
    }
    hardware.push({ id: row.id, name: row.name, mention: mention.text, figures: figuresOfRow });
  }
  return { hardware, comparisons: comparisonChecks(text, figures, mentions) };
}

/** The recogniser's index of reference rows (the fullest variant stands for a shared name). */
export function referenceIndex<H extends ReferenceRow>(rows: H[]): Catalogue<H> {
  return catalogue(rows, (row) => figuresKnown(row));
}

/** extract's `references`: each reference figure of the named hardware, then each comparison. */
export function referencesJson(result: ClaimReferences) {
  return [
    ...result.hardware.flatMap((row) =>
      row.figures.map((figure) => ({
        hardware: figure.hardware,
        metric: figure.label,
        value: figure.value,
        unit: figure.unit,
        source: figure.source.name,
        agrees: figure.agrees,
      })),
    ),
    ...result.comparisons.map((comparison) => ({
      hardware: comparison.hardware,
      metric: `${comparison.basis} against the ${comparison.other}`,
      value: comparison.referenceRatio === null ? null : Number(comparison.referenceRatio.toFixed(2)),
      unit: "×",
      source: [...new Set(comparison.sources.map((source) => source.name))].join("; "),
      agrees: comparison.agrees,
    })),
  ];
}

/**
 * What a publication freezes of a claim's reference figures: each figure the claim states, set
 * against the reference, and each comparison, with the checker's sentence and sources. Reference
 * figures the claim says nothing about stay on the workbench.
 */
export function statedChecks(result: ClaimReferences) {
  return [
    ...result.hardware.flatMap((row) =>
      row.figures.flatMap((figure) =>
        figure.claimed === null
          ? []
          : [
              {
                hardware: figure.hardware,
                metric: figure.label,
                claimed: figure.claimed,
                value: figure.value,
                unit: figure.unit,
                agrees: figure.agrees,
                note: figure.note,
                sources: [{ ...figure.source, hardware: figure.hardware }],
              },
            ],
      ),
    ),
    ...result.comparisons.map((comparison) => ({
      hardware: comparison.hardware,
      metric: `${comparison.basis} against the ${comparison.other}`,
      claimed: comparison.claimed,
      value: comparison.referenceRatio === null ? null : Number(comparison.referenceRatio.toFixed(2)),
      unit: "×",
      agrees: comparison.agrees,
      note: comparison.note,
      // sourceOf(a), then sourceOf(b): each names the hardware it gives figures for.
      sources: comparison.sources.map((source, i) => ({
        ...source,
        hardware: i === 0 ? comparison.hardware : comparison.other,
      })),
    })),
  ];
}

/**
 * extract's `references` for one claim, from its figures as extract prints them (offsets in the
 * article's projection, moved back into the claim's text here). Empty when it names no hardware.
 */
export function claimReferencesJson<H extends ReferenceRow>(
  claim: { start: number; text: string },
  quantities: ClaimFigure[],
  index: Catalogue<H>,
) {
  const figures = quantities.map((q) => ({ ...q, start: q.start - claim.start, end: q.end - claim.start }));
  return referencesJson(checkClaim(claim.text, figures, index));
}

/** One reference figure of a row, set against the claim's own words for it (null: none given). */
function figureCheck<H extends ReferenceRow>(
  row: H,
  metric: Metric,
  claimed: string | null,
  agrees: boolean | null,
): FigureCheck {
  return {
    hardware: row.name,
    hardwareId: row.id,
    metric,
    label: METRICS[metric].label,
    value: row[metric]!,
    unit: METRICS[metric].unit,
    claimed,
    agrees,
    source: sourceOf(row),
    note: figureNote(row, metric, claimed, agrees),
  };
}
