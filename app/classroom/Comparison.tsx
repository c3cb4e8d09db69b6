import { STANCE_LABELS, type VerdictKey } from "../newsroom/verdicts";
import type { Quantity } from "../claims/quantities";
import { formatPartialDate, safeHref, VerdictBadge } from "../ui/components";
import { QuantitiesTable } from "../ui/QuantitiesTable";
import { sourceLabel, sourceRelation, studentVerdictLabel, type Comparison } from "./compare";

const RELATION_TEXT = {
  "same-page": "The same page the fact-checkers cite.",
  "same-site": "The same site as one of the fact-checkers' sources, another page.",
  different: "A different source from the fact-checkers': how do they compare?",
} as const;

/** The link and reason a student gave, and how their source relates to the fact-checkers'. */
function StudentEvidence({
  evidence,
  reason,
  theirs,
}: {
  evidence: string;
  reason: string;
  theirs: Array<{ url: string }>;
}) {
  const relation = evidence ? sourceRelation(evidence, theirs) : null;
  return (
    <>
      {reason ? <p className="student-reason">“{reason}”</p> : null}
      {evidence ? (
        <p className="meta">
          Your source:{" "}
          <a href={safeHref(evidence)} rel="nofollow noopener noreferrer ugc">
            {evidence.length > 60 ? `${evidence.slice(0, 57)}…` : evidence}
          </a>
          {relation ? <> {RELATION_TEXT[relation]}</> : null}
        </p>
      ) : null}
    </>
  );
}

/** A student's verdict: the newsroom's badge, or "Not enough information", which the newsroom never publishes. */
export function StudentVerdict({ verdict }: { verdict: string }) {
  if (verdict === "not-enough-information")
    return (
      <span className="verdict verdict--none">
        <span className="verdict__icon" aria-hidden="true">
          …
        </span>
        {studentVerdictLabel(verdict)}
      </span>
    );
  return <VerdictBadge verdict={verdict} />;
}

const CREDIT_TEXT: Record<string, string> = {
  "1": "✓ Same verdict as the fact-checkers: 1 point",
  "0.5": "≈ Next to theirs on the scale: ½ point",
  "0": "≠ A different verdict from the fact-checkers: 0 points",
};

/**
 * Per counted claim: the student's answer beside the fact-checkers', why the claim is worth
 * checking, and the figures in it.
 */
export function ComparisonList({
  comparison,
  reasons,
  rationales,
  quantities,
}: {
  comparison: Comparison;
  reasons: string[][];
  rationales: string[];
  quantities: Quantity[][];
}) {
  return (
    <ol className="comparison">
      {comparison.claims.map((c, i) => (
        <li key={c.claim.id} className={`compare ${c.found ? "compare--found" : "compare--missed"}`}>
          <h2 className="compare__quote">“{c.claim.quote}”</h2>
          <div className="compare__grid">
            <div role="group" aria-label="Your answer">
              <h3>You</h3>
              {c.found ? (
                <>
                  <p>{c.verdict ? <StudentVerdict verdict={c.verdict} /> : "No verdict"}</p>
                  <p className="meta">Would settle it: {c.source ? sourceLabel(c.source) : "—"}</p>
                  <StudentEvidence evidence={c.evidence} reason={c.reason} theirs={c.claim.evidence} />
                  <p className={c.credit === 1 ? "agree" : c.credit > 0 ? "near" : "differ"}>
                    {CREDIT_TEXT[String(c.credit)]}
                  </p>
                </>
              ) : (
                <p className="differ">You did not mark this claim.</p>
              )}
            </div>
            <div role="group" aria-label="The fact-checkers' answer">
              <h3>The fact-checkers</h3>
              <p>
                <VerdictBadge verdict={c.claim.verdict as VerdictKey} />
              </p>
              <div className="rationale" dangerouslySetInnerHTML={{ __html: rationales[i] ?? "" }} />
              {c.claim.evidence.length > 0 ? (
                <ul className="evidence">
                  {c.claim.evidence.map((e, j) => (
                    <li key={j}>
                      <span className={`stance stance--${e.stance}`}>{STANCE_LABELS[e.stance]}</span>{" "}
                      <a href={safeHref(e.url)} rel="nofollow noopener">
                        {e.title || e.publisher || e.url}
                      </a>
                      {e.title && e.publisher ? `, ${e.publisher}` : ""}
                      {e.publishedOn ? `, ${formatPartialDate(e.publishedOn)}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <div role="group" aria-label="Why it is worth checking">
              <h3>Why it is worth checking</h3>
              <ul className="reasons">
                {(reasons[i] ?? []).map((r, k) => (
                  <li key={k}>{r}</li>
                ))}
              </ul>
              <QuantitiesTable
                quantities={quantities[i] ?? []}
                id={`figures-${c.claim.id}`}
                headingLevel={4}
              />
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The first step's reveal: what the student said about the source beside what the article's import knows. */
export function SourceReveal({
  source,
}: {
  source: { publisherGuess: string; purposeGuess: string; outlet: string; author: string; url: string };
}) {
  return (
    <section className="panel" aria-labelledby="source-heading">
      <h2 id="source-heading">Who is behind the article</h2>
      <div className="compare__grid">
        <div role="group" aria-label="What you said about the source">
          <h3>You</h3>
          <p>Who: {source.publisherGuess || "—"}</p>
          <p>What they want: {source.purposeGuess || "—"}</p>
        </div>
        <div role="group" aria-label="The article's source">
          <h3>The article</h3>
          <p>Published by: {source.outlet || "not recorded"}</p>
          {source.author ? <p>Written by: {source.author}</p> : null}
          {source.url ? (
            <p>
              <a href={safeHref(source.url)} rel="nofollow noopener noreferrer">
                The original
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}
