import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { knownNames } from "../app/claims/detect";
import { entities, ENTITY_TYPES } from "../app/claims/entities";
import { evaluate, evaluateEntities, type Evaluation } from "../app/claims/evaluate";
import { evaluateQuantities, type QuantityEvaluation } from "../app/claims/evaluate-quantities";
import { extract, toMarkdown } from "../app/claims/extract";
import { claimQuantities, MEASURES } from "../app/claims/quantities";

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
  const afterTuning = new Map(
    languages.map((code) => [
      code,
      totals(rows.filter((r) => r.language === code && isWrittenAfterTuning(r.name))),
    ]),
  );
  return { rows, overall: totals(rows.filter((r) => r.language === "en")), byLanguage, afterTuning };
}

/**
 * Articles written, labelled and committed after the engine was tuned (fixtures/eval/after-tuning-*):
 * the only figures that say something about unseen text.
 */
export function isWrittenAfterTuning(name: string): boolean {
  return name.startsWith("after-tuning-");
}

/** Figures labelled in the articles the parser was written against, and its held-out sentences. */
export const TUNED_QUANTITY_LABELS = "quantity-labels.json";
/** Figures in the English articles written after tuning, labelled before the parser read them. */
export const AFTER_TUNING_QUANTITY_LABELS = "after-tuning-quantity-labels.json";

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
 * Runs the quantity parser on every sentence of the articles in a labels file of fixtures/eval/
 * (quantity-labels.json unless told) and on its held-out sentences (micro-averaged overall).
 */
export function evaluateQuantityFixtures(file = TUNED_QUANTITY_LABELS) {
  const labels = QuantityLabelsFile.parse(JSON.parse(readFileSync(path.join(EVAL_DIR, file), "utf8")));
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

/** Entities labelled from the claims the engine proposed while it was being tuned. */
export const TUNED_ENTITY_LABELS = "entities.json";
/** Entities in the English articles written after tuning, labelled before the engine read them. */
export const AFTER_TUNING_ENTITY_LABELS = "after-tuning-entities.json";

/**
 * Entity types on the sentences labelled in a file of fixtures/eval/ (entities.json unless told):
 * each sentence's entities found as the detector finds them, with the names its article establishes.
 */
export function evaluateEntityFixtures(file = TUNED_ENTITY_LABELS) {
  const { sentences } = EntityLabelsFile.parse(JSON.parse(readFileSync(path.join(EVAL_DIR, file), "utf8")));
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
