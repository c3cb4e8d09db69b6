import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { knownNames } from "../app/claims/detect";
import { entities, ENTITY_TYPES } from "../app/claims/entities";
import { evaluate, evaluateEntities, type Evaluation } from "../app/claims/evaluate";
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

const EntityLabelsFile = z.object({
  about: z.string(),
  sentences: z.array(
    z.object({
      article: z.string(),
      text: z.string().min(1),
      entities: z.array(z.object({ text: z.string().min(1), type: z.enum(ENTITY_TYPES) })),
    }),
  ),
});

/**
 * Entity types on the sentences labelled in fixtures/eval/entities.json: each sentence's
 * entities found as the detector finds them, with the names its article establishes.
 */
export function evaluateEntityFixtures() {
  const { sentences } = EntityLabelsFile.parse(
    JSON.parse(readFileSync(path.join(EVAL_DIR, "entities.json"), "utf8")),
  );
  const knownByArticle = new Map<string, ReadonlySet<string>>();
  const knownIn = (article: string) => {
    let known = knownByArticle.get(article);
    if (!known) {
      const labels = LabelsFile.parse(
        JSON.parse(readFileSync(path.join(EVAL_DIR, `${article}.labels.json`), "utf8")),
      );
      const source = readFileSync(path.join(EVAL_DIR, labels.article ?? `${article}.md`), "utf8");
      const { projection, sentences: all } = extract(toMarkdown(source, labels.format));
      known = knownNames(
        all,
        projection.blocks.filter((b) => b.kind === "heading"),
      );
      knownByArticle.set(article, known);
    }
    return known;
  };
  const results = sentences.map((s) =>
    evaluateEntities(s.text, entities(s.text, knownIn(s.article)), s.entities),
  );
  const sum = (key: "labelled" | "found" | "typedRight") => results.reduce((n, r) => n + r[key], 0);
  const predicted = sum("found") + results.reduce((n, r) => n + r.spurious.length, 0);
  return {
    sentences: sentences.length,
    labelled: sum("labelled"),
    /** Labelled entities found with their type, of all labelled. */
    accuracy: sum("typedRight") / sum("labelled"),
    /** Found entities that are labelled and typed so, of all found. */
    precision: predicted === 0 ? 1 : sum("typedRight") / predicted,
    missed: results.flatMap((r) => r.missed),
    mistyped: results.flatMap((r) => r.mistyped),
    spurious: results.flatMap((r) => r.spurious),
  };
}
