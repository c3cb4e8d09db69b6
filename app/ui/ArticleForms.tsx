import { Form } from "react-router";
import { FormMessage } from "./components";
import type { FormState } from "./form-state";
import { SubmissionToken } from "./SubmissionToken";

/** Adds a claim from the article's exact words: pasted, or (with JavaScript) filled in by selecting them. */
export function AddClaimForm({
  quoteRef,
  selecting,
  state,
}: {
  quoteRef: React.RefObject<HTMLTextAreaElement | null>;
  selecting: boolean;
  state: FormState | null;
}) {
  return (
    <section className="panel" aria-labelledby="add-heading">
      <h3 id="add-heading">Add a claim</h3>
      <FormMessage error={state?.error} />
      <Form method="post" className="stack">
        <SubmissionToken />
        <div className="field">
          <label htmlFor="quote">Exact words from the article</label>
          <p className="hint" id="quote-hint">
            {selecting
              ? "Select text in the article to fill this in, or paste the passage."
              : "Paste the passage exactly as it appears in the article."}
          </p>
          <textarea
            id="quote"
            name="quote"
            rows={3}
            ref={quoteRef}
            aria-describedby="quote-hint"
            defaultValue={state ? state.values.quote : ""}
          />
        </div>
        <button type="submit" name="intent" value="add-claim" className="button">
          Add claim
        </button>
      </Form>
    </section>
  );
}

/** Publishes the approved claims as the next numbered version; after the first, a correction note is required. */
export function PublishForm({
  articleVersion,
  nextVersion,
  approved,
  state,
}: {
  articleVersion: number;
  nextVersion: number;
  approved: number;
  state: FormState | null;
}) {
  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h3 id="publish-heading">Publish version {nextVersion}</h3>
      <p className="hint">Publishes the {approved} approved claims as an unchangeable snapshot.</p>
      <FormMessage error={state?.error} />
      <Form method="post" className="stack">
        <input type="hidden" name="articleVersion" value={articleVersion} />
        <div className="field">
          <label htmlFor="changeNote">
            {nextVersion > 1 ? "What changed (shown to readers as a correction)" : "Note (optional)"}
          </label>
          <textarea
            id="changeNote"
            name="changeNote"
            rows={2}
            required={nextVersion > 1}
            defaultValue={state ? state.values.changeNote : ""}
          />
        </div>
        <button type="submit" name="intent" value="publish" className="button">
          Publish version {nextVersion}
        </button>
      </Form>
    </section>
  );
}
