import { useEffect, useRef } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/student-result";
import { resultByLink, reveal } from "../classroom/exercises.server";
import { normalizeCode } from "../classroom/codes";
import { AnswerSheet } from "../classroom/AnswerSheet";
import { answerSheet } from "../classroom/answer-sheet.server";
import { formatScore } from "../classroom/score";
import { orErrorPage } from "../utils/http.server";

/** A student's page: the frame has no navigation (see SiteFrame). */
export const handle = { classroom: true };

export const meta: Route.MetaFunction = () => [
  { title: "Your answers and the fact-check · Claimdesk classroom" },
];

const GONE =
  "These answers are not here: the link may be wrong or out of date, or your teacher removed them.";

/** The link's token is checked before the exercise is read: a wrong link costs one indexed read. */
async function find(params: { code?: string; token?: string }) {
  const code = normalizeCode(params.code ?? "");
  const found = code ? await orErrorPage(resultByLink(code, params.token ?? "")) : null;
  if (!found) throw new Response(GONE, { status: 404 });
  return found;
}

export async function loader({ params }: Route.LoaderArgs) {
  const { exercise, submission } = await find(params);
  const base = {
    title: exercise.title,
    code: exercise.code,
    displayName: submission.displayName,
    late: submission.late,
    feedback: submission.rubric ? { level: submission.rubric, comment: submission.rubricComment } : null,
  };
  // Before the student asks for it, nothing of the answer key leaves the server.
  if (!submission.revealed)
    return {
      ...base,
      revealed: false as const,
      answered: submission.answered,
      open: exercise.status === "open",
      added: submission.comparison.added.length,
    };
  return { ...base, revealed: true as const, ...answerSheet(exercise, submission) };
}

export async function action({ params }: Route.ActionArgs) {
  const { exercise } = await find(params);
  await reveal(exercise, params.token ?? "");
  return redirect(`/x/${exercise.code}/r/${params.token}#score`);
}

const LateNote = () => (
  <p className="meta">You sent these answers after the due time: your teacher sees them as late.</p>
);

export default function StudentResult({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  // The score takes focus when the fact-check appears: autoFocus covers a full page load only.
  const score = useRef<HTMLParagraphElement>(null);
  useEffect(() => score.current?.focus(), [d.revealed]);
  if (!d.revealed)
    return (
      <div className="page narrow exercise-result">
        <p className="eyebrow">Classroom exercise</p>
        <h1>{d.title}</h1>
        <p className="message message--success" role="status">
          Your answers are saved, {d.displayName}: {d.answered} {d.answered === 1 ? "answer" : "answers"}.
        </p>
        {d.late ? <LateNote /> : null}
        <p>
          You can still change them from this device. When you are ready, see the fact-checkers' work beside
          yours: <strong>your answers are then final.</strong>
        </p>
        <div className="inline-form">
          {d.open ? (
            <Link to={`/x/${d.code}`} className="button button--secondary">
              Change my answers
            </Link>
          ) : null}
          <Form method="post">
            <button type="submit" className="button">
              I'm done: show me the fact-check
            </button>
          </Form>
        </div>
      </div>
    );
  const { comparison, reasons, rationales } = d;
  const total = comparison.claims.length;
  return (
    <div className="page wide exercise-result">
      <p className="eyebrow">Classroom exercise</p>
      <h1>{d.title}</h1>
      <p className="summary-line" id="score" tabIndex={-1} autoFocus ref={score}>
        Thank you, {d.displayName.replace(/\.$/, "")}. You found{" "}
        <strong>
          {comparison.found} of {total}
        </strong>{" "}
        claims the fact-checkers checked, and your verdict matched theirs on{" "}
        <strong>{comparison.agreed}</strong>. Your score: <strong>{formatScore(comparison.score)}</strong> of{" "}
        {total}.
      </p>
      {d.late ? <LateNote /> : null}
      <details className="scoring">
        <summary>How the score works</summary>
        <p>
          Each claim is worth 1 point for the same verdict as the fact-checkers. A verdict next to theirs on
          the scale (Accurate, Mostly accurate, Mixed, Misleading, Inaccurate) earns ½ point: “Accurate”
          against “Mostly accurate” is nearly right, “Accurate” against “Misleading” is not. “Not enough
          information” earns ½ point where the fact-checkers found the claim Unsupported, because then nobody
          could tell. A claim you did not mark earns nothing.
        </p>
      </details>
      {d.feedback ? (
        <section className="panel feedback" aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">Your teacher's feedback</h2>
          <p>
            Your reasoning: <strong>{d.feedback.level}</strong>
          </p>
          {d.feedback.comment ? <p className="student-reason">{d.feedback.comment}</p> : null}
        </section>
      ) : null}
      <p className="meta">Keep this page's address to come back to it.</p>
      <AnswerSheet
        comparison={comparison}
        reasons={reasons}
        rationales={rationales}
        quantities={d.quantities}
        source={d.source}
      />
    </div>
  );
}
