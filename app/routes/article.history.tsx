import { Link } from "react-router";
import type { Route } from "./+types/article.history";
import { requirePermission } from "../auth/session.server";
import { orErrorPage, parseId } from "../utils/http.server";
import { articleRecord } from "../newsroom/articles.server";
import { articleHistory, readHistoryFilter } from "../newsroom/history.server";
import { pagedAnswer, readPage } from "../newsroom/paging";
import { HistoryFilters } from "../ui/HistoryFilters";
import { HistoryList } from "../ui/HistoryList";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "History · Workbench · Claimdesk" }];

export async function loader({ request, url, params }: Route.LoaderArgs) {
  await requirePermission(request, url, "read-drafts");
  const article = await orErrorPage(articleRecord(parseId(params.id, "article")));
  const filter = readHistoryFilter(url.searchParams);
  const history = await articleHistory(article.id, filter, readPage(url.searchParams));
  return pagedAnswer(
    {
      article: { id: article.id, title: article.title },
      filter,
      here: `${url.pathname}${url.search}`,
      history,
    },
    history,
  );
}

const filtered = (f: { kind?: string; claim?: number; person?: number }) =>
  f.kind !== undefined || f.claim !== undefined || f.person !== undefined;

export default function ArticleHistory({ loaderData }: Route.ComponentProps) {
  const { article, filter, here, history } = loaderData;
  const base = `/articles/${article.id}/history`;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › <Link to={`/articles/${article.id}`}>{article.title}</Link> ›
        History
      </p>
      <h1>History</h1>
      <p>
        Every change to this article, its claims, sources, verdicts and publications, newest first,{" "}
        {history.size} to a page.
      </p>
      <HistoryFilters
        filter={filter}
        people={history.people}
        claimCount={history.claimCount}
        clearHref={base}
      />
      <HistoryList
        entries={history.items}
        empty={filtered(filter) ? "No changes match these filters." : undefined}
      />
      <Pager
        page={history.page}
        hasPrevious={history.hasPrevious}
        hasNext={history.hasNext}
        shown={history.items.length}
        here={here}
        label="History pages"
      />
    </div>
  );
}
