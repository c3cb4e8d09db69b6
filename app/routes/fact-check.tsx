import { Link } from "react-router";
import type { Route } from "./+types/fact-check";
import { parseId } from "../http.server";
import { renderAnnotated, renderMarkdown, type Highlight } from "../publishing/annotate";
import { loadPublication } from "../publishing/publish.server";
import { STANCE_LABELS, VERDICTS, verdictLabel } from "../newsroom/verdicts";
import { formatDate, formatPartialDate, VerdictBadge } from "../ui/components";

export async function loader({ params }: Route.LoaderArgs) {
  const number = params.n === undefined ? undefined : parseId(params.n, "version");
  const found = await loadPublication(params.slug ?? "", number);
  if (!found) throw new Response("There is no published fact-check at this address.", { status: 404 });
  const { snapshot, history, latestNumber } = found;
  const highlights: Highlight[] = snapshot.claims.map((c) => ({
    start: c.start,
    end: c.end,
    claimId: String(c.id),
    className: `claim claim--${c.verdict}`,
    anchorId: `claim-${c.number}`,
    ref: { href: `#claim-note-${c.number}`, text: `${c.number} ${verdictLabel(c.verdict)}`, label: `Claim ${c.number}: ${verdictLabel(c.verdict)}` },
  }));
  return {
    snapshot,
    history: history.filter((h) => h.number <= snapshot.number),
    latestNumber,
    articleHtml: renderAnnotated(snapshot.article.markdown, highlights),
    rationales: snapshot.claims.map((c) => renderMarkdown(c.rationale)),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData
    ? [
        { title: `Fact-check: ${loaderData.snapshot.article.title} · Claimdesk` },
        { name: "description", content: `${loaderData.snapshot.claims.length} claims checked in “${loaderData.snapshot.article.title}”.` },
      ]
    : [{ title: "Not found · Claimdesk" }];

export default function FactCheck({ loaderData }: Route.ComponentProps) {
  const { snapshot, history, latestNumber, articleHtml, rationales } = loaderData;
  const { article, claims } = snapshot;
  const corrections = history.filter((h) => h.number > 1);
  return (
    <article className="page fact-check">
      {snapshot.number < latestNumber ? (
        <p className="notice" role="note">
          You are reading version {snapshot.number}. This fact-check has been updated:{" "}
          <Link to={`/fact-checks/${article.slug}`}>read the latest version ({latestNumber})</Link>.
        </p>
      ) : null}
      <header className="fact-check__header">
        <p className="eyebrow">Fact-check</p>
        <h1>{article.title}</h1>
        <p className="meta">
          {[article.outlet, article.author && `by ${article.author}`, article.originalDate && `published ${formatPartialDate(article.originalDate)}`]
            .filter(Boolean)
            .join(" · ")}
          {article.sourceUrl ? (
            <>
              {" · "}
              <a href={article.sourceUrl} rel="nofollow noopener">original article</a>
            </>
          ) : null}
        </p>
        <p className="meta">
          Checked by {snapshot.publishedBy}. Version {snapshot.number}, published {formatDate(snapshot.publishedAt)}.
        </p>
      </header>

      <section className="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{claims.length} {claims.length === 1 ? "claim" : "claims"} checked</h2>
        <ul className="verdict-summary">
          {VERDICTS.filter((v) => claims.some((c) => c.verdict === v.key)).map((v) => (
            <li key={v.key}>
              <VerdictBadge verdict={v.key} /> × {claims.filter((c) => c.verdict === v.key).length}
            </li>
          ))}
        </ul>
        <ol className="claim-index">
          {claims.map((c) => (
            <li key={c.id}>
              <a href={`#claim-note-${c.number}`}>“{c.quote}”</a> <VerdictBadge verdict={c.verdict} />
            </li>
          ))}
        </ol>
      </section>

      <section className="annotated" aria-labelledby="article-heading">
        <h2 id="article-heading">The article, annotated</h2>
        <p className="hint">Highlighted passages are the claims we checked; each is followed by its number and verdict.</p>
        <div className="article-text" dangerouslySetInnerHTML={{ __html: articleHtml }} />
      </section>

      <section className="claim-notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Claims, verdicts and sources</h2>
        <ol>
          {claims.map((c, i) => (
            <li key={c.id} id={`claim-note-${c.number}`} className="claim-note">
              <p className="claim-note__head">
                <span className="claim-note__number">Claim {c.number}</span> <VerdictBadge verdict={c.verdict} />{" "}
                <a href={`#claim-${c.number}`} className="back-link">back to the text</a>
              </p>
              <blockquote>“{c.quote}”</blockquote>
              <div className="rationale" dangerouslySetInnerHTML={{ __html: rationales[i] ?? "" }} />
              {c.evidence.length > 0 ? (
                <>
                  <h3>Sources</h3>
                  <ol className="evidence">
                    {c.evidence.map((e, j) => (
                      <li key={j}>
                        <span className={`stance stance--${e.stance}`}>{STANCE_LABELS[e.stance]}</span>{" "}
                        <a href={e.url} rel="nofollow noopener">{e.title || e.publisher || e.url}</a>
                        {e.title && e.publisher ? `, ${e.publisher}` : ""}
                        {e.publishedOn ? `, ${formatPartialDate(e.publishedOn)}` : ""}
                        {e.note ? <span className="evidence__note">. {e.note}</span> : null}
                        {e.excerpt ? <q className="evidence__excerpt">{e.excerpt}</q> : null}
                        {e.archiveUrl ? (
                          <>
                            {" "}
                            (<a href={e.archiveUrl} rel="nofollow noopener">archived copy</a>)
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
              <p className="meta">Approved by {c.approvedBy}, {formatDate(c.approvedAt)}.</p>
            </li>
          ))}
        </ol>
      </section>

      {corrections.length > 0 ? (
        <section className="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">Corrections and updates</h2>
          <ol>
            {[...corrections].reverse().map((h) => (
              <li key={h.number}>
                <Link to={`/fact-checks/${article.slug}/v/${h.number}`}>Version {h.number}</Link>, {formatDate(h.publishedAt)}: {h.changeNote}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="meta">
        How we rate claims: <Link to="/methodology">our methodology</Link>. Earlier versions:{" "}
        {history.map((h, i) => (
          <span key={h.number}>
            {i > 0 ? ", " : ""}
            <Link to={`/fact-checks/${article.slug}/v/${h.number}`}>v{h.number}</Link>
          </span>
        ))}
        .
      </p>
    </article>
  );
}
