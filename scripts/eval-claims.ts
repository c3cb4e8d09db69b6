// npm run eval:claims: precision and recall of the claim detector on the labelled articles in
// fixtures/eval/, per article, per language and overall; entity types on the sentences labelled
// in fixtures/eval/entities.json; then the quantity parser's on the figures labelled in
// fixtures/eval/quantity-labels.json; last, apart, the same three on the articles written after
// tuning (fixtures/eval/after-tuning-*), the only figures that speak for unseen text.
// --verbose lists misses, false positives and mistyped entities.
import {
  AFTER_TUNING_ENTITY_LABELS,
  AFTER_TUNING_QUANTITY_LABELS,
  evaluateEntityFixtures,
  evaluateFixtures,
  evaluateQuantityFixtures,
} from "./eval-fixtures";

const verbose = process.argv.includes("--verbose");
const { rows, overall, byLanguage, afterTuning } = evaluateFixtures();
const pct = (n: number) => n.toFixed(2);
console.log(
  "article                     kind                         proposed  labelled  precision  recall  traps proposed",
);
for (const { name, kind, result } of rows) {
  console.log(
    `${name.padEnd(27)} ${kind.padEnd(28)} ${String(result.proposals).padStart(8)}  ${String(result.labelled).padStart(8)}  ${pct(result.precision).padStart(9)}  ${pct(result.recall).padStart(6)}  ${result.trapsProposed.length}`,
  );
  if (verbose) {
    for (const m of result.missed) console.log(`    missed: ${m}`);
    for (const f of result.falsePositives) console.log(`    false positive: ${f}`);
  }
}
console.log(
  `overall${" ".repeat(29)}${" ".repeat(22)}${String(overall.proposals).padStart(8)}  ${String(overall.labelled).padStart(8)}  ${pct(overall.precision).padStart(9)}  ${pct(overall.recall).padStart(6)}  ${overall.traps}`,
);
console.log(`targets: precision ≥ 0.85, recall ≥ 0.95 overall (the English articles)`);
console.log("\nby language (detected language of each article in brackets when it differs from its label):");
for (const [code, t] of byLanguage) {
  const wrong = rows
    .filter((r) => r.language === code && r.detected !== code)
    .map((r) => `${r.name} [${r.detected}]`);
  console.log(
    `  ${code.padEnd(4)} ${String(t.proposals).padStart(4)} proposed  ${String(t.labelled).padStart(4)} labelled  precision ${pct(t.precision)}  recall ${pct(t.recall)}  traps ${t.traps}${wrong.length ? `  ${wrong.join(", ")}` : ""}`,
  );
}

console.log("");
printEntities("entities (tuned on)", evaluateEntityFixtures());

printQuantities("quantities (tuned on)", evaluateQuantityFixtures());

console.log("\nwritten after tuning (fixtures/eval/after-tuning-*, labelled before the engine read them):");
for (const [code, t] of afterTuning) {
  if (t.labelled === 0) continue;
  console.log(
    `  claims ${code.padEnd(4)} ${String(t.proposals).padStart(4)} proposed  ${String(t.labelled).padStart(4)} labelled  precision ${pct(t.precision)}  recall ${pct(t.recall)}  traps ${t.traps}`,
  );
}
printEntities("  entities (English)", evaluateEntityFixtures(AFTER_TUNING_ENTITY_LABELS));
printQuantities("  quantities (English)", evaluateQuantityFixtures(AFTER_TUNING_QUANTITY_LABELS));

/** Entity types on labelled sentences (fixtures/eval/entities.json or after-tuning-entities.json). */
function printEntities(title: string, typed: ReturnType<typeof evaluateEntityFixtures>) {
  console.log(
    `${title}: ${typed.labelled} labelled in ${typed.sentences} sentences; typed right ${pct(typed.accuracy)} of labelled, ${pct(typed.precision)} of found (target ≥ 0.95 typed right)`,
  );
  if (verbose) {
    for (const m of typed.missed) console.log(`    entity missed: ${m}`);
    for (const m of typed.mistyped) console.log(`    entity mistyped: ${m}`);
    for (const s of typed.spurious) console.log(`    entity not labelled: ${s}`);
  }
}

/** Quantity extraction: every figure in the labelled articles of one labels file. */
function printQuantities(title: string, { rows, overall }: ReturnType<typeof evaluateQuantityFixtures>) {
  console.log(`\n${title.padEnd(27)} parsed  labelled  precision  recall`);
  const line = (name: string, r: typeof overall) =>
    `${name.padEnd(27)} ${String(r.parsed).padStart(6)}  ${String(r.labelled).padStart(8)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}`;
  for (const { name, result } of rows) {
    console.log(line(name, result));
    if (verbose) {
      for (const m of result.missed) console.log(`    missed: ${m}`);
      for (const w of result.wrong) console.log(`    wrong: ${w}`);
    }
  }
  console.log(line("overall", overall));
  console.log(`targets: precision ≥ 0.95, recall ≥ 0.95 overall`);
}
