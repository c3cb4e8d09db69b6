import { Link } from "react-router";
import type { Route } from "./+types/article.history";
import { requirePermission } from "../auth/session.server";
import { orErrorPage, parseId } from "../utils/http.server";
import { loadArticle } from "../newsroom/articles.server";
import { history } from "../newsroom/history.server";
import { HistoryList } from "../ui/HistoryList";

export const meta: Route.MetaFunction = () => [{ title: "History · Workbench · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "read-drafts");
  const { article } = await orErrorPage(loadArticle(parseId(params.id, "article")));
  return {
    article: { id: article.id, title: article.title },
    entries: await history({ articleId: article.id }),
  };
}

export default function ArticleHistory({ loaderData }: Route.ComponentProps) {
  const { article, entries } = loaderData;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › <Link to={`/articles/${article.id}`}>{article.title}</Link> ›
        History
      </p>
      <h1>History</h1>
      <p>Every change to this article, its claims, evidence, verdicts and publications, newest first.</p>
      <HistoryList entries={entries} />
    </div>
  );
}
