import { parseCsvObjects } from "./csv";

/**
 * Reference figures for ML hardware: one row per accelerator, in the units claims are normalised
 * to (app/claims/quantities.ts). The first rows come from Epoch AI's Machine Learning Hardware
 * dataset (fixtures/ml-hardware.csv, CC BY 4.0); editors correct and add rows at /reference.
 */
export interface HardwareSpec {
  name: string;
  /** Extra names editors give it, comma-separated ("Hopper H20, China H20"). */
  aliases: string;
  manufacturer: string;
  int8Tops: number | null;
  fp16Tflops: number | null;
  memoryGb: number | null;
  bandwidthGbs: number | null;
  tdpWatts: number | null;
  processNm: number | null;
  foundry: string;
  /** As the source gives it: YYYY-MM-DD, or "" when unknown. */
  releaseDate: string;
  sourceUrl: string;
  sourceName: string;
}

export const EPOCH_SOURCE = "Epoch AI, Machine Learning Hardware (CC BY 4.0)";
export const EPOCH_URL = "https://epoch.ai/data/machine-learning-hardware";
/** Shown wherever a figure from Epoch AI's dataset is shown (the licence asks for credit). */
export const EPOCH_CREDIT = "Figures: Epoch AI, Machine Learning Hardware dataset, CC BY 4.0";
export const REFERENCE_FILE = "fixtures/ml-hardware.csv";

export type Metric = "int8Tops" | "fp16Tflops" | "memoryGb" | "bandwidthGbs" | "tdpWatts" | "processNm";

/** Each figure a row holds: what it is called, its unit, and the quantity measure it answers. */
export const METRICS: Record<Metric, { label: string; unit: string; measure: string }> = {
  int8Tops: { label: "INT8 performance", unit: "TOPS", measure: "compute" },
  fp16Tflops: { label: "FP16 performance", unit: "TFLOPS", measure: "compute" },
  memoryGb: { label: "Memory", unit: "GB", measure: "memory" },
  bandwidthGbs: { label: "Memory bandwidth", unit: "GB/s", measure: "bandwidth" },
  tdpWatts: { label: "TDP", unit: "W", measure: "power" },
  processNm: { label: "Process node", unit: "nm", measure: "process node" },
};
export const METRIC_KEYS = Object.keys(METRICS) as Metric[];

/** A number in the dataset's SI base units, scaled (1e12 OP/s is 1 TOPS), or null when blank. */
function scaled(field: string | undefined, divisor: number): number | null {
  const value = Number.parseFloat(field ?? "");
  if (!Number.isFinite(value)) return null;
  // Twelve significant digits: 65129999999999.9 FLOP/s reads as 65.13 TFLOPS, not 65.1299999.
  return Number((value / divisor).toPrecision(12));
}

/** The first web address of a field that may hold several, one a line. */
function firstLink(field: string | undefined): string {
  return (field ?? "").match(/https?:\/\/\S+/)?.[0] ?? "";
}

/**
 * A few names the press uses that the generated aliases (recognise.ts) cannot derive from the
 * dataset's names: code names carried after the model name.
 */
const PRESS_NAMES: Record<string, string> = {
  "Google TPU v7 Ironwood": "Ironwood, TPU v7",
  "Google TPU v6e Trillium": "Trillium, TPU v6e",
  "Tesla D1 Dojo": "Dojo D1",
  "T-Head Hanguang 800": "Alibaba Hanguang 800",
};

/**
 * Epoch AI's rows as reference rows. FP16 is the tensor (FP16/BF16) figure when the dataset has
 * one, as datasheets and the press quote it, else the plain FP16 figure.
 */
export function specsFromEpochCsv(text: string): HardwareSpec[] {
  return parseCsvObjects(text)
    .filter((row) => (row["Hardware name"] ?? "").trim() !== "")
    .map((row) => {
      const name = row["Hardware name"]!.trim();
      return {
        name,
        aliases: PRESS_NAMES[name] ?? "",
        manufacturer: (row["Manufacturer"] ?? "").trim(),
        int8Tops: scaled(row["INT8 performance (OP/s)"], 1e12),
        fp16Tflops:
          scaled(row["Tensor-FP16/BF16 performance (FLOP/s)"], 1e12) ??
          scaled(row["FP16 (half precision) performance (FLOP/s)"], 1e12),
        memoryGb: scaled(row["Memory size per board (Byte)"], 1e9),
        bandwidthGbs: scaled(row["Memory bandwidth (byte/s)"], 1e9),
        tdpWatts: scaled(row["TDP (W)"], 1),
        processNm: scaled(row["Process size (nm)"], 1),
        foundry: (row["Foundry"] ?? "").trim(),
        releaseDate: /^\d{4}-\d{2}-\d{2}$/.test(row["Release date"] ?? "") ? row["Release date"]! : "",
        sourceUrl: firstLink(row["Link to datasheet"]) || EPOCH_URL,
        sourceName: EPOCH_SOURCE,
      };
    });
}

/** How many figures a row holds: among variants sharing a name, the fullest stands for it. */
export const figuresKnown = (row: HardwareSpec) =>
  METRIC_KEYS.filter((metric) => row[metric] !== null).length;
