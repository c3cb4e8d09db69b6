import { Link } from "react-router";
import type { Route } from "./+types/exercise.student";
import { requirePermission } from "../auth/session.server";
import { submissionForTeacher } from "../classroom/exercises.server";
import { exerciseForTeacher } from "../classroom/teachers.server";
import { answerSheet } from "../classroom/answer-sheet.server";
import { AnswerSheet } from "../classroom/AnswerSheet";
import { formatScore } from "../classroom/score";
import { orErrorPage, parseId } from "../utils/http.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.displayName ?? "A student"}'s answers · Classroom · Claimdesk` },
];

/**
 * /exercises/:id/students/:submission: one student's whole answer sheet, the page they see once
 * they ask for the fact-check, for the exercise's teachers only (its maker, co-teachers, admins).
 * Opening it changes nothing: the student's answers stay open to change until they ask.
 */
export async function loader({ request, url, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "teach");
  const exercise = await orErrorPage(exerciseForTeacher(parseId(params.id, "exercise"), user));
  const submission = await submissionForTeacher(exercise, parseId(params.submission, "student's answers"));
  if (!submission)
    throw new Response(
      "These answers are not in this exercise: the student's answers may have been removed.",
      {
        status: 404,
      },
    );
  return {
    exercise: { id: exercise.id, title: exercise.title },
    displayName: submission.displayName,
    late: submission.late,
    revealed: submission.revealed,
    ...answerSheet(exercise, submission),
  };
}

export default function StudentAnswers({ loaderData: d }: Route.ComponentProps) {
  const { comparison } = d;
  const total = comparison.claims.length;
  return (
    <div className="page wide exercise-result">
      <p className="breadcrumbs">
        <Link to="/exercises">Classroom</Link> ›{" "}
        <Link to={`/exercises/${d.exercise.id}`}>{d.exercise.title}</Link> › Answers
      </p>
      <h1>{d.displayName}'s answers</h1>
      <p className="summary-line">
        {d.displayName} found{" "}
        <strong>
          {comparison.found} of {total}
        </strong>{" "}
        claims the fact-checkers checked, and matched their verdict on <strong>{comparison.agreed}</strong>.
        Score: <strong>{formatScore(comparison.score)}</strong> of {total}.
        {d.late ? " Sent after the due time." : ""}
      </p>
      <p className="notice" role="note">
        This is the page {d.displayName} sees once they ask for the fact-check: “you” is {d.displayName}.{" "}
        {d.revealed
          ? "They have seen it, so their answers are final."
          : "They have not seen it yet and can still change their answers."}
      </p>
      <AnswerSheet
        comparison={comparison}
        reasons={d.reasons}
        rationales={d.rationales}
        quantities={d.quantities}
        source={d.source}
      />
    </div>
  );
}
