import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/exercise";
import { requirePermission } from "../auth/session.server";
import { results } from "../classroom/exercises.server";
import { manageExercise } from "../classroom/manage.server";
import { exerciseForTeacher, teachersOf } from "../classroom/teachers.server";
import { CoTeachers } from "../classroom/CoTeachers";
import { Highlights, StudentsTable } from "../classroom/ResultsParts";
import { ExerciseSettings } from "../classroom/ExerciseSettings";
import { ClaimTallies, OtherMarks } from "../classroom/ClassAnswers";
import { skipsNumbers } from "../classroom/numbers";
import { SharePanel } from "../classroom/SharePanel";
import { shareWithQr } from "../classroom/share.server";
import { dueChoice, formatDue } from "../classroom/due";
import { domainFailure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { FormMessage } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Exercise results · Classroom · Claimdesk" }];

export async function loader({ request, url, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "teach");
  const exercise = await orErrorPage(exerciseForTeacher(parseId(params.id, "exercise"), user));
  const [{ submissions, tallies, reasons, mostMissed, mostWrong, otherMarks }, teachers] = await Promise.all([
    results(exercise),
    teachersOf(exercise.id),
  ]);
  return {
    exercise: {
      id: exercise.id,
      title: exercise.title,
      instructions: exercise.instructions,
      code: exercise.code,
      status: exercise.status,
      mode: exercise.mode,
      article: exercise.snapshot.article.title,
      private: exercise.private,
      due: exercise.dueAt ? formatDue(exercise.dueAt, exercise.dueZone) : "",
    },
    dueChoice: dueChoice(exercise),
    share: shareWithQr(request, exercise.code),
    students: submissions.length,
    submissions: submissions.map(({ answers: _a, added: _o, createdAt: _c, sentAt: _s, ...row }) => row),
    tallies,
    reasons,
    mostMissed,
    mostWrong,
    otherMarks,
    notice: url.searchParams.get("done"),
    teachers,
  };
}

export async function action({ request, url, params }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "teach");
  const id = parseId(params.id, "exercise");
  const values = formValues(await readForm(request));
  try {
    const done = await manageExercise(id, values, user);
    return redirect(
      done === "exercise-deleted" ? `/exercises?done=${done}` : `/exercises/${id}?done=${done}`,
    );
  } catch (error) {
    return domainFailure(values.intent ?? "", values, error);
  }
}

const NOTICES: Record<string, string> = {
  closed: "The exercise is closed: students can no longer submit.",
  opened: "The exercise is open again.",
  deleted: "All answers were deleted.",
  removed: "That student's answers were removed.",
  edited: "The title, instructions and due time were saved.",
  rubric: "The rubric mark was saved: the student sees it with their comment on their result page.",
  "teacher-added": "The co-teacher was added: they see this exercise in their classroom now.",
  "teacher-removed": "The co-teacher was removed.",
};

export default function ExerciseResults({ loaderData, actionData }: Route.ComponentProps) {
  const {
    exercise,
    share,
    dueChoice: due,
    students,
    submissions,
    tallies,
    reasons,
    mostMissed,
    mostWrong,
    otherMarks,
    notice,
    teachers,
  } = loaderData;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/exercises">Classroom</Link> › Results
      </p>
      <h1>{exercise.title}</h1>
      <FormMessage error={actionData?.error} focusOn={actionData} success={notice ? NOTICES[notice] : null} />
      <SharePanel share={share} exercise={exercise} />

      <h2>
        Results: {students} {students === 1 ? "student" : "students"}
        {exercise.due ? `, ${submissions.filter((s) => s.late).length} late` : ""}
      </h2>
      {students > 0 ? (
        <>
          <Highlights mostMissed={mostMissed} mostWrong={mostWrong} students={students} />
          <OtherMarks marks={otherMarks.shown} total={otherMarks.total} students={students} />
          <StudentsTable
            submissions={submissions}
            exerciseId={exercise.id}
            claims={tallies.length}
            mode={exercise.mode}
            hasDue={exercise.due !== ""}
          />
          <ClaimTallies
            tallies={tallies}
            reasons={reasons}
            students={students}
            mode={exercise.mode}
            skipsNumbers={skipsNumbers(tallies.map((t) => t.claim.number))}
          />
        </>
      ) : (
        <p>No answers yet.</p>
      )}
      <p>
        Download for a spreadsheet (CSV):{" "}
        <a href={`/exercises/${exercise.id}/students.csv`} download>
          one row per student
        </a>{" "}
        ·{" "}
        <a href={`/exercises/${exercise.id}/results.csv`} download>
          one row per student and claim
        </a>
      </p>

      <CoTeachers
        {...teachers}
        error={actionData?.intent === "add-teacher" ? actionData.fields?.email : undefined}
      />
      <section className="panel no-print" aria-labelledby="manage-heading">
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
        <ExerciseSettings
          title={exercise.title}
          instructions={exercise.instructions}
          due={due}
          values={actionData?.intent === "edit" ? actionData.values : undefined}
          fields={actionData?.intent === "edit" ? (actionData.fields ?? {}) : {}}
        />
      </section>
    </div>
  );
}
