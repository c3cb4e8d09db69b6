// npm run eval:claims: precision and recall of the claim detector on the labelled articles in
// fixtures/eval/, per article, per language and overall; entity types on the sentences labelled
// in fixtures/eval/entities.json; then the quantity parser's on the figures labelled in
// fixtures/eval/quantity-labels.json. --verbose lists misses, false positives and mistyped entities.
import { evaluateEntityFixtures, evaluateFixtures, evaluateQuantityFixtures } from "./eval-fixtures";

const verbose = process.argv.includes("--verbose");
const { rows, overall, byLanguage } = evaluateFixtures();
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

const typed = evaluateEntityFixtures();
console.log(
  `entities: ${typed.labelled} labelled in ${typed.sentences} sentences; typed right ${pct(typed.accuracy)} of labelled, ${pct(typed.precision)} of found (target ≥ 0.95 typed right)`,
);
if (verbose) {
  for (const m of typed.missed) console.log(`    entity missed: ${m}`);
  for (const m of typed.mistyped) console.log(`    entity mistyped: ${m}`);
  for (const s of typed.spurious) console.log(`    entity not labelled: ${s}`);
}

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
