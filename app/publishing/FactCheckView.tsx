import { Fragment } from "react";
import { textLanguage } from "../claims/language";
import { CHANGE_KIND_WORDS, STANCE_LABELS, verdictCountsOnScale } from "../newsroom/verdicts";
import { formatDate, formatPartialDate, VerdictBadge, safeHref } from "../ui/components";
import { articleLine, versionLine } from "./bylines";
import { ClaimFigures } from "./ClaimFigures";
import { creditLine } from "./credit";
import { embedCodePath, factCheckPath, versionPath } from "./links";
import type { PublicationEntry, Snapshot } from "./snapshot";

export interface FactCheckViewProps {
  snapshot: Snapshot;
  /** Versions up to and including this one. */
  history: PublicationEntry[];
  /** "archived" is the page at /v/:n, which points readers to the latest version. */
  variant: "latest" | "archived";
  articleHtml: string;
  rationaleHtml: string[];
}

/**
 * Claims carry the numbers the newsroom gives every passage it considered (claim-numbers.ts), so
 * a page whose checked claims are not 1, 2, 3… says why numbers are missing. Versions numbered
 * 1, 2, 3… (all before the numbers were shared) render as they always did.
 */
const skipsNumbers = (claims: Snapshot["claims"]) => claims.some((c, i) => c.number !== i + 1);
const SKIPPED_NUMBERS =
  " Claims keep the numbers our newsroom gave every passage it considered, so the numbers of passages we did not check are skipped.";

/**
 * The public annotated fact-check. Rendered once per version, to static HTML, at publishing.
 * Its links open in the same tab, so they carry no "noopener" (it only matters with a target).
 */
export function FactCheckView({
  snapshot,
  history,
  variant,
  articleHtml,
  rationaleHtml,
}: FactCheckViewProps) {
  const { article, claims } = snapshot;
  const corrections = history.filter((h) => h.number > 1);
  const first = history.find((h) => h.number === 1);
  // The page is in English; the article's own words carry their language for readers and screen readers.
  const lang = textLanguage(article.language ?? "und");
  return (
    <article className="page fact-check">
      {variant === "archived" ? (
        <p className="notice" role="note">
          This is version {snapshot.number} of this fact-check, as published on{" "}
          {formatDate(snapshot.publishedAt)}. It may have been corrected since:{" "}
          <a href={factCheckPath(article.slug)}>read the latest version</a>.
        </p>
      ) : null}
      {snapshot.number > 1 ? <CorrectionBanner snapshot={snapshot} /> : null}
      <header className="fact-check__header">
        <p className="eyebrow">Fact-check</p>
        <h1 lang={lang}>{article.title}</h1>
        <p className="meta">
          {articleLine(article)}
          {article.sourceUrl ? (
            <>
              {articleLine(article) ? " · " : ""}
              <a href={safeHref(article.sourceUrl)} rel="nofollow">
                original article
              </a>
            </>
          ) : null}
        </p>
        <p className="meta">
          {creditLine(claims)}. {versionLine(snapshot)}.
          {snapshot.number === 1 && snapshot.changeNote ? (
            <span className="version-note"> Note: {snapshot.changeNote}</span>
          ) : null}
        </p>
      </header>

      <section className="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">
          {claims.length} {claims.length === 1 ? "claim" : "claims"} checked
        </h2>
        <ul className="verdict-summary">
          {verdictCountsOnScale(claims.map((c) => c.verdict)).map(({ verdict, count }) => (
            <li key={verdict}>
              <VerdictBadge verdict={verdict} /> × {count}
            </li>
          ))}
        </ul>
      </section>

      <section className="annotated" aria-labelledby="article-heading">
        <h2 id="article-heading">The article, annotated</h2>
        <p className="hint">
          Highlighted passages are the claims we checked; each is followed by its number and verdict.
          {skipsNumbers(claims) ? SKIPPED_NUMBERS : null}
        </p>
        <div className="article-text" lang={lang} dangerouslySetInnerHTML={{ __html: articleHtml }} />
      </section>

      <section className="claim-notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Claims, verdicts and sources</h2>
        <ol>
          {claims.map((c, i) => (
            <li key={c.id} id={`claim-note-${c.number}`} className="claim-note">
              <p className="claim-note__head">
                <b>Claim {c.number}</b> <VerdictBadge verdict={c.verdict} />{" "}
                <a href={`#claim-${c.number}`} className="back-link">
                  back to the text
                </a>
              </p>
              <blockquote lang={lang}>“{c.quote}”</blockquote>
              <div className="rationale" dangerouslySetInnerHTML={{ __html: rationaleHtml[i] ?? "" }} />
              <ClaimFigures claim={c} lang={lang} />
              {c.evidence.length > 0 ? (
                <>
                  <h3>Sources</h3>
                  <ol className="evidence">
                    {c.evidence.map((e, j) => (
                      <li key={j}>
                        <span className={`stance stance--${e.stance}`}>{STANCE_LABELS[e.stance]}</span>{" "}
                        <a href={safeHref(e.url)} rel="nofollow">
                          {e.title || e.publisher || e.url}
                        </a>
                        {e.title && e.publisher ? `, ${e.publisher}` : ""}
                        {e.publishedOn ? `, ${formatPartialDate(e.publishedOn)}` : ""}
                        {e.note ? <span className="evidence__note">. {e.note}</span> : null}
                        {e.excerpt ? <q className="evidence__excerpt">{e.excerpt}</q> : null}
                        {e.archiveUrl ? (
                          <>
                            {" "}
                            (
                            <a href={safeHref(e.archiveUrl)} rel="nofollow">
                              archived copy
                            </a>
                            )
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
              <p className="meta">
                Approved by {c.approvedBy}, {formatDate(c.approvedAt)}.{" "}
                <a href={embedCodePath(c.id)}>Embed this claim</a>
              </p>
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
                <a href={versionPath(article.slug, h.number)}>Version {h.number}</a>,{" "}
                {CHANGE_KIND_WORDS[h.changeKind].done} {formatDate(h.publishedAt)}: {h.changeNote}
              </li>
            ))}
            {first ? (
              <li>
                <a href={versionPath(article.slug, 1)}>Version 1</a>, first published{" "}
                {formatDate(first.publishedAt)}
                {first.changeNote ? `: ${first.changeNote}` : "."}
              </li>
            ) : null}
          </ol>
        </section>
      ) : null}
      <p className="meta">
        How we rate claims: <a href="/methodology">our methodology</a>. Every version:{" "}
        {history.map((h, i) => (
          <Fragment key={h.number}>
            {i > 0 ? ", " : ""}
            <a href={versionPath(article.slug, h.number)}>v{h.number}</a>
          </Fragment>
        ))}
        . Data: <a href={`${factCheckPath(article.slug)}/export.json`}>JSON</a>,{" "}
        <a href={`${factCheckPath(article.slug)}/export.md`}>Markdown</a>,{" "}
        <a href={`${factCheckPath(article.slug)}/annotations.jsonld`}>Web Annotations</a>.
      </p>
    </article>
  );
}

/** IFCN practice: a corrected or updated fact-check says so before anything else, with what changed. */
function CorrectionBanner({ snapshot }: { snapshot: Snapshot }) {
  return (
    <aside className="correction-banner" aria-labelledby="correction-banner-heading">
      <p>
        <strong id="correction-banner-heading">
          {snapshot.changeKind === "update" ? "Updated" : "Corrected"} {formatDate(snapshot.publishedAt)}
        </strong>{" "}
        (version {snapshot.number}): {snapshot.changeNote}{" "}
        <a href="#corrections-heading">All corrections and updates</a>
      </p>
    </aside>
  );
}
