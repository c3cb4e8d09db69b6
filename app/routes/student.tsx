import { Form, redirect } from "react-router";
import type { Route } from "./+types/student";
import { SOURCE_KINDS } from "../classroom/compare";
import { openExercise, submitAnswers } from "../classroom/access.server";
import { clientAddress, domainFailure, formValues, orErrorPage, readForm } from "../utils/http.server";
import { VERDICTS } from "../newsroom/verdicts";
import { renderAnnotated } from "../publishing/annotate";
import { FormMessage } from "../ui/components";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Exercise"} · Claimdesk classroom` },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const exercise = await orErrorPage(openExercise(params.code, clientAddress(context)));
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
  const address = clientAddress(context);
  const exercise = await orErrorPage(openExercise(params.code, address));
  const values = formValues(await readForm(request));
  try {
    const token = await submitAnswers(exercise, values, address);
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
