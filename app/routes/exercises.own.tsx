import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/exercises.own";
import { requirePermission } from "../auth/session.server";
import { oncePerSubmission } from "../db/submissions.server";
import { createOwnExercise, readOwnArticle, type OwnArticleRead } from "../classroom/own-article.server";
import { ArticleFields, KeyUnits } from "../classroom/OwnArticleForms";
import { paragraphsOf } from "../classroom/StudentUnits";
import { textLanguage } from "../claims/language";
import { formValues, httpError, readForm } from "../utils/http.server";
import { Field } from "../ui/components";
import { ErrorSummary } from "../ui/ErrorSummary";
import { dueChoice } from "../classroom/due";
import { DueFields, type DueChoice } from "../classroom/DueFields";
import { SubmissionToken } from "../ui/SubmissionToken";
import { MAX_EXERCISE_CLAIMS } from "../classroom/exercise-text.server";

export const meta: Route.MetaFunction = () => [{ title: "An exercise from your own article · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  await requirePermission(request, url, "teach");
  return { due: dueChoice(), maxClaims: MAX_EXERCISE_CLAIMS };
}

/** The article's sentences for step two, and their `lang`. */
const sentencesOf = ({ language, units }: OwnArticleRead) => ({
  lang: textLanguage(language),
  units: units.map(({ index, text, block, kind }) => ({ index, text, block, kind })),
});

/**
 * Two steps without JavaScript: "read" checks the article and shows its sentences to mark;
 * "create" stores the exercise; "edit-article" goes back to step one with what was typed. The
 * article is read (and split) once per request.
 */
export async function action({ request, url }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "teach");
  const values = formValues(await readForm(request));
  const intent = values.intent === "create" || values.intent === "edit-article" ? values.intent : "read";
  let read: OwnArticleRead | null = null;
  try {
    if (intent === "edit-article") return { intent, values, sentences: null, error: "", fields: {} };
    read = await readOwnArticle(values);
    const article = read;
    if (intent === "create")
      return await oncePerSubmission(values, user.id, async () =>
        redirect(`/exercises/${(await createOwnExercise(values, user, article)).id}`),
      );
    return { intent, values, sentences: sentencesOf(read), error: "", fields: {} };
  } catch (error) {
    const answer = httpError(error);
    if (!answer) throw error;
    const failed = { intent, values, error: answer.message, fields: answer.fields ?? {} };
    // Step two again when the answer key was at fault; step one when the article was.
    return data(
      { ...failed, sentences: intent === "create" && read ? sentencesOf(read) : null },
      { status: answer.status },
    );
  }
}

export default function OwnArticleExercise({ loaderData, actionData }: Route.ComponentProps) {
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const fields: Record<string, string> = actionData?.fields ?? {};
  const sentences = actionData?.sentences ?? null;
  return (
    <div className="page narrow-wide">
      <p className="breadcrumbs">
        <Link to="/exercises">Classroom</Link> › From your own article
      </p>
      <h1>An exercise from your own article</h1>
      <p>
        Bring an article your class should check. You mark its claims and the answers here; nothing is
        published. Students see the article in the exercise, and your answers only after they have sent
        theirs.
      </p>
      {Object.keys(fields).length > 0 ? (
        <ErrorSummary title={actionData?.error || "Check the highlighted fields."} errors={fields} />
      ) : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionToken />
        {sentences ? (
          <KeyStep
            values={values}
            fields={fields}
            sentences={sentences.units}
            lang={sentences.lang}
            due={loaderData.due}
            maxClaims={loaderData.maxClaims}
          />
        ) : (
          <>
            <ArticleFields values={values} fields={fields} />
            <button type="submit" name="intent" value="read" className="button">
              Next: mark the claims and the answers
            </button>
          </>
        )}
      </Form>
    </div>
  );
}

function KeyStep({
  values,
  fields,
  sentences,
  lang,
  due,
  maxClaims,
}: {
  values: Record<string, string | undefined>;
  fields: Record<string, string>;
  due: DueChoice;
  maxClaims: number;
  sentences: Array<{ index: number; text: string; block?: number; kind?: string }>;
  lang?: string;
}) {
  return (
    <>
      {(["articleTitle", "outlet", "sourceUrl", "text"] as const).map((name) => (
        <input key={name} type="hidden" name={name} value={values[name] ?? ""} />
      ))}
      <p>
        <strong>“{values.articleTitle}”</strong>
        {values.outlet ? `, ${values.outlet}` : ""}.{" "}
        <button type="submit" name="intent" value="edit-article" className="link-button" formNoValidate>
          Change the article
        </button>
      </p>
      <Field label="Title students see" name="title" error={fields.title}>
        <input
          id="title"
          name="title"
          maxLength={200}
          defaultValue={values.title ?? `Check it yourself: ${values.articleTitle}`}
        />
      </Field>
      <Field
        label="Instructions"
        name="instructions"
        error={fields.instructions}
        hint="Markdown: **bold**, lists, links."
      >
        <textarea id="instructions" name="instructions" rows={3} defaultValue={values.instructions ?? ""} />
      </Field>
      <DueFields choice={due} values={values} fields={fields} />
      <fieldset
        className={`field${fields.mode ? " field--invalid" : ""}`}
        aria-describedby={fields.mode ? "mode-error" : undefined}
      >
        <legend>What students see</legend>
        <label className="inline">
          <input type="radio" name="mode" value="article" defaultChecked={values.mode !== "marked"} /> The
          article alone: they find the claims themselves
        </label>
        <label className="inline">
          <input type="radio" name="mode" value="marked" defaultChecked={values.mode === "marked"} /> The
          article with your claims marked: they judge them
        </label>
        {fields.mode ? (
          <p className="field__error" id="mode-error" role="alert">
            {fields.mode}
          </p>
        ) : null}
      </fieldset>
      <label className="inline">
        <input type="checkbox" name="askSource" defaultChecked={values.askSource === "on"} /> First ask
        students who is behind the article and what they want (its outlet is shown after they answer)
      </label>
      <h2>Your answer key</h2>
      <p className="hint">
        Tick each sentence that is a claim students should find (at most {maxClaims}), and give its verdict
        and why.
      </p>
      {fields.answerKey ? (
        <p className="field__error" id="answerKey" role="alert" tabIndex={-1}>
          {fields.answerKey}
        </p>
      ) : null}
      <KeyUnits paragraphs={paragraphsOf(sentences)} values={values} fields={fields} lang={lang} />
      <button type="submit" name="intent" value="create" className="button">
        Create the exercise
      </button>
    </>
  );
}
