import { Link } from "react-router";
import type { Route } from "./+types/student-result";
import { engineReasons, sourceLabel } from "../classroom/compare";
import { exerciseByCode, submissionByToken } from "../classroom/exercises.server";
import { normalizeCode } from "../classroom/codes";
import { STANCE_LABELS } from "../newsroom/verdicts";
import { renderMarkdown } from "../publishing/annotate";
import { formatPartialDate, VerdictBadge, safeHref } from "../ui/components";

export const meta: Route.MetaFunction = () => [
  { title: "Your answers and the fact-check · Claimdesk classroom" },
];

export async function loader({ params }: Route.LoaderArgs) {
  const code = normalizeCode(params.code ?? "");
  const exercise = code ? await exerciseByCode(code) : null;
  const submission = exercise ? await submissionByToken(exercise, params.token ?? "") : null;
  if (!exercise || !submission)
    throw new Response(
      "These answers are not here: the link may be wrong, or your teacher deleted the answers.",
      { status: 404 },
    );
  const reasons = engineReasons(exercise.snapshot.article.markdown, exercise.counted);
  return {
    title: exercise.title,
    slug: exercise.snapshot.article.slug,
    version: exercise.snapshot.number,
    displayName: submission.displayName,
    comparison: submission.comparison,
    reasons,
    rationales: submission.comparison.claims.map((c) => renderMarkdown(c.claim.rationale)),
  };
}

export default function StudentResult({ loaderData }: Route.ComponentProps) {
  const { title, displayName, comparison, reasons, rationales, slug, version } = loaderData;
  const total = comparison.claims.length;
  return (
    <div className="page wide exercise-result">
      <p className="eyebrow">Classroom exercise</p>
      <h1>{title}</h1>
      <p className="summary-line">
        Thank you, {displayName}. You found{" "}
        <strong>
          {comparison.found} of {total}
        </strong>{" "}
        claims the fact-checkers checked, and your verdict matched theirs on{" "}
        <strong>{comparison.agreed}</strong>. What matters is the method: compare your reasons with theirs
        below.
      </p>
      <p className="meta">
        Keep this page's address to come back to it. The full fact-check:{" "}
        <a href={`/fact-checks/${slug}/v/${version}`}>version {version}</a>.
      </p>
      <ol className="comparison">
        {comparison.claims.map((c, i) => (
          <li key={c.claim.id} className={`compare ${c.found ? "compare--found" : "compare--missed"}`}>
            <h2 className="compare__quote">“{c.claim.quote}”</h2>
            <div className="compare__grid">
              <div role="group" aria-label="Your answer">
                <h3>You</h3>
                {c.found ? (
                  <>
                    <p>{c.verdict ? <VerdictBadge verdict={c.verdict} /> : "No verdict"}</p>
                    <p className="meta">Would settle it: {c.source ? sourceLabel(c.source) : "—"}</p>
                    <p className={c.agrees ? "agree" : "differ"}>
                      {c.agrees
                        ? "✓ Same verdict as the fact-checkers"
                        : "≠ A different verdict from the fact-checkers"}
                    </p>
                  </>
                ) : (
                  <p className="differ">You did not mark this claim.</p>
                )}
              </div>
              <div role="group" aria-label="The fact-checkers' answer">
                <h3>The fact-checkers</h3>
                <p>
                  <VerdictBadge verdict={c.claim.verdict} />
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
              </div>
            </div>
          </li>
        ))}
      </ol>
      {comparison.added.length > 0 ? (
        <section aria-labelledby="added-heading">
          <h2 id="added-heading">You also marked</h2>
          <p className="hint">
            The fact-checkers did not count these. Some may be checkable but minor, restate another claim, or
            be opinion: which is it?
          </p>
          <ul>
            {comparison.added.map((a) => (
              <li key={a.unit.index}>
                “{a.unit.text}” {a.verdict ? <VerdictBadge verdict={a.verdict} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/methodology">How fact-checkers rate claims</Link>
      </p>
    </div>
  );
}
