import { Form, Link } from "react-router";
import { languageName } from "../claims/language";
import { safeHref } from "./components";

/** The article page's title, what the article is, and the ways to change or view it. */
export function ArticleHead({
  article,
  publishedVersion,
  claims,
  approved,
  canEdit,
}: {
  article: {
    id: number;
    slug: string;
    title: string;
    outlet: string;
    author: string;
    originalDate: string;
    language: string;
    status: string;
    sourceUrl: string;
    version: number;
  };
  /** The latest published version, null when the article is unpublished. */
  publishedVersion: number | null;
  claims: number;
  approved: number;
  canEdit: boolean;
}) {
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › Article
      </p>
      <div className="page-head">
        <div>
          <h1>{article.title}</h1>
          <p className="meta">
            {[
              article.outlet,
              article.author,
              article.originalDate,
              article.language === "und" ? "Language not detected" : languageName(article.language),
              article.status === "published" ? "Published" : "Draft",
            ]
              .filter(Boolean)
              .join(" · ")}
            {article.sourceUrl ? (
              <>
                {" "}
                ·{" "}
                <a href={safeHref(article.sourceUrl)} rel="nofollow noopener">
                  original
                </a>
              </>
            ) : null}
            {" · "}
            {claims} {claims === 1 ? "claim" : "claims"}, {approved} approved
          </p>
        </div>
        <div className="page-actions">
          {canEdit ? (
            <Link to={`/articles/${article.id}/edit`}>Correct the article text or language</Link>
          ) : null}
          <Link to={`/articles/${article.id}/history`}>History</Link>
          {canEdit && article.sourceUrl ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="articleVersion" value={article.version} />
              <button type="submit" name="intent" value="reimport" className="link-button">
                Re-import from the original URL
              </button>
            </Form>
          ) : null}
          {publishedVersion !== null ? (
            <a href={`/fact-checks/${article.slug}`}>View published version {publishedVersion}</a>
          ) : null}
        </div>
      </div>
    </>
  );
}
