import type { Quantity } from "../claims/quantities";
import { ComparisonList, SourceReveal, StudentVerdict } from "./Comparison";
import type { Comparison } from "./compare";

interface Source {
  publisherGuess: string;
  purposeGuess: string;
  outlet: string;
  author: string;
  url: string;
}

/**
 * A student's answers beside the fact-checkers' work, as their result page shows it once they ask
 * for the fact-check; the exercise's teachers open the same sheet from the students table.
 */
export function AnswerSheet({
  comparison,
  reasons,
  rationales,
  quantities,
  source,
}: {
  comparison: Comparison;
  reasons: string[][];
  rationales: string[];
  quantities: Quantity[][];
  source: Source | null;
}) {
  return (
    <>
      {source ? <SourceReveal source={source} /> : null}
      <ComparisonList
        comparison={comparison}
        reasons={reasons}
        rationales={rationales}
        quantities={quantities}
      />
      {comparison.added.length > 0 ? (
        <section aria-labelledby="added-heading">
          <h2 id="added-heading">You also marked</h2>
          <p className="hint">
            The fact-checkers did not count these. Some may be checkable but minor, restate another claim, or
            be opinion: which is it?
          </p>
          <ul>
            {comparison.added.map((a) => (
              <li key={a.unit.index}>
                “{a.unit.text}” {a.verdict ? <StudentVerdict verdict={a.verdict} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
