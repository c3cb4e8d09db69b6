import { Link } from "react-router";
import type { Route } from "./+types/articles";
import { requirePermission } from "../auth/session.server";
import { can } from "../auth/roles";
import { listArticles } from "../newsroom/articles.server";
import { formatDate } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Workbench · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "read-drafts");
  return { articles: await listArticles(), canEdit: can(user.role, "edit") };
}

export default function Articles({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page">
      <div className="page-head">
        <h1>Workbench</h1>
        {loaderData.canEdit ? <Link to="/articles/new" className="button">Import an article</Link> : null}
      </div>
      <table className="table">
        <caption className="visually-hidden">Articles</caption>
        <thead>
          <tr><th scope="col">Article</th><th scope="col">Status</th><th scope="col">Claims</th><th scope="col">Published</th><th scope="col">Updated</th></tr>
        </thead>
        <tbody>
          {loaderData.articles.map((a) => (
            <tr key={a.id}>
              <td><Link to={`/articles/${a.id}`}>{a.title}</Link>{a.outlet ? <span className="meta"> · {a.outlet}</span> : null}</td>
              <td>{a.status === "published" ? "Published" : "Draft"}</td>
              <td>{a._count.claims}</td>
              <td>{a.publications[0] ? <Link to={`/fact-checks/${a.slug}`}>version {a.publications[0].number}</Link> : "not yet"}</td>
              <td>{formatDate(a.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {loaderData.articles.length === 0 ? <p>No articles yet.</p> : null}
    </div>
  );
}
