import type { Route } from "./+types/fact-checks";
import { listPublished } from "../publishing/publications.server";
import { verdictCountsOnScale } from "../newsroom/verdicts";
import { readPage } from "../newsroom/paging";
import { formatDate, VerdictBadge } from "../ui/components";
import { Pager } from "../ui/Pager";
import { Form } from "react-router";
import { formatCount } from "../newsroom/page-links";
import { MAX_QUERY_LENGTH } from "../search/query";
import { publishedSearchPage } from "../search/search-page.server";
import { Snippet } from "../ui/SearchResults";

export const meta: Route.MetaFunction = () => [{ title: "Fact-checks · Claimdesk" }];

const RESULTS_PER_PAGE = 20;

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const here = url.pathname + url.search;
  if (url.searchParams.get("q")?.trim())
    return { found: await publishedSearchPage(url.searchParams, RESULTS_PER_PAGE), published: null, here };
  return { found: null, published: await listPublished(readPage(url.searchParams)), here };
}

export default function FactChecks({ loaderData }: Route.ComponentProps) {
  const { published, found, here } = loaderData;
  return (
    <div className="page">
      <h1>Published fact-checks</h1>
      <Form
        method="get"
        role="search"
        aria-label="Search fact-checks"
        className="search-form"
        key={found?.q ?? ""}
      >
        <div className="field search-form__query">
          <label htmlFor="q">Search the published fact-checks</label>
          <input id="q" name="q" type="search" defaultValue={found?.q ?? ""} maxLength={MAX_QUERY_LENGTH} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      {found ? (
        <FoundFactChecks found={found} here={here} />
      ) : (
        <PublishedList published={published!} here={here} />
      )}
    </div>
  );
}

function FoundFactChecks({
  found,
  here,
}: {
  found: NonNullable<Route.ComponentProps["loaderData"]["found"]>;
  here: string;
}) {
  return (
    <>
      <p role="status">
        {found.total === 0
          ? `No published fact-check matches “${found.q}”.`
          : `${formatCount(found.total)} ${found.total === 1 ? "fact-check matches" : "fact-checks match"} “${found.q}”, best first.`}{" "}
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
        here={here}
        label="Pages of results"
      />
    </>
  );
}

function PublishedList({
  published,
  here,
}: {
  published: NonNullable<Route.ComponentProps["loaderData"]["published"]>;
  here: string;
}) {
  return (
    <>
      {published.items.length === 0 ? (
        <p>{published.page === 1 ? "Nothing has been published yet." : "No fact-checks on this page."}</p>
      ) : null}
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
        here={here}
        label="Pages of fact-checks"
      />
    </>
  );
}
