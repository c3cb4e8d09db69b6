import { Form } from "react-router";
import { Field } from "../ui/components";
import { DueFields, type DueChoice } from "./DueFields";

/** Editing what students read (title, instructions, due time) and deleting the exercise. */
export function ExerciseSettings({
  title,
  instructions,
  due,
  values,
  fields,
}: {
  title: string;
  instructions: string;
  due: DueChoice;
  values?: Record<string, string>;
  fields: Record<string, string>;
}) {
  return (
    <>
      <details className="panel" open={Object.keys(fields).length > 0}>
        <summary>
          <strong>Edit the title, instructions and due time</strong>
        </summary>
        <Form method="post" className="stack" noValidate>
          <Field label="Title students see" name="title" error={fields.title}>
            <input id="title" name="title" required maxLength={200} defaultValue={values?.title ?? title} />
          </Field>
          <Field
            label="Instructions"
            name="instructions"
            error={fields.instructions}
            hint="Markdown: **bold**, lists, and links that students can click. What counts cannot change once students have answered."
          >
            <textarea
              id="instructions"
              name="instructions"
              rows={4}
              defaultValue={values?.instructions ?? instructions}
            />
          </Field>
          <DueFields choice={due} values={values} fields={fields} />
          <button type="submit" name="intent" value="edit" className="button button--secondary">
            Save the title, instructions and due time
          </button>
        </Form>
      </details>
      <Form method="post" className="stack danger-zone">
        <label className="inline">
          <input type="checkbox" name="confirm" value="yes" /> Yes, delete this exercise and every answer
        </label>
        <button type="submit" name="intent" value="delete-exercise" className="button button--secondary">
          Delete the exercise
        </button>
      </Form>
    </>
  );
}
