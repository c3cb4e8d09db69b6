import type { Route } from "./+types/search";
import { requirePermission } from "../auth/session.server";
import { searchPage } from "../search/search-page.server";
import { Pager } from "../ui/Pager";
import { SearchForm } from "../ui/SearchForm";
import { pageOf } from "../newsroom/page-links";
import { pagedAnswer } from "../newsroom/paging";
import { searchStatus, searchSummary, SearchGroups } from "../ui/SearchResults";
import { matchesForSearch } from "../matching/match.server";
import { CheckedBefore } from "../ui/MatchesPanel";

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: data?.search.q.trim()
      ? `${searchSummary(data.search.q, data.search.kind, data.groups)}${pageOf(data.page)} · Search · Claimdesk`
      : "Search · Claimdesk",
  },
];

export async function loader({ request, url }: Route.LoaderArgs) {
  await requirePermission(request, url, "read-drafts");
  const [found, checkedBefore] = await Promise.all([
    searchPage(url.searchParams),
    // Only above the first page of every kind: paging through one kind is a look-up of its own.
    // The form without JavaScript sends every field, empty ones too: an empty kind is every kind.
    url.searchParams.get("kind") || url.searchParams.get("page")
      ? null
      : matchesForSearch(url.searchParams.get("q") ?? ""),
  ]);
  return pagedAnswer({ ...found, checkedBefore, here: url.pathname + url.search }, found.page);
}

/** The same search, listing every match of one kind. */
function allOfKind(here: string, kind: string) {
  const url = new URL(here, "http://claimdesk");
  url.searchParams.set("kind", kind);
  url.searchParams.delete("page");
  return url.pathname + url.search;
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { search, ignored, groups, page, here, checkedBefore } = loaderData;
  return (
    <div className="page wide">
      <h1>Search</h1>
      <SearchForm search={search} />
      {ignored.map((message) => (
        <p key={message} className="notice" role="alert">
          {message}
        </p>
      ))}
      {search.q.trim() === "" ? (
        <p>
          Search the whole workspace: every claim with its verdict and rationale, every article, every source.
        </p>
      ) : (
        <>
          <p role="status">{searchStatus(search.q, search.kind, groups)}</p>
          {checkedBefore ? <CheckedBefore matches={checkedBefore} /> : null}
          <SearchGroups groups={groups} showAll={search.kind ? null : (kind) => allOfKind(here, kind)} />
          {page ? (
            <Pager
              page={page.page}
              hasPrevious={page.hasPrevious}
              hasNext={page.hasNext}
              shown={page.items.length}
              here={here}
              label="Pages of results"
            />
          ) : null}
        </>
      )}
    </div>
  );
}
