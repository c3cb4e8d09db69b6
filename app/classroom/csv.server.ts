import { verdictLabel } from "../newsroom/verdicts";
import { compare, sourceLabel, studentVerdictLabel } from "./compare";
import { results, rubricLabel, type ExerciseView } from "./exercises.server";

/** A byte-order mark first, so Excel reads the file as UTF-8 (names like “Zoë” and quotes stay intact). */
const BOM = "\uFEFF";

export const csvCell = (value: string | number) => {
  const text = String(value);
  // Quote everything; neutralise formulas so a spreadsheet never runs a student's input.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

const csv = (rows: Array<Array<string | number>>) =>
  BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";

/**
 * One row per student and counted claim: found or not, their verdict, source and credit, the
 * published verdict. Then a row per sentence the student marked that the answer key does not
 * count (`in_answer_key` "no"): the sentence in the claim column, no number, found, published
 * verdict or credit, since none applies.
 */
export async function resultsCsv(exercise: ExerciseView): Promise<string> {
  const { submissions } = await results(exercise);
  const rows: Array<Array<string | number>> = [
    [
      "student",
      "submitted_at",
      "claim_number",
      "claim",
      "found",
      "student_verdict",
      "student_source",
      "published_verdict",
      "credit",
      "student_reason",
      "student_link",
      "in_answer_key",
    ],
  ];
  for (const s of submissions) {
    const comparison = compare(exercise.units, exercise.counted, s.answers);
    for (const outcome of comparison.claims) {
      rows.push([
        s.displayName,
        s.createdAt.toISOString(),
        outcome.claim.number,
        outcome.claim.quote,
        outcome.found ? "yes" : "no",
        outcome.verdict ? studentVerdictLabel(outcome.verdict) : "",
        outcome.source ? sourceLabel(outcome.source) : "",
        verdictLabel(outcome.claim.verdict),
        outcome.credit,
        outcome.reason,
        outcome.evidence,
        "yes",
      ]);
    }
    for (const other of comparison.added)
      rows.push([
        s.displayName,
        s.createdAt.toISOString(),
        "",
        other.unit.text,
        "",
        other.verdict ? studentVerdictLabel(other.verdict) : "",
        other.source ? sourceLabel(other.source) : "",
        "",
        "",
        other.reason,
        other.evidence,
        "no",
      ]);
  }
  return csv(rows);
}

/**
 * One row per student: claims found, score out of the claims that count, whether they have seen
 * the fact-check, whether they answered after the due time (empty when there is none), and how
 * many sentences they marked that the answer key does not count.
 */
export async function studentsCsv(exercise: ExerciseView): Promise<string> {
  const { submissions } = await results(exercise);
  const claims = exercise.counted.length;
  return csv([
    [
      "student",
      "submitted_at",
      "claims_found",
      "score",
      "out_of",
      "seen_fact_check",
      "rubric",
      "rubric_comment",
      "who_is_behind_it",
      "what_they_want",
      "late",
      "other_sentences_marked",
    ],
    ...submissions.map((s) => [
      s.displayName,
      s.createdAt.toISOString(),
      s.found,
      s.score,
      claims,
      s.revealed ? "yes" : "no",
      rubricLabel(s.rubric || null),
      s.rubricComment,
      s.publisherGuess,
      s.purposeGuess,
      exercise.dueAt ? (s.late ? "yes" : "no") : "",
      s.added.length,
    ]),
  ]);
}
