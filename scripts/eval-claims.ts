// npm run eval:claims: precision and recall of the claim detector on the labelled articles in
// fixtures/eval/, per article and overall, then the quantity parser's on the figures labelled in
// fixtures/eval/quantity-labels.json. --verbose lists misses and false positives.
import { evaluateFixtures, evaluateQuantityFixtures } from "./eval-fixtures";

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

printQuantities(evaluateQuantityFixtures());

/** Quantity extraction: every figure in the labelled articles (fixtures/eval/quantity-labels.json). */
function printQuantities({ rows, overall }: ReturnType<typeof evaluateQuantityFixtures>) {
  console.log("\nquantities                  parsed  labelled  precision  recall");
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
