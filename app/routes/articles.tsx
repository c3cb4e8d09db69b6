import { Link } from "react-router";
import type { Route } from "./+types/articles";
import { requirePermission } from "../auth/session.server";
import { can } from "../auth/roles";
import { listArticles } from "../newsroom/articles.server";
import { pagedAnswer, readPage } from "../newsroom/paging";
import { withPublishedVersions } from "../publishing/latest.server";
import { formatDate } from "../ui/components";
import { Pager } from "../ui/Pager";

export const meta: Route.MetaFunction = () => [{ title: "Workbench · Claimdesk" }];

export async function loader({ request, url }: Route.LoaderArgs) {
  const user = await requirePermission(request, url, "read-drafts");
  const articles = await withPublishedVersions(await listArticles(readPage(url.searchParams)));
  return pagedAnswer(
    { articles, canEdit: can(user.role, "edit"), here: url.pathname + url.search },
    articles,
  );
}

export default function Articles({ loaderData }: Route.ComponentProps) {
  const { articles, here } = loaderData;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Workbench</h1>
        {loaderData.canEdit ? (
          <Link to="/articles/new" className="button">
            Import an article
          </Link>
        ) : null}
      </div>
      <table className="table table--stack">
        <caption className="visually-hidden">Articles</caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Status</th>
            <th scope="col">Claims</th>
            <th scope="col">Published</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {articles.items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/articles/${a.id}`}>{a.title}</Link>
                {a.outlet ? <span className="meta"> · {a.outlet}</span> : null}
              </td>
              <td data-label="Status">{a.status === "published" ? "Published" : "Draft"}</td>
              <td data-label="Claims">{a.claims}</td>
              <td data-label="Published">
                {a.publishedVersion !== null ? (
                  <a href={`/fact-checks/${a.slug}`}>version {a.publishedVersion}</a>
                ) : (
                  "not yet"
                )}
              </td>
              <td data-label="Updated">{formatDate(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {articles.items.length === 0 ? (
        <p>{articles.page === 1 ? "No articles yet." : "No articles on this page."}</p>
      ) : null}
      <Pager
        page={articles.page}
        hasPrevious={articles.hasPrevious}
        hasNext={articles.hasNext}
        shown={articles.items.length}
        here={here}
        label="Pages of articles"
      />
    </div>
  );
}
