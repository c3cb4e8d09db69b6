import type { ReactNode } from "react";
import { Form } from "react-router";
import type { ClaimMatches, Match } from "../matching/types";
import { ExternalLink, ExternalRating } from "./ExternalReview";
import { FormMessage, formatDate, VerdictBadge } from "./components";
import type { FormState } from "./form-state";
import { SavedNotice } from "./SavedNotice";

function Decide({
  otherId,
  decision,
  label,
  version,
  differences,
  primary = decision !== "dismissed",
}: {
  otherId: number;
  decision: string;
  label: string;
  version?: number;
  /** The filled button: the likely answer, never "Same claim" on a mere "Related". */
  primary?: boolean;
  /** For "same" where the two differ: the editor ticks that they are the same claim regardless. */
  differences?: Match["conflicts"];
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="match" />
      <input type="hidden" name="otherId" value={otherId} />
      <input type="hidden" name="decision" value={decision} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {differences?.length ? (
        <label className="checkbox">
          <input type="checkbox" name="despiteDifferences" value="yes" required /> Same claim despite the
          difference
        </label>
      ) : null}
      <button type="submit" className={primary ? "button" : "button button--secondary"}>
        {label}
      </button>
    </Form>
  );
}

function Conflicts({ conflicts }: { conflicts: Match["conflicts"] }) {
  if (conflicts.length === 0) return null;
  return (
    <p className="match__conflicts">
      Differs:{" "}
      {conflicts.map((c, i) => (
        <span key={i}>
          {i > 0 ? "; " : ""}this claim {c.kind === "name" ? "names" : "says"} <strong>{c.ours}</strong>, that
          one <strong>{c.theirs}</strong>
        </span>
      ))}
    </p>
  );
}

/** Another fact-checker's review: theirs, on their site; nothing to decide here. */
function ExternalMatch({ match: m }: { match: Match }) {
  return (
    <li className={`match match--${m.relation} match--external`}>
      <p>
        <ExternalLink href={m.url}>“{m.text}”</ExternalLink>
      </p>
      <p className="meta">
        {m.relation === "same" ? <strong>Likely the same claim</strong> : "Related"} · Reviewed by{" "}
        {m.publisher || "another fact-checker"}, not by us
        {m.date ? ` · ${m.date.replace(/^(\d{4}-\d{2}-\d{2})T.*$/, "$1")}` : ""} ·{" "}
        <ExternalRating rating={m.verdict} />
      </p>
      <Conflicts conflicts={m.conflicts} />
    </li>
  );
}

/**
 * One suggestion: a claim of ours, with where and when it was checked, or another fact-checker's
 * review; `children` are what an editor may decide about one of ours.
 */
function SuggestedMatch({ match: m, children }: { match: Match; children?: ReactNode }) {
  if (m.kind === "external") return <ExternalMatch match={m} />;
  return (
    <li className={`match match--${m.relation}`}>
      <p>
        <a href={m.url}>“{m.text}”</a>
      </p>
      <p className="meta">
        {m.sameArticle ? (
          <strong>
            {m.relation === "same" ? "Repeated in this article" : "Said otherwise in this article"}
          </strong>
        ) : m.relation === "same" ? (
          <strong>Likely the same claim</strong>
        ) : (
          "Related"
        )}{" "}
        · {m.sameArticle ? "" : `${m.publisher} · `}
        {formatDate(m.date)} · <VerdictBadge verdict={m.verdict} />
      </p>
      <Conflicts conflicts={m.conflicts} />
      {children}
    </li>
  );
}

/**
 * "Has this been checked before?" for a sentence searched for, not yet a claim of ours: the
 * earlier claims and other fact-checkers' reviews that may state it, best first.
 */
export function CheckedBefore({ matches }: { matches: Match[] }) {
  return (
    <section className="panel matches-panel" aria-labelledby="checked-before-heading">
      <h2 id="checked-before-heading">Checked before?</h2>
      {matches.length === 0 ? (
        <p>
          No claim in the workspace, and no other fact-checker's review, looks like what you searched for.
        </p>
      ) : (
        <>
          <p>
            Claims in the workspace, and other fact-checkers&apos; reviews, that may state what you searched
            for, best first. &ldquo;This claim&rdquo; below is your search.
          </p>
          <ul className="match-list">
            {matches.map((m) => (
              <SuggestedMatch key={`${m.kind}-${m.id}`} match={m} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * "Has this been checked before?": earlier claims that may say the same, with their verdicts;
 * an editor confirms one as the same claim (and may start from its check) or dismisses it.
 */
export function MatchesPanel({
  matches,
  claimVersion,
  canEdit,
  state,
}: {
  matches: ClaimMatches;
  claimVersion: number;
  canEdit: boolean;
  state: FormState | null;
}) {
  const { confirmed, suggestions } = matches;
  return (
    <section className="panel matches-panel" id="matches" aria-labelledby="matches-heading">
      <h2 id="matches-heading">Checked before?</h2>
      <SavedNotice section="matches" />
      <FormMessage error={state?.error} focusOn={state} />
      {confirmed.length > 0 ? (
        <>
          <h3>The same claim, checked elsewhere</h3>
          <ul className="match-list">
            {confirmed.map((m) => (
              <li key={m.id} className="match">
                <p>
                  <a href={m.url}>“{m.text}”</a>
                </p>
                <p className="meta">
                  Claim {m.number} in “{m.articleTitle}” · <VerdictBadge verdict={m.verdict} />
                </p>
                {canEdit && m.verdict ? (
                  <Decide
                    otherId={m.id}
                    decision="start"
                    label="Start from this check"
                    version={claimVersion}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {suggestions.length === 0 ? (
        <p>
          {confirmed.length
            ? "No other suggestions."
            : "No earlier claim in the workspace looks like this one."}
        </p>
      ) : (
        <>
          <h3>Suggestions</h3>
          <ul className="match-list">
            {suggestions.map((m) => (
              <SuggestedMatch key={`${m.kind}-${m.id}`} match={m}>
                {canEdit ? (
                  <div className="actions">
                    <Decide
                      otherId={m.id}
                      decision="same"
                      label="Same claim"
                      differences={m.conflicts}
                      primary={m.relation === "same"}
                    />
                    <Decide otherId={m.id} decision="dismissed" label="Not the same" />
                  </div>
                ) : null}
              </SuggestedMatch>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
