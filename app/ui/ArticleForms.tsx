import { Form } from "react-router";
import { CHANGE_KINDS, type ChangeKind } from "../newsroom/verdicts";
import { FormMessage } from "./components";
import type { FormState } from "./form-state";
import { SubmissionToken } from "./SubmissionToken";

const ADD_CLAIM_FORM = "add-claim-form";

/**
 * With JavaScript, a bar at the foot of the window while words of the article are selected: it
 * shows them and adds them as a claim (through the add-claim form, which the selection filled),
 * wherever that form is on the page.
 */
export function SelectionBar({ selected, onClose }: { selected: string | null; onClose: () => void }) {
  if (!selected) return null;
  const preview = selected.length > 120 ? `${selected.slice(0, 120)}…` : selected;
  return (
    <div className="selection-bar" role="region" aria-label="Selected words">
      <p className="selection-bar__quote" role="status">
        Selected: “{preview}”
      </p>
      <div className="selection-bar__actions">
        <button type="submit" form={ADD_CLAIM_FORM} name="intent" value="add-claim" className="button">
          Add as a claim
        </button>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

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
      <FormMessage error={state?.error} focusOn={state} />
      <Form method="post" className="stack" id={ADD_CLAIM_FORM}>
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
  totals,
  state,
}: {
  articleVersion: number;
  nextVersion: number;
  /** The article's approved claims, those of them without a source, and its active claims not approved. */
  totals: { approved: number; approvedWithoutSources: number; unchecked: number };
  state: FormState | null;
}) {
  const { approved, approvedWithoutSources: unsourced, unchecked } = totals;
  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h3 id="publish-heading">Publish version {nextVersion}</h3>
      <p className="hint">
        Publishes the {approved} approved {approved === 1 ? "claim" : "claims"} as an unchangeable snapshot.
      </p>
      {/* The methodology promises readers the sources of each claim: say where one will have none. */}
      {unsourced > 0 ? (
        <p className="hint publish-warning">
          {unsourced === approved
            ? approved === 1
              ? "It cites"
              : "None of them cites"
            : `${unsourced} of them cite`}{" "}
          no sources: readers will see none for {unsourced === 1 ? "it" : "them"}.
        </p>
      ) : null}
      {unchecked > 0 ? (
        <p className="hint">
          {unchecked} {unchecked === 1 ? "claim is" : "claims are"} not approved yet and will not be
          published.
        </p>
      ) : null}
      {/* Below a long list: without the focus, the refusal would sit far down a page loaded at its top. */}
      <FormMessage error={state?.error} focusOn={state ?? undefined} />
      <Form method="post" className="stack">
        <input type="hidden" name="articleVersion" value={articleVersion} />
        {nextVersion > 1 ? <ChangeKindField state={state} /> : null}
        <div className="field">
          <label htmlFor="changeNote">
            {nextVersion > 1 ? "What changed (shown to readers at the top of the page)" : "Note (optional)"}
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

/** What each kind of change (the schema's CHANGE_KINDS) reads as in the publish form. */
const CHANGE_KIND_CHOICES: Record<ChangeKind, string> = {
  correction: "corrects something published (readers see “Corrected”)",
  update: "adds or brings up to date (readers see “Updated”)",
};

/**
 * Whether a version corrects or updates: nothing is chosen beforehand, as readers see the answer
 * first. The browser asks for a choice before sending (with or without JavaScript); the server
 * refuses a version sent without one, and its sentence is shown here.
 */
function ChangeKindField({ state }: { state: FormState | null }) {
  const refused = state?.fields?.changeKind;
  return (
    <fieldset className={`field${refused ? " field--invalid" : ""}`} aria-describedby="changeKind-hint">
      <legend>This version (choose one)</legend>
      {/* The form's message above is the alert; this marks the field it is about. */}
      <p className={refused ? "field__error" : "hint"} id="changeKind-hint">
        {refused ?? "Readers see the kind of change first, with the note below."}
      </p>
      {CHANGE_KINDS.map((value) => (
        <label className="inline" key={value}>
          <input
            type="radio"
            name="changeKind"
            value={value}
            required
            aria-invalid={refused ? true : undefined}
            defaultChecked={state?.values.changeKind === value}
          />{" "}
          {CHANGE_KIND_CHOICES[value]}
        </label>
      ))}
    </fieldset>
  );
}
