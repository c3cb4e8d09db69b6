import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { evaluate, type Evaluation } from "../app/claims/evaluate";
import { extract, toMarkdown } from "../app/claims/extract";

const EVAL_DIR = "fixtures/eval";

const LabelsFile = z.object({
  kind: z.string(),
  /** BCP 47: the article's language; English when absent. */
  language: z.string().default("en"),
  article: z.string().optional(),
  format: z.enum(["markdown", "text"]).default("markdown"),
  claims: z.array(z.string().min(1)),
  restatements: z.array(z.string().min(1)).default([]),
  traps: z.array(z.string().min(1)),
});

export interface EvaluationRow {
  name: string;
  kind: string;
  language: string;
  /** The language extract detected in the article (it reads the article in that one). */
  detected: string;
  result: Evaluation;
}

/** Micro-averaged figures over some rows. */
function totals(rows: EvaluationRow[]) {
  const sum = (key: "proposals" | "labelled" | "truePositives" | "found") =>
    rows.reduce((n, r) => n + r.result[key], 0);
  return {
    proposals: sum("proposals"),
    labelled: sum("labelled"),
    precision: sum("proposals") === 0 ? 1 : sum("truePositives") / sum("proposals"),
    recall: sum("labelled") === 0 ? 1 : sum("found") / sum("labelled"),
    traps: rows.reduce((n, r) => n + r.result.trapsProposed.length, 0),
  };
}

/**
 * Runs the detector on every labelled article in fixtures/eval/: `overall` over the English
 * articles (micro-averaged), `byLanguage` for every language.
 */
export function evaluateFixtures() {
  const rows: EvaluationRow[] = [];
  for (const file of readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith(".labels.json"))
    .sort()) {
    const name = file.replace(/\.labels\.json$/, "");
    const labels = LabelsFile.parse(JSON.parse(readFileSync(path.join(EVAL_DIR, file), "utf8")));
    const source = readFileSync(path.join(EVAL_DIR, labels.article ?? `${name}.md`), "utf8");
    const { projection, language, claims } = extract(toMarkdown(source, labels.format));
    rows.push({
      name,
      kind: labels.kind,
      language: labels.language,
      detected: language,
      result: evaluate(projection.text, claims, labels),
    });
  }
  const languages = [...new Set(rows.map((r) => r.language))];
  const byLanguage = new Map(
    languages.map((code) => [code, totals(rows.filter((r) => r.language === code))]),
  );
  return { rows, overall: totals(rows.filter((r) => r.language === "en")), byLanguage };
}
