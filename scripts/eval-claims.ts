// npm run eval:claims: precision and recall of the claim detector on the labelled articles in
// fixtures/eval/, per article and overall, and entity types on the sentences labelled in
// fixtures/eval/entities.json. --verbose lists misses, false positives and mistyped entities.
import { evaluateEntityFixtures, evaluateFixtures } from "./eval-fixtures";

const verbose = process.argv.includes("--verbose");
const { rows, overall } = evaluateFixtures();
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
console.log(`targets: precision ≥ 0.85, recall ≥ 0.95 overall`);

const typed = evaluateEntityFixtures();
console.log(
  `entities: ${typed.labelled} labelled in ${typed.sentences} sentences; typed right ${pct(typed.accuracy)} of labelled, ${pct(typed.precision)} of found (target ≥ 0.95 typed right)`,
);
if (verbose) {
  for (const m of typed.missed) console.log(`    entity missed: ${m}`);
  for (const m of typed.mistyped) console.log(`    entity mistyped: ${m}`);
  for (const s of typed.spurious) console.log(`    entity not labelled: ${s}`);
}
