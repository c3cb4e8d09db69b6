import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { evaluate, type Evaluation } from "../app/claims/evaluate";
import { evaluateQuantities, type QuantityEvaluation } from "../app/claims/evaluate-quantities";
import { extract, toMarkdown } from "../app/claims/extract";
import { claimQuantities, MEASURES } from "../app/claims/quantities";

const EVAL_DIR = "fixtures/eval";

const LabelsFile = z.object({
  kind: z.string(),
  article: z.string().optional(),
  format: z.enum(["markdown", "text"]).default("markdown"),
  claims: z.array(z.string().min(1)),
  restatements: z.array(z.string().min(1)).default([]),
  traps: z.array(z.string().min(1)),
});

/** Runs the detector on every labelled article in fixtures/eval/ (micro-averaged overall). */
export function evaluateFixtures() {
  const rows: Array<{ name: string; kind: string; result: Evaluation }> = [];
  for (const file of readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith(".labels.json"))
    .sort()) {
    const name = file.replace(/\.labels\.json$/, "");
    const labels = LabelsFile.parse(JSON.parse(readFileSync(path.join(EVAL_DIR, file), "utf8")));
    const source = readFileSync(path.join(EVAL_DIR, labels.article ?? `${name}.md`), "utf8");
    const { projection, claims } = extract(toMarkdown(source, labels.format));
    rows.push({ name, kind: labels.kind, result: evaluate(projection.text, claims, labels) });
  }
  const sum = (key: "proposals" | "labelled" | "truePositives" | "found") =>
    rows.reduce((n, r) => n + r.result[key], 0);
  const overall = {
    proposals: sum("proposals"),
    labelled: sum("labelled"),
    precision: sum("truePositives") / sum("proposals"),
    recall: sum("found") / sum("labelled"),
    traps: rows.reduce((n, r) => n + r.result.trapsProposed.length, 0),
  };
  return { rows, overall };
}

const QUANTITY_LABELS = path.join(EVAL_DIR, "quantity-labels.json");

const QuantityLabel = z.object({
  text: z.string().min(1),
  value: z.number(),
  upper: z.number().optional(),
  unit: z.string(),
  measure: z.enum(MEASURES),
  normalized: z.object({ value: z.number(), unit: z.string() }).optional(),
});
const Passage = z.object({ in: z.string().min(1), quantities: z.array(QuantityLabel) });
const QuantityLabelsFile = z.object({
  articles: z.record(z.string(), z.array(Passage)),
  /** Sentences outside the articles, labelled before the parser first read them. */
  heldOut: z.array(Passage.extend({ language: z.string().default("en") })).default([]),
});

/**
 * Runs the quantity parser on every sentence of the articles in fixtures/eval/quantity-labels.json
 * and on its held-out sentences (micro-averaged overall).
 */
export function evaluateQuantityFixtures() {
  const labels = QuantityLabelsFile.parse(JSON.parse(readFileSync(QUANTITY_LABELS, "utf8")));
  const rows: Array<{ name: string; result: QuantityEvaluation }> = [];
  for (const [name, passages] of Object.entries(labels.articles)) {
    const article = LabelsFile.parse(
      JSON.parse(readFileSync(path.join(EVAL_DIR, `${name}.labels.json`), "utf8")),
    );
    const source = readFileSync(path.join(EVAL_DIR, article.article ?? `${name}.md`), "utf8");
    const { projection, sentences } = extract(toMarkdown(source, article.format));
    const parsed = sentences.flatMap((sentence) => claimQuantities(sentence));
    rows.push({ name, result: evaluateQuantities(projection.text, parsed, passages) });
  }
  if (labels.heldOut.length > 0) {
    const results = labels.heldOut.map((passage) =>
      evaluateQuantities(passage.in, claimQuantities({ start: 0, text: passage.in }, passage.language), [
        passage,
      ]),
    );
    rows.push({ name: "held-out sentences", result: sumQuantityEvaluations(results) });
  }
  return { rows, overall: sumQuantityEvaluations(rows.map((r) => r.result)) };
}

function sumQuantityEvaluations(results: QuantityEvaluation[]): QuantityEvaluation {
  const sum = (key: "parsed" | "labelled" | "correct") => results.reduce((n, r) => n + r[key], 0);
  const found = results.reduce((n, r) => n + r.labelled - r.missed.length, 0);
  return {
    parsed: sum("parsed"),
    labelled: sum("labelled"),
    correct: sum("correct"),
    precision: sum("parsed") === 0 ? 1 : sum("correct") / sum("parsed"),
    recall: sum("labelled") === 0 ? 1 : found / sum("labelled"),
    missed: results.flatMap((r) => r.missed),
    wrong: results.flatMap((r) => r.wrong),
  };
}
