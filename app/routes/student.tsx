import { Form, redirect } from "react-router";
import type { Route } from "./+types/student";
import { SOURCE_KINDS } from "../classroom/compare";
import { exerciseByCode, readAnswers, submit } from "../classroom/exercises.server";
import { normalizeCode } from "../classroom/codes";
import { allow, publicLinkLimiter } from "../db/attempts.server";
import {
  clientAddress,
  domainFailure,
  failure,
  formValues,
  readForm,
  tooManyRequests,
} from "../utils/http.server";
import { VERDICTS } from "../newsroom/verdicts";
import { renderAnnotated } from "../publishing/annotate";
import { FormMessage } from "../ui/components";

/** Look-ups of codes that do not exist, per address in ten minutes: opening a real code is free. */
const MISSED_CODES = 30;

/**
 * The exercise for a code. Every look-up reserves a guess for the address first (so parallel
 * guesses are all counted); finding the exercise gives the guess back.
 */
async function load(codeParam: string | undefined, context: unknown) {
  const guess = { key: `code:${clientAddress(context)}`, limit: MISSED_CODES, windowMs: 10 * 60_000 };
  if (!(await publicLinkLimiter.reserve([guess])))
    throw tooManyRequests("Too many codes tried from your connection. Wait ten minutes and try again.");
  const code = normalizeCode(codeParam ?? "");
  const exercise = code ? await exerciseByCode(code) : null;
  if (!exercise)
    throw new Response("There is no exercise with that code. Check the link or the code with your teacher.", {
      status: 404,
    });
  await publicLinkLimiter.release(guess);
  return exercise;
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Exercise"} · Claimdesk classroom` },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const exercise = await load(params.code, context);
  const marked =
    exercise.mode === "marked"
      ? renderAnnotated(
          exercise.snapshot.article.markdown,
          exercise.counted.map((c) => ({
            start: c.start,
            end: c.end,
            claimId: String(c.number),
            className: "claim",
            anchorId: `claim-${c.number}`,
            ref: { href: `#unit-${c.number}`, text: String(c.number), label: `Claim ${c.number}` },
          })),
        )
      : null;
  return {
    code: exercise.code,
    title: exercise.title,
    instructions: exercise.instructions,
    mode: exercise.mode,
    open: exercise.status === "open",
    article: { title: exercise.snapshot.article.title, outlet: exercise.snapshot.article.outlet },
    units: exercise.units.map(({ index, text }) => ({ index, text })),
    marked,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const exercise = await load(params.code, context);
  const values = formValues(await readForm(request));
  if (!(await allow(`submit:${clientAddress(context)}:${exercise.code}`, 10, 10 * 60_000))) {
    return failure(
      "submit",
      values,
      "Too many answers have been sent from your connection. Wait ten minutes, then send yours again.",
      429,
    );
  }
  const read = readAnswers(exercise, values);
  if ("errors" in read)
    return failure("submit", values, `Your answers were not sent yet. ${read.errors.join(" ")}`, 400);
  try {
    const token = await submit(exercise, read.displayName, read.answers);
    return redirect(`/x/${exercise.code}/r/${token}`);
  } catch (error) {
    return domainFailure("submit", values, error);
  }
}

export default function StudentExercise({ loaderData, actionData }: Route.ComponentProps) {
  const { title, instructions, mode, open, article, units, marked } = loaderData;
  const v = actionData?.values ?? {};
  return (
    <div className="page exercise">
      <p className="eyebrow">Classroom exercise</p>
      <h1>{title}</h1>
      <p className="meta">
        The article: “{article.title}”{article.outlet ? `, ${article.outlet}` : ""}.
      </p>
      {instructions ? <p className="instructions">{instructions}</p> : null}
      {!open ? (
        <p className="notice" role="note">
          This exercise is closed: your teacher is no longer taking answers.
        </p>
      ) : null}
      <FormMessage error={actionData?.error} />
      {marked ? (
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">The article, with the claims to judge marked</h2>
          <div className="article-text" dangerouslySetInnerHTML={{ __html: marked }} />
        </section>
      ) : null}
      <Form method="post" className="stack">
        <div className="field">
          <label htmlFor="displayName">Your display name</label>
          <p className="hint">A first name or a nickname. Nothing else about you is kept.</p>
          <input
            id="displayName"
            name="displayName"
            maxLength={60}
            required
            autoComplete="nickname"
            defaultValue={v.displayName}
          />
        </div>
        <h2>{mode === "marked" ? "Judge each marked claim" : "Mark the checkable claims"}</h2>
        {mode === "article" ? (
          <p className="hint">
            Tick each sentence that makes a claim someone could check. For each one you tick, give your
            verdict and the kind of source that would settle it.
          </p>
        ) : null}
        <ol className="units">
          {units.map((u) => (
            <li key={u.index} id={`unit-${u.index}`} className="unit">
              {mode === "article" ? (
                <label className="unit__mark">
                  <input
                    type="checkbox"
                    name={`mark-${u.index}`}
                    defaultChecked={v[`mark-${u.index}`] === "on"}
                  />{" "}
                  <span>{u.text}</span>
                </label>
              ) : (
                <p className="unit__mark">
                  <strong>{u.index}.</strong> “{u.text}”
                </p>
              )}
              <div className="unit__details">
                <label>
                  Your verdict
                  <select name={`verdict-${u.index}`} defaultValue={v[`verdict-${u.index}`] ?? ""}>
                    <option value="">Choose…</option>
                    {VERDICTS.map((verdict) => (
                      <option key={verdict.key} value={verdict.key}>
                        {verdict.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  What would settle it
                  <select name={`source-${u.index}`} defaultValue={v[`source-${u.index}`] ?? ""}>
                    <option value="">Choose…</option>
                    {SOURCE_KINDS.map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </li>
          ))}
        </ol>
        <button type="submit" className="button" disabled={!open}>
          Send my answers and see the fact-check
        </button>
      </Form>
    </div>
  );
}
