import { VerdictBadge } from "../ui/components";
import { StudentReasons } from "./ResultsParts";
import { StudentVerdict } from "./Comparison";
import { VerdictChart } from "./VerdictChart";
import type { ClaimTally, OtherMark } from "./compare";

type Reason = { student: string; verdict: string; reason: string; evidence: string };

/** Per counted claim: how many students found it (article mode), how close they came and the spread of verdicts. */
export function ClaimTallies({
  tallies,
  reasons,
  students,
  mode,
  skipsNumbers,
}: {
  tallies: ClaimTally[];
  reasons: Reason[][];
  students: number;
  mode: "article" | "marked";
  /** The counted claims are not numbered 1, 2, 3…: say why (decision 029). */
  skipsNumbers: boolean;
}) {
  return (
    <>
      <div className="table-scroll" role="region" aria-label="Per claim" tabIndex={0}>
        <table className="table results" aria-describedby={skipsNumbers ? "claim-numbers-note" : undefined}>
          <caption>Per claim: {mode === "article" ? "how many found it, and " : ""}their verdicts</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {mode === "article" ? <th scope="col">Found by</th> : null}
              <th scope="col">Verdicts: same, next on the scale, far</th>
              <th scope="col">Students' verdicts (★ published)</th>
            </tr>
          </thead>
          <tbody>
            {tallies.map((t, i) => (
              <tr key={t.claim.id}>
                <td>
                  {t.claim.number}. “{t.claim.quote}” <VerdictBadge verdict={t.claim.verdict} />
                  <StudentReasons reasons={reasons[i] ?? []} />
                </td>
                {mode === "article" ? (
                  <td data-label="Found by">
                    {t.foundBy} of {students}
                  </td>
                ) : null}
                <td data-label="Verdicts">
                  {t.same} same, {t.near} next, {t.wrong} far
                </td>
                <td>
                  <VerdictChart counts={t.verdicts} published={t.claim.verdict} students={students} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {skipsNumbers ? (
        <p className="hint" id="claim-numbers-note">
          Claims keep the numbers they have in the fact-check, so the numbers of claims this exercise does not
          count are skipped.
        </p>
      ) : null}
    </>
  );
}

/**
 * The sentences students marked that the answer key does not count, the most marked first: what
 * each student read under “You also marked”, for the class to discuss. At most a page of them;
 * the CSV of answers has every one.
 */
export function OtherMarks({
  marks,
  total,
  students,
}: {
  marks: OtherMark[];
  total: number;
  students: number;
}) {
  if (total === 0) return null;
  return (
    <section aria-labelledby="other-marks-heading">
      <h3 id="other-marks-heading">Sentences marked that the key does not count</h3>
      <p className="hint">
        {total === marks.length
          ? `${total} ${total === 1 ? "sentence" : "sentences"}, the most marked first.`
          : `The ${marks.length} most marked of ${total} sentences; the CSV of answers lists every one.`}{" "}
        Each student saw theirs under “You also marked”. Checkable but minor, restating another claim, or
        opinion: which is it?
      </p>
      <ol className="other-marks">
        {marks.map((m) => (
          <li key={m.unit.index}>
            “{m.unit.text}”{" "}
            <span className="meta">
              marked by {m.students} of {students}:
            </span>{" "}
            {m.verdicts.map((v) => (
              <span key={v.verdict} className="other-marks__verdict">
                {v.verdict ? <StudentVerdict verdict={v.verdict} /> : "No verdict"}: {v.count}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
