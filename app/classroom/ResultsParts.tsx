import { Form, Link } from "react-router";
import { safeHref } from "../ui/components";
import { StudentVerdict } from "./Comparison";
import { formatScore } from "./score";
import type { ClaimTally } from "./compare";

interface StudentRow {
  id: number;
  displayName: string;
  found: number;
  score: number;
  revealed: boolean;
  /** Sent (or last changed) after the exercise's due time. */
  late: boolean;
  rubric: string;
  rubricComment: string;
  publisherGuess: string;
  purposeGuess: string;
}

const LEVELS = [
  { key: "beginning", label: "Beginning" },
  { key: "emerging", label: "Emerging" },
  { key: "mastery", label: "Mastery" },
];

/** The rubric for one student's reasoning: a level and a comment they read on their result page. */
function RubricForm({ student }: { student: StudentRow }) {
  return (
    <details className="rubric" id={`student-${student.id}`}>
      <summary>
        {student.rubric ? LEVELS.find((l) => l.key === student.rubric)?.label : "Mark reasoning"}
        <span className="visually-hidden"> for {student.displayName}</span>
      </summary>
      {student.publisherGuess || student.purposeGuess ? (
        <p className="meta">
          Who is behind it: {student.publisherGuess || "—"}. What they want: {student.purposeGuess || "—"}.
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="submission" value={student.id} />
        <fieldset className="field">
          <legend>{student.displayName}'s reasoning</legend>
          {LEVELS.map((l) => (
            <label key={l.key} className="inline">
              <input type="radio" name="rubric" value={l.key} defaultChecked={student.rubric === l.key} />{" "}
              {l.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`comment-${student.id}`}>Comment {student.displayName} will read</label>
          <textarea
            id={`comment-${student.id}`}
            name="comment"
            rows={2}
            maxLength={1000}
            defaultValue={student.rubricComment}
          />
        </div>
        <button type="submit" name="intent" value="rubric" className="button button--secondary">
          Save for {student.displayName}
        </button>
      </Form>
    </details>
  );
}

/**
 * One row per student: their answer sheet, what they scored, whether they have seen the
 * fact-check, and a way to remove their answers. On a phone each row is a card (`table--stack`),
 * so no column is cut off.
 */
export function StudentsTable({
  submissions,
  exerciseId,
  claims,
  mode,
  hasDue,
}: {
  submissions: StudentRow[];
  exerciseId: number;
  claims: number;
  mode: "article" | "marked";
  /** Whether the exercise has a due time: then a column says who answered late. */
  hasDue: boolean;
}) {
  return (
    <table className="table table--stack students">
      <caption>Students</caption>
      <thead>
        <tr>
          <th scope="col">Student</th>
          {mode === "article" ? <th scope="col">Claims found</th> : null}
          <th scope="col">Score</th>
          {hasDue ? <th scope="col">On time?</th> : null}
          <th scope="col">Seen the fact-check</th>
          <th scope="col">Rubric</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {submissions.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link
                to={`/exercises/${exerciseId}/students/${s.id}`}
                aria-label={`${s.displayName}'s answers`}
              >
                {s.displayName}
              </Link>
            </th>
            {mode === "article" ? (
              <td data-label="Claims found">
                {s.found} of {claims}
              </td>
            ) : null}
            <td data-label="Score">
              {formatScore(s.score)} of {claims}
            </td>
            {hasDue ? (
              <td data-label="On time?">{s.late ? <strong className="late">Late</strong> : "On time"}</td>
            ) : null}
            <td data-label="Seen the fact-check">
              {s.revealed ? "Yes" : "Not yet: can still change answers"}
            </td>
            <td>
              <RubricForm student={s} />
            </td>
            <td>
              <details className="remove">
                <summary>
                  Remove<span className="visually-hidden"> {s.displayName}'s answers</span>
                </summary>
                <Form method="post" className="stack">
                  <input type="hidden" name="submission" value={s.id} />
                  <p>Remove {s.displayName}'s answers? Their result link stops working.</p>
                  <button
                    type="submit"
                    name="intent"
                    value="delete-submission"
                    className="button button--secondary"
                  >
                    Remove {s.displayName}'s answers
                  </button>
                </Form>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Most missed" (article mode) and "most often judged wrong": where to start the discussion. */
export function Highlights({
  mostMissed,
  mostWrong,
  students,
}: {
  mostMissed: ClaimTally[];
  mostWrong: ClaimTally[];
  students: number;
}) {
  if (mostMissed.length === 0 && mostWrong.length === 0) return null;
  return (
    <div className="highlights">
      {mostMissed.length > 0 ? (
        <section aria-labelledby="missed-heading">
          <h3 id="missed-heading">Most missed claims</h3>
          <ol>
            {mostMissed.map((t) => (
              <li key={t.claim.id}>
                “{t.claim.quote}”: missed by {students - t.foundBy} of {students}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {mostWrong.length > 0 ? (
        <section aria-labelledby="wrong-heading">
          <h3 id="wrong-heading">Most often judged wrong</h3>
          <ol>
            {mostWrong.map((t) => (
              <li key={t.claim.id}>
                “{t.claim.quote}”: {t.wrong} of {t.same + t.near + t.wrong} judged it far from the published
                verdict
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** What students wrote for one claim: their verdict, their reason and the link they found. */
export function StudentReasons({
  reasons,
}: {
  reasons: Array<{ student: string; verdict: string; reason: string; evidence: string }>;
}) {
  if (reasons.length === 0) return null;
  return (
    <details className="student-reasons">
      <summary>Students' reasons and sources ({reasons.length})</summary>
      <ul>
        {reasons.map((r, i) => (
          <li key={i}>
            <strong>{r.student}</strong> {r.verdict ? <StudentVerdict verdict={r.verdict} /> : null}
            {r.reason ? <> “{r.reason}”</> : null}
            {r.evidence ? (
              <>
                {" "}
                <a href={safeHref(r.evidence)} rel="nofollow noopener noreferrer ugc">
                  {r.evidence.length > 50 ? `${r.evidence.slice(0, 47)}…` : r.evidence}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
