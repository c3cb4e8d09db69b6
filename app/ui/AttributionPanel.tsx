import { Form } from "react-router";
import { proposeClaimantInContext } from "../claims/attribution";
import { CLAIMANT_TYPES, parseAppearances } from "../newsroom/claim-fields";
import { Field, FormMessage, formatPartialDate, safeHref } from "./components";
import type { FormState } from "./form-state";
import { SavedNotice } from "./SavedNotice";

export interface AttributionValues {
  version: number;
  claimant: string;
  claimantType: string;
  claimDate: string;
  /** As stored: a JSON array of URLs. */
  appearances: string;
  prefix: string;
  quote: string;
  suffix: string;
}

const TYPE_LABELS: Record<string, string> = {
  "": "Not said",
  person: "A person",
  organization: "An organisation",
};

/**
 * Who made the claim, when, and where else it appeared: shown to everyone on the desk, edited by
 * editors. A claimant the sentence names is offered with its cue, and saved only when an editor
 * chooses it.
 */
export function AttributionPanel({
  claim: stored,
  canEdit,
  state,
}: {
  claim: AttributionValues;
  canEdit: boolean;
  state: FormState | null;
}) {
  const claim = { ...stored, appearances: parseAppearances(stored.appearances) };
  const proposal = proposeClaimantInContext(claim);
  const v = state?.values ?? {
    claimant: claim.claimant,
    claimantType: claim.claimantType,
    claimDate: claim.claimDate,
    appearances: claim.appearances.join("\n"),
  };
  const f = state?.fields ?? {};
  const offer = canEdit && proposal && proposal.claimant !== claim.claimant ? proposal : null;
  return (
    <section className="panel" id="attribution" aria-labelledby="attribution-heading">
      <h2 id="attribution-heading">Who made this claim</h2>
      <SavedNotice section="attribution" />
      <dl className="facts">
        <dt>Claimant</dt>
        <dd>
          {claim.claimant
            ? `${claim.claimant}${claim.claimantType ? ` (${TYPE_LABELS[claim.claimantType]!.toLowerCase()})` : ""}`
            : "Not recorded: published reviews name the article's author or outlet instead."}
        </dd>
        <dt>Made on</dt>
        <dd>{claim.claimDate ? formatPartialDate(claim.claimDate) : "Not recorded"}</dd>
        <dt>Also appeared at</dt>
        <dd>
          {claim.appearances.length === 0 ? (
            "No other places recorded"
          ) : (
            <ul className="plain-list">
              {claim.appearances.map((url) => (
                <li key={url}>
                  <a href={safeHref(url)} rel="nofollow noopener">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {offer ? (
        <Form method="post" className="proposal">
          <p>
            The sentence attributes it: “{offer.cue}”. Record <strong>{offer.claimant}</strong> as the
            claimant?
          </p>
          <input type="hidden" name="intent" value="attribution" />
          <input type="hidden" name="version" value={claim.version} />
          <input type="hidden" name="claimant" value={offer.claimant} />
          <input type="hidden" name="claimDate" value={claim.claimDate} />
          <input type="hidden" name="appearances" value={claim.appearances.join("\n")} />
          {(offer.claimantType ? [offer.claimantType] : CLAIMANT_TYPES).map((type) => (
            <button
              key={type}
              type="submit"
              name="claimantType"
              value={type}
              className="button button--secondary"
            >
              {offer.claimant} is {TYPE_LABELS[type]!.toLowerCase()}
            </button>
          ))}
        </Form>
      ) : null}
      {canEdit ? (
        <details open={state ? true : undefined}>
          <summary>Edit claimant, date and appearances</summary>
          <Form method="post" className="stack">
            <FormMessage error={state?.error} focusOn={state} />
            <input type="hidden" name="version" value={claim.version} />
            <div className="grid-2">
              <Field
                label="Claimant"
                name="claimant"
                error={f.claimant}
                hint="Who made the claim, not the outlet that reported it"
              >
                <input id="claimant" name="claimant" maxLength={200} defaultValue={v.claimant} />
              </Field>
              <Field label="Claimant is" name="claimantType" error={f.claimantType}>
                <select id="claimantType" name="claimantType" defaultValue={v.claimantType}>
                  {Object.entries(TYPE_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label="Date the claim was made"
                name="claimDate"
                error={f.claimDate}
                hint="2025-08-29, 2025-08 or 2025"
              >
                <input id="claimDate" name="claimDate" defaultValue={v.claimDate} />
              </Field>
            </div>
            <Field
              label="Other places it appeared"
              name="appearances"
              error={f.appearances}
              hint="One web address per line (at most 20)"
            >
              <textarea id="appearances" name="appearances" rows={3} defaultValue={v.appearances} />
            </Field>
            <button type="submit" name="intent" value="attribution" className="button button--secondary">
              Save claimant, date and appearances
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
