import { Form } from "react-router";
import { Field, FormMessage } from "./components";
import { stateOf, type FormState } from "./form-state";

/** Editors reshape a claim: trim or extend its words, split it in two, or merge another claim into it. */
export function ClaimBoundaries({
  claim,
  siblings,
  state,
}: {
  claim: { version: number; quote: string };
  siblings: Array<{ id: number; number: number; quote: string }>;
  state: FormState | null;
}) {
  const adjust = stateOf(state, "adjust");
  const split = stateOf(state, "split");
  const merge = stateOf(state, "merge");
  return (
    <section className="panel" aria-labelledby="shape-heading">
      <h2 id="shape-heading">Claim boundaries</h2>
      <div className="grid-3">
        <div>
          <h3>Adjust</h3>
          <FormMessage error={adjust?.error} focusOn={adjust} />
          <Form method="post" className="stack" key={`adjust-${claim.version}`}>
            <input type="hidden" name="version" value={claim.version} />
            <Field
              label="The claim's exact words"
              name="adjust-quote"
              error={adjust?.fields?.quote}
              hint="Trim or extend using the article's own words."
            >
              <textarea
                id="adjust-quote"
                name="quote"
                rows={4}
                defaultValue={adjust?.values.quote ?? claim.quote}
              />
            </Field>
            <button type="submit" name="intent" value="adjust" className="button button--secondary">
              Save boundaries
            </button>
          </Form>
        </div>
        <div>
          <h3>Split in two</h3>
          <FormMessage error={split?.error} focusOn={split} />
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={claim.version} />
            <Field
              label="Second claim starts with"
              name="splitBefore"
              error={split?.fields?.splitBefore}
              hint="Type the first words of the second part."
            >
              <input id="splitBefore" name="splitBefore" defaultValue={split?.values.splitBefore} />
            </Field>
            <button type="submit" name="intent" value="split" className="button button--secondary">
              Split
            </button>
          </Form>
        </div>
        <div>
          <h3>Merge</h3>
          <FormMessage error={merge?.error} focusOn={merge} />
          <Form method="post" className="stack">
            <input type="hidden" name="version" value={claim.version} />
            <Field label="Merge with" name="otherId" error={merge?.fields?.otherId}>
              <select id="otherId" name="otherId" defaultValue="">
                <option value="">Choose a claim…</option>
                {siblings.map((s) => (
                  <option key={s.id} value={s.id}>
                    Claim {s.number}: {s.quote.slice(0, 70)}
                    {s.quote.length > 70 ? "…" : ""}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" name="intent" value="merge" className="button button--secondary">
              Merge
            </button>
          </Form>
        </div>
      </div>
    </section>
  );
}
