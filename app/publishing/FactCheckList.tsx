import type { ReactNode } from "react";
import { verdictCountsOnScale } from "../newsroom/verdicts";
import { formatCount } from "../newsroom/page-links";
import { MAX_QUERY_LENGTH } from "../search/query";
import { NARROW_PUBLISHED, standingNote } from "../search/results";
import { formatDate, VerdictBadge } from "../ui/components";
import { Pager } from "../ui/Pager";
import { Snippet } from "../ui/SearchResults";
import type { listPublished } from "./publications.server";

/**
 * The readers' list of published fact-checks and their search, rendered without a router like
 * the fact-check pages themselves (app/publishing/page.server.tsx): plain links and a GET form.
 */
export function FactCheckList({ q, children }: { q: string; children: ReactNode }) {
  return (
    <div className="page">
      <h1>Published fact-checks</h1>
      <p className="meta">
        New fact-checks and every correction reach subscribers of the{" "}
        <a href="/fact-checks.atom">Atom feed</a>.
      </p>
      <form
        method="get"
        action="/fact-checks"
        role="search"
        aria-label="Search fact-checks"
        className="search-form"
      >
        <div className="field search-form__query">
          <label htmlFor="q">Search the published fact-checks</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {children}
    </div>
  );
}

export interface FoundFactChecks {
  q: string;
  total: number;
  page: {
    page: number;
    hasPrevious: boolean;
    hasNext: boolean;
    items: Array<{ slug: string; title: string; snippet: string }>;
  };
}

/** How many published fact-checks match, in a few words: the status line's start and the page's title. */
export const foundSummary = ({ q, total }: Pick<FoundFactChecks, "q" | "total">) =>
  total === 0
    ? `No published fact-check matches “${q}”`
    : `${formatCount(total)} ${total === 1 ? "fact-check matches" : "fact-checks match"} “${q}”`;

export function FoundFactCheckList({ found, here }: { found: FoundFactChecks; here: string }) {
  return (
    <>
      <p role="status">
        {found.total === 0 ? `${foundSummary(found)}.` : `${foundSummary(found)}, best first.`}{" "}
        {standingNote(found.total, found.page.items.length, NARROW_PUBLISHED)?.concat(" ")}
        <a href="/fact-checks">All fact-checks</a>
      </p>
      <ul className="card-list">
        {found.page.items.map((hit) => (
          <li key={hit.slug} className="card">
            <h2>
              <a href={`/fact-checks/${hit.slug}`}>{hit.title}</a>
            </h2>
            <Snippet snippet={hit.snippet} />
          </li>
        ))}
      </ul>
      <Pager
        page={found.page.page}
        hasPrevious={found.page.hasPrevious}
        hasNext={found.page.hasNext}
        shown={found.page.items.length}
        here={here}
        label="Pages of results"
        plainLinks
      />
    </>
  );
}

export function PublishedList({
  published,
  here,
  last,
}: {
  published: Awaited<ReturnType<typeof listPublished>>;
  here: string;
  /** The list's last page, counted for a page past it. */
  last?: number;
}) {
  return (
    <>
      {published.items.length === 0 && published.page === 1 ? <p>Nothing has been published yet.</p> : null}
      <ul className="card-list">
        {published.items.map((p) => (
          <li key={p.slug} className="card">
            <h2>
              <a href={`/fact-checks/${p.slug}`}>{p.title}</a>
            </h2>
            <p className="meta">
              {p.outlet ? `${p.outlet} · ` : ""}
              {p.claims.length} {p.claims.length === 1 ? "claim" : "claims"} checked · version {p.number},{" "}
              {formatDate(p.publishedAt)}
            </p>
            <ul className="verdict-summary" aria-label="Verdicts">
              {verdictCountsOnScale(p.claims).map(({ verdict, count }) => (
                <li key={verdict}>
                  <VerdictBadge verdict={verdict} /> × {count}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <Pager
        page={published.page}
        hasPrevious={published.hasPrevious}
        hasNext={published.hasNext}
        shown={published.items.length}
        last={last}
        here={here}
        label="Pages of fact-checks"
        plainLinks
      />
    </>
  );
}
