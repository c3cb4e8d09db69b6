import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/exercise";
import { requirePermission } from "../auth/session.server";
import { results } from "../classroom/exercises.server";
import { manageExercise } from "../classroom/manage.server";
import { exerciseForTeacher, teachersOf } from "../classroom/teachers.server";
import { CoTeachers } from "../classroom/CoTeachers";
import { formatCode } from "../classroom/codes";
import { VerdictChart } from "../classroom/VerdictChart";
import { publicUrl } from "../utils/config.server";
import { domainFailure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { FormMessage, VerdictBadge } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Exercise results · Classroom · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "teach");
  const exercise = await orErrorPage(exerciseForTeacher(parseId(params.id, "exercise"), user));
  const [{ submissions, tallies }, teachers] = await Promise.all([
    results(exercise),
    teachersOf(exercise.id),
  ]);
  const mostMissed = [...tallies].sort((a, b) => a.foundBy - b.foundBy).slice(0, 3);
  return {
    exercise: {
      id: exercise.id,
      title: exercise.title,
      code: exercise.code,
      status: exercise.status,
      mode: exercise.mode,
      article: exercise.snapshot.article.title,
    },
    shareUrl: `${publicUrl()}/x/${exercise.code}`,
    students: submissions.length,
    names: submissions.map((s) => s.displayName),
    tallies,
    mostMissed: submissions.length > 0 ? mostMissed : [],
    notice: new URL(request.url).searchParams.get("done"),
    teachers,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "teach");
  const id = parseId(params.id, "exercise");
  const values = formValues(await readForm(request));
  try {
    return redirect(`/exercises/${id}?done=${await manageExercise(id, values, user)}`);
  } catch (error) {
    return domainFailure(values.intent ?? "", values, error);
  }
}

const NOTICES: Record<string, string> = {
  closed: "The exercise is closed: students can no longer submit.",
  opened: "The exercise is open again.",
  deleted: "All answers were deleted.",
  removed: "That student's answers were removed.",
  "teacher-added": "The co-teacher was added: they see this exercise in their classroom now.",
  "teacher-removed": "The co-teacher was removed.",
};

export default function ExerciseResults({ loaderData, actionData }: Route.ComponentProps) {
  const { exercise, shareUrl, students, names, tallies, mostMissed, notice, teachers } = loaderData;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/exercises">Classroom</Link> › Results
      </p>
      <h1>{exercise.title}</h1>
      <FormMessage error={actionData?.error} success={notice ? NOTICES[notice] : null} />
      <section className="panel share" aria-labelledby="share-heading">
        <h2 id="share-heading">Share with students</h2>
        <p>
          Link: <a href={shareUrl}>{shareUrl}</a>
        </p>
        <p>
          Or they go to <strong>{shareUrl.replace(/\/[^/]+$/, "")}</strong> and type the code{" "}
          <code className="code">{formatCode(exercise.code)}</code>
        </p>
        <p className="meta">
          {exercise.status === "open" ? "Open for answers." : "Closed."} Students see{" "}
          {exercise.mode === "marked" ? "the article with the claims marked" : "the article alone"}. From the
          fact-check of “{exercise.article}”.
        </p>
      </section>

      <h2>
        Results: {students} {students === 1 ? "student" : "students"}
      </h2>
      {students > 0 ? <p className="meta">Answers from: {names.join(", ")}</p> : <p>No answers yet.</p>}
      {mostMissed.length > 0 ? (
        <section aria-labelledby="missed-heading">
          <h3 id="missed-heading">Most missed claims</h3>
          <ol>
            {mostMissed.map((t) => (
              <li key={t.claim.id}>
                “{t.claim.quote}”: found by {t.foundBy} of {students}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <table className="table results">
        <caption className="visually-hidden">
          Per claim: how many students found it and their verdicts
        </caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Found by</th>
            <th scope="col">Students' verdicts (★ published)</th>
          </tr>
        </thead>
        <tbody>
          {tallies.map((t) => (
            <tr key={t.claim.id}>
              <td>
                {t.claim.number}. “{t.claim.quote}” <VerdictBadge verdict={t.claim.verdict} />
              </td>
              <td>
                {t.foundBy} of {students}
              </td>
              <td>
                <VerdictChart counts={t.verdicts} published={t.claim.verdict} students={students} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/exercises/${exercise.id}/results.csv`} download>
          Download the answers as CSV
        </a>
      </p>

      <CoTeachers
        {...teachers}
        error={actionData?.intent === "add-teacher" ? actionData.fields?.email : undefined}
      />
      <section className="panel" aria-labelledby="manage-heading">
        <h2 id="manage-heading">Manage</h2>
        <Form method="post" className="inline-form">
          {exercise.status === "open" ? (
            <button type="submit" name="intent" value="close" className="button button--secondary">
              Close the exercise
            </button>
          ) : (
            <button type="submit" name="intent" value="open" className="button button--secondary">
              Open it again
            </button>
          )}
        </Form>
        <Form method="post" className="stack danger-zone">
          <label className="inline">
            <input type="checkbox" name="confirm" value="yes" /> Yes, delete every student's answers
          </label>
          <button type="submit" name="intent" value="delete-answers" className="button button--secondary">
            Delete all answers
          </button>
        </Form>
      </section>
    </div>
  );
}
