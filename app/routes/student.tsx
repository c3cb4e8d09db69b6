import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/student";
import { openExercise, resumeAnswers, submitAnswers } from "../classroom/access.server";
import { deviceOf } from "../classroom/device.server";
import { deviceSubmission } from "../classroom/exercises.server";
import { answersAsValues } from "../classroom/compare";
import { ArticleUnits, MarkedUnits, paragraphsOf, SourceStep } from "../classroom/StudentUnits";
import { clientAddress, domainFailure, formValues, orErrorPage, readForm } from "../utils/http.server";
import { renderMarkdown } from "../publishing/annotate";
import { FormMessage, safeHref } from "../ui/components";
import { ErrorSummary } from "../ui/ErrorSummary";
import { formatDue } from "../classroom/due";
import { formatCode } from "../classroom/codes";
import { textLanguage } from "../claims/language";
import { shareWithQr } from "../classroom/share.server";
import { HandoutLink } from "../classroom/ShareQr";
import { skipsNumbers } from "../classroom/numbers";

/** A student's page: the frame has no navigation (see SiteFrame). */
export const handle = { classroom: true };

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.title ?? "Exercise"} · Claimdesk classroom` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const exercise = await orErrorPage(openExercise(params.code, clientAddress(context)));
  const device = deviceOf(request);
  const mine = device.setCookie ? null : await deviceSubmission(exercise, device.token);
  const { article } = exercise.snapshot;
  return data(
    {
      title: exercise.title,
      // Markdown with raw HTML off and links only http(s) and mailto: a teacher's links are clickable, nothing runs.
      instructions: exercise.instructions ? renderMarkdown(exercise.instructions) : "",
      mode: exercise.mode,
      open: exercise.status === "open",
      due: exercise.dueAt
        ? { text: formatDue(exercise.dueAt, exercise.dueZone), passed: exercise.dueAt.getTime() < Date.now() }
        : null,
      share: { ...shareWithQr(request, exercise.code), code: formatCode(exercise.code) },
      // With the source step, who published it is for the student to find out first.
      article: {
        title: article.title,
        outlet: exercise.askSource ? "" : article.outlet,
        sourceUrl: article.sourceUrl,
        lang: textLanguage(article.language ?? "en"),
      },
      askSource: exercise.askSource,
      units: exercise.units.map(({ index, text, block, kind }) => ({ index, text, block, kind })),
      // Rendered once per exercise and kept with its sentences (exercise-text.server.ts).
      marked: exercise.mode === "marked" ? exercise.marked : null,
      // The marked claims keep their numbers in the fact-check (decision 029): say why some are missing.
      skipsNumbers: exercise.mode === "marked" && skipsNumbers(exercise.units.map((u) => u.index)),
      mine: mine
        ? {
            revealed: mine.revealed,
            values: { displayName: mine.displayName, ...answersAsValues(mine.answers) },
          }
        : null,
    },
    device.setCookie ? { headers: { "Set-Cookie": device.setCookie } } : undefined,
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const address = clientAddress(context);
  const exercise = await orErrorPage(openExercise(params.code, address));
  const device = deviceOf(request);
  const headers: HeadersInit = device.setCookie ? { "Set-Cookie": device.setCookie } : {};
  const values = formValues(await readForm(request));
  try {
    const token =
      values.intent === "resume"
        ? await resumeAnswers(exercise, device.token)
        : await submitAnswers(exercise, values, address, device.token);
    return redirect(`/x/${exercise.code}/r/${token}`, { headers });
  } catch (error) {
    return domainFailure("submit", values, error);
  }
}

export default function StudentExercise({ loaderData, actionData }: Route.ComponentProps) {
  const { title, instructions, mode, open, due, share, article, units, marked, mine, askSource } = loaderData;
  const numbersNote = loaderData.skipsNumbers ? (
    <p className="hint">
      The claims keep the numbers the fact-checkers gave them in the article, so the numbers of claims this
      exercise does not ask about are skipped.
    </p>
  ) : null;
  const v: Record<string, string | undefined> = actionData?.values ?? mine?.values ?? {};
  const errors = actionData?.fields ?? {};
  const hasFields = Object.keys(errors).length > 0;
  return (
    <div className="page exercise">
      <p className="eyebrow">Classroom exercise</p>
      <h1>{title}</h1>
      <p className="meta">
        The article: “{article.title}”{article.outlet ? `, ${article.outlet}` : ""}.
        {article.sourceUrl ? (
          <>
            {" "}
            <a href={safeHref(article.sourceUrl)} rel="nofollow noopener noreferrer">
              Read it where it was first published
            </a>
            .
          </>
        ) : null}
      </p>
      {instructions ? (
        <div className="instructions" dangerouslySetInnerHTML={{ __html: instructions }} />
      ) : null}
      {due ? (
        <p className={due.passed && open ? "notice" : "due"} role={due.passed && open ? "note" : undefined}>
          Due: <strong>{due.text}</strong>.
          {due.passed && open
            ? " The due time has passed: you can still send your answers, and your teacher sees that they came late."
            : null}
        </p>
      ) : null}
      <HandoutLink {...share} />
      {!open ? (
        <p className="notice" role="note">
          This exercise is closed: your teacher is no longer taking answers.
        </p>
      ) : null}
      {mine?.revealed ? (
        <Form method="post" className="notice stack" role="note">
          <p>You have sent your answers from this device and seen the fact-check: your answers are final.</p>
          <button type="submit" name="intent" value="resume" className="button">
            See my answers and the fact-check again
          </button>
        </Form>
      ) : null}
      {mine && !mine.revealed ? (
        <p className="notice" role="note">
          You have sent answers from this device. Change anything below and send them again: they replace the
          ones you sent.
        </p>
      ) : null}
      {hasFields ? (
        <ErrorSummary title={actionData?.error ?? "Your answers were not sent yet."} errors={errors} />
      ) : (
        <FormMessage error={actionData?.error} focusOn={actionData} />
      )}
      {marked ? (
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">The article, with the claims to judge marked</h2>
          {numbersNote}
          <div className="article-text" lang={article.lang} dangerouslySetInnerHTML={{ __html: marked }} />
        </section>
      ) : null}
      {mine?.revealed ? null : (
        <Form method="post" className="stack" noValidate>
          <div className="field">
            <label htmlFor="displayName">Your display name</label>
            <p className="hint" id="displayName-hint">
              A first name or a nickname. Nothing else about you is kept.
            </p>
            {errors.displayName ? (
              <p className="field__error" id="displayName-error">
                {errors.displayName}
              </p>
            ) : null}
            <input
              id="displayName"
              name="displayName"
              maxLength={60}
              required
              autoComplete="nickname"
              defaultValue={v.displayName}
              aria-invalid={errors.displayName ? true : undefined}
              aria-describedby={
                errors.displayName ? "displayName-hint displayName-error" : "displayName-hint"
              }
            />
          </div>
          {askSource ? <SourceStep values={v} errors={errors} /> : null}
          <h2>{mode === "marked" ? "Judge each marked claim" : "Mark the checkable claims"}</h2>
          {mode === "article" ? (
            <p className="hint">
              Tick each sentence that makes a claim someone could check. For each one you tick, give your
              verdict and the kind of source that would settle it.
            </p>
          ) : null}
          {mode === "article" ? (
            <ArticleUnits paragraphs={paragraphsOf(units)} values={v} errors={errors} lang={article.lang} />
          ) : (
            <MarkedUnits units={units} values={v} errors={errors} lang={article.lang} />
          )}
          <button type="submit" className="button" disabled={!open}>
            {mine ? "Send my changed answers" : "Send my answers"}
          </button>
        </Form>
      )}
    </div>
  );
}
