import { Form } from "react-router";
import { stanceLabel, STANCE_LABELS, STANCES } from "../newsroom/verdicts";
import { Field, FormMessage, formatPartialDate, safeHref } from "./components";
import { stateOf, type FormState } from "./form-state";
import { SubmissionToken, useSubmissionToken } from "./SubmissionToken";
import { SavedNotice } from "./SavedNotice";

export interface EvidenceValues {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  stance: string;
  note: string;
  excerpt: string;
  archiveUrl: string;
}

/** A claim's sources with their stance; editors edit, remove and add them (filled in from the page on request). */
export function EvidencePanel({
  evidence,
  canEdit,
  state,
}: {
  evidence: EvidenceValues[];
  canEdit: boolean;
  state: FormState | null;
}) {
  const editState = stateOf(state, "edit-evidence");
  const removeState = stateOf(state, "remove-evidence");
  const refusedHere = (s: FormState | null, id: number) => !!s && !s.ok && s.values.evidenceId === String(id);
  const addState = stateOf(state, "add-evidence");
  const token = useSubmissionToken();
  return (
    <section className="panel" id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
      <SavedNotice section="evidence" />
      <ol className="evidence">
        {evidence.map((e) => (
          <li key={e.id}>
            <span className={`stance stance--${e.stance}`}>{stanceLabel(e.stance)}</span>{" "}
            <a href={safeHref(e.url)} rel="nofollow noopener">
              {e.title || e.publisher || e.url}
            </a>
            {e.publisher && e.title ? `, ${e.publisher}` : ""}
            {e.publishedOn ? `, ${formatPartialDate(e.publishedOn)}` : ""}
            {e.note ? <span className="evidence__note">. {e.note}</span> : null}
            {canEdit ? (
              // Open when its edit was refused, so the message and the marked fields can be seen.
              <details
                open={refusedHere(editState, e.id) || refusedHere(removeState, e.id) ? true : undefined}
              >
                <summary>Edit or remove</summary>
                <EvidenceForm
                  intent="edit-evidence"
                  evidence={e}
                  failure={editState?.values.evidenceId === String(e.id) ? editState : null}
                />
                {/* Removing takes its note and excerpt with it: asked first, without JavaScript too. */}
                <Form method="post" className="stack">
                  <FormMessage
                    error={refusedHere(removeState, e.id) ? removeState?.error : null}
                    focusOn={removeState}
                  />
                  <input type="hidden" name="evidenceId" value={e.id} />
                  <label className="inline">
                    <input type="checkbox" name="confirm" required /> Yes, remove this source, its note and
                    excerpt
                  </label>
                  <button type="submit" name="intent" value="remove-evidence" className="link-button danger">
                    Remove this source
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <>
          <h3>Add a source</h3>
          {/* Keyed by its token as well, which is new after each source added: the form starts empty again. */}
          <EvidenceForm
            key={`${token} ${JSON.stringify(addState?.values ?? {})}`}
            intent="add-evidence"
            failure={addState}
            token={token}
          />
        </>
      ) : null}
    </section>
  );
}

function EvidenceForm({
  intent,
  evidence,
  failure,
  token,
}: {
  intent: string;
  evidence?: EvidenceValues;
  failure: FormState | null;
  /** For a new source: the submission token that makes adding it happen once. */
  token?: string;
}) {
  const v: Partial<Record<string, string>> =
    failure?.values ?? (evidence ? { ...evidence, id: String(evidence.id) } : {});
  const f = failure?.fields ?? {};
  const p = evidence ? `e${evidence.id}-` : "new-";
  return (
    <Form method="post" className="stack evidence-form">
      <FormMessage error={failure?.error} focusOn={failure} success={failure?.ok ? failure.notice : null} />
      {evidence ? <input type="hidden" name="evidenceId" value={evidence.id} /> : null}
      {token === undefined ? null : <SubmissionToken token={token} />}
      <Field label="URL" name={`${p}url`} error={f.url}>
        <input id={`${p}url`} name="url" type="url" required placeholder="https://" defaultValue={v.url} />
      </Field>
      {evidence ? null : (
        <button type="submit" name="intent" value="lookup-evidence" formNoValidate className="link-button">
          Fill in title, publisher, date and archive link from the page
        </button>
      )}
      <div className="grid-2">
        <Field label="Title" name={`${p}title`} error={f.title}>
          <input id={`${p}title`} name="title" defaultValue={v.title} />
        </Field>
        <Field label="Publisher" name={`${p}publisher`} error={f.publisher}>
          <input id={`${p}publisher`} name="publisher" defaultValue={v.publisher} />
        </Field>
        <Field
          label="Publication date"
          name={`${p}publishedOn`}
          error={f.publishedOn}
          hint="2025-08-29, 2025-08 or 2025"
        >
          <input id={`${p}publishedOn`} name="publishedOn" defaultValue={v.publishedOn} />
        </Field>
        <Field label="Stance" name={`${p}stance`} error={f.stance}>
          {/* No default: a refuting source saved as "supports" by an oversight would be published so. */}
          <select id={`${p}stance`} name="stance" defaultValue={v.stance ?? ""} required>
            <option value="" disabled>
              Choose…
            </option>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Note" name={`${p}note`} error={f.note}>
        <textarea id={`${p}note`} name="note" rows={2} defaultValue={v.note} />
      </Field>
      <Field label="Quoted excerpt (optional)" name={`${p}excerpt`} error={f.excerpt}>
        <textarea id={`${p}excerpt`} name="excerpt" rows={2} defaultValue={v.excerpt} />
      </Field>
      <Field label="Archive URL (optional)" name={`${p}archiveUrl`} error={f.archiveUrl}>
        <input id={`${p}archiveUrl`} name="archiveUrl" type="url" defaultValue={v.archiveUrl} />
      </Field>
      <button type="submit" name="intent" value={intent} className="button button--secondary">
        {evidence ? "Save source" : "Add source"}
      </button>
    </Form>
  );
}
