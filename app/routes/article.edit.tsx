import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/article.edit";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { loadArticle } from "../newsroom/articles.server";
import { reviseArticle, revisionParam } from "../newsroom/revise.server";
import { ArticleRevisionSchema } from "../newsroom/schemas";
import { Field, FormMessage } from "../ui/components";
import { revalidateOnConflict } from "../ui/revalidate";

export const meta: Route.MetaFunction = () => [{ title: "Correct the article · Workbench · Claimdesk" }];
export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "edit");
  const { article } = await orErrorPage(loadArticle(parseId(params.id, "article")));
  return {
    article: { id: article.id, title: article.title, markdown: article.markdown, version: article.version },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requirePermission(request, "edit");
  const articleId = parseId(params.id, "article");
  const values = formValues(await readForm(request));
  const parsed = ArticleRevisionSchema.safeParse(values);
  if (!parsed.success) return failure("revise", values, parsed.error.issues[0]!.message);
  try {
    const r = await reviseArticle(articleId, parsed.data, user);
    return redirect(`/articles/${articleId}?revised=${revisionParam(r)}`);
  } catch (error) {
    return domainFailure("revise", values, error);
  }
}

export default function EditArticle({ loaderData, actionData }: Route.ComponentProps) {
  const { article } = loaderData;
  return (
    <div className="page">
      <p className="breadcrumbs">
        <Link to="/articles">Workbench</Link> › <Link to={`/articles/${article.id}`}>{article.title}</Link> ›
        Correct the text
      </p>
      <h1>Correct the article text</h1>
      <p>
        Edit the article as it now reads at its source. Every claim is looked for again in the new text:
        claims whose words changed lose their approval, and claims that cannot be found with confidence are
        listed for you to place again. Published versions do not change.
      </p>
      <FormMessage error={actionData?.error} />
      <Form method="post" className="stack" key={article.version}>
        <input type="hidden" name="version" value={article.version} />
        <Field label="Article text (markdown)" name="markdown">
          <textarea
            id="markdown"
            name="markdown"
            rows={24}
            defaultValue={actionData?.values.markdown ?? article.markdown}
          />
        </Field>
        <button type="submit" className="button">
          Save and re-anchor claims
        </button>
      </Form>
    </div>
  );
}
