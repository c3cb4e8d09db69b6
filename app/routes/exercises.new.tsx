import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/exercises.new";
import { requirePermission } from "../auth/session.server";
import { oncePerSubmission } from "../db/submissions.server";
import { createExercise, ExerciseSchema, publishedForExercise } from "../classroom/exercises.server";
import { domainFailure, failure, formValues, readForm } from "../utils/http.server";
import { fieldErrors } from "../newsroom/schemas";
import { Field, FormMessage, VerdictBadge } from "../ui/components";
import { DueSchema, dueChoice } from "../classroom/due";
import { DueFields } from "../classroom/DueFields";
import { ModeAndInstructions } from "../classroom/ModeAndInstructions";
import { SubmissionToken } from "../ui/SubmissionToken";
import { MAX_EXERCISE_CLAIMS } from "../classroom/exercise-text.server";

export const meta: Route.MetaFunction = () => [{ title: "New exercise · Classroom · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  await requirePermission(request, url, "teach");
  const slug = url.searchParams.get("slug") ?? "";
  const factCheck = await publishedForExercise(slug);
  if (!factCheck) throw new Response("Choose a published fact-check for the exercise.", { status: 404 });
  return { factCheck, due: dueChoice(), maxClaims: MAX_EXERCISE_CLAIMS };
}

export async function action({ request, url }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "teach");
  const form = await readForm(request);
  // Every chosen claim, so a refused form comes back with the teacher's choice, not the defaults.
  const values = { ...formValues(form), claimIds: form.getAll("claimIds").join(",") };
  const parsed = ExerciseSchema.safeParse({ ...values, claimIds: form.getAll("claimIds") });
  const due = DueSchema.safeParse(values);
  if (!parsed.success || !due.success)
    return failure("create", values, "The exercise was not created. Check the highlighted fields.", 400, {
      fields: {
        ...(parsed.error ? fieldErrors(parsed.error) : {}),
        ...(due.error ? fieldErrors(due.error) : {}),
      },
    });
  try {
    return await oncePerSubmission(values, user.id, async () => {
      const exercise = await createExercise({ ...parsed.data, ...due.data }, user);
      return redirect(`/exercises/${exercise.id}`);
    });
  } catch (error) {
    return domainFailure("create", values, error);
  }
}

export default function NewExercise({ loaderData, actionData }: Route.ComponentProps) {
  const { factCheck, maxClaims } = loaderData;
  // A fact-check with more claims than an exercise counts starts with its first ones chosen.
  const more = factCheck.claims.length > maxClaims;
  const fields = actionData?.fields ?? {};
  const chosen = actionData ? new Set(actionData.values.claimIds?.split(",")) : null;
  return (
    <div className="page narrow-wide">
      <p className="breadcrumbs">
        <Link to="/exercises">Classroom</Link> › New exercise
      </p>
      <h1>New exercise</h1>
      <p>
        From the fact-check of <strong>{factCheck.title}</strong>, version {factCheck.number}.
      </p>
      <FormMessage error={actionData?.error} focusOn={actionData} />
      <Form method="post" className="stack">
        <SubmissionToken />
        <input type="hidden" name="slug" value={factCheck.slug} />
        <Field label="Title students see" name="title" error={fields.title}>
          <input
            id="title"
            name="title"
            required
            maxLength={200}
            defaultValue={actionData?.values.title ?? `Check it yourself: ${factCheck.title}`}
          />
        </Field>
        <ModeAndInstructions
          values={actionData?.values}
          error={fields.instructions}
          modeError={fields.mode}
        />
        <DueFields choice={loaderData.due} values={actionData?.values} fields={fields} />
        <label className="inline">
          <input type="checkbox" name="askSource" defaultChecked={actionData?.values.askSource === "on"} />{" "}
          First ask students who is behind the article and what they want (its outlet is shown after they
          answer)
        </label>
        <fieldset className="field">
          <legend>Claims that count</legend>
          {more ? (
            <p className="hint">
              This fact-check has {factCheck.claims.length.toLocaleString("en")} claims; an exercise counts at
              most {maxClaims}. The first {maxClaims} are ticked: choose the ones your class should judge.
            </p>
          ) : null}
          {fields.claimIds ? (
            <p className="field__error" role="alert">
              {fields.claimIds}
            </p>
          ) : null}
          <ul className="choice-list">
            {factCheck.claims.map((c, i) => (
              <li key={c.id}>
                <label className="inline">
                  <input
                    type="checkbox"
                    name="claimIds"
                    value={c.id}
                    defaultChecked={chosen ? chosen.has(String(c.id)) : i < maxClaims}
                  />{" "}
                  {c.number}. “{c.quote}” <VerdictBadge verdict={c.verdict} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="button">
          Create exercise
        </button>
      </Form>
    </div>
  );
}
