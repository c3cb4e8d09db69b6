import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { evaluate, type Evaluation } from "../app/claims/evaluate";
import { extract, toMarkdown } from "../app/claims/extract";

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
