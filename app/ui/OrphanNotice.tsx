import { Form, Link } from "react-router";
import { Field, FormMessage } from "./components";
import { stateOf, type FormState } from "./form-state";

/**
 * On the page of a claim that lost its place when the article's text changed: what happened,
 * the words it had (not highlighted: they may be gone from the article), and how to place it
 * again, by giving the passage's exact words as they now read. Nothing for a placed claim.
 */
export function OrphanNotice({
  claim,
  articleId,
  canEdit,
  state: pageState,
}: {
  claim: { quote: string; orphanReason: string; version: number; orphanedAt: string | Date | null };
  articleId: number;
  canEdit: boolean;
  state: FormState | null;
}) {
  if (!claim.orphanedAt) return null;
  const state = stateOf(pageState, "adjust");
  return (
    <section className="panel orphan-notice" id="place-again" aria-labelledby="place-again-heading">
      <h2 id="place-again-heading">This claim lost its place</h2>
      <p>
        The article’s text changed and this claim’s words could not be found in it again with confidence
        {claim.orphanReason ? `: ${claim.orphanReason}` : "."} It is not highlighted in the article until it
        is placed again.
      </p>
      <p>Its words before the change:</p>
      <blockquote className="orphan-notice__quote">{claim.quote}</blockquote>
      {canEdit ? (
        <>
          <p>
            To place it again, find the passage in the{" "}
            <Link to={`/articles/${articleId}`}>current text of the article</Link>, copy its exact words
            there, and paste them here. If the passage is gone, dismiss the claim from the article’s list.
          </p>
          <FormMessage error={state?.error} focusOn={state} />
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={claim.version} />
            <Field
              label="The passage’s exact words in the current text"
              name="place-quote"
              error={state?.fields?.quote}
            >
              <textarea id="place-quote" name="quote" rows={4} defaultValue={state?.values.quote ?? ""} />
            </Field>
            <button type="submit" name="intent" value="adjust" className="button">
              Place it again
            </button>
          </Form>
        </>
      ) : (
        <p>An editor can place it again from the current text.</p>
      )}
    </section>
  );
}
