import { Form } from "react-router";
import { Field } from "./components";

/** Import other fact-checkers' reviews: a page's address, or pasted ClaimReview JSON-LD. Works without JavaScript. */
export function ImportReviewsForm({
  values,
  fields,
}: {
  values: Record<string, string>;
  fields: Record<string, string>;
}) {
  return (
    <Form method="post" className="form import-reviews" aria-labelledby="import-reviews-heading">
      <h2 id="import-reviews-heading">Import reviews</h2>
      <Field
        label="Fact-check page address"
        name="url"
        error={fields.url}
        hint="A page by another fact-checker with ClaimReview markup (its JSON-LD is read)."
      >
        <input id="url" name="url" type="url" defaultValue={values.url ?? ""} maxLength={2000} />
      </Field>
      <Field
        label="Or paste ClaimReview JSON-LD"
        name="json"
        error={fields.json}
        hint="One ClaimReview, a list, an @graph or a DataFeed; up to 5 MB and 5,000 reviews."
      >
        <textarea id="json" name="json" rows={10} defaultValue={values.json ?? ""} spellCheck={false} />
      </Field>
      <button type="submit" className="button">
        Import reviews
      </button>
    </Form>
  );
}
