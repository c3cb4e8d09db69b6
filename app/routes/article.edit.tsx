import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/article.edit";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, orErrorPage, parseId, readForm } from "../utils/http.server";
import { articleRecord } from "../newsroom/articles.server";
import { LANGUAGE_CODES, LANGUAGE_NAMES } from "../claims/language";
import { reviseArticle, revisionParam, setArticleLanguage } from "../newsroom/revise.server";
import { ArticleLanguageSchema, ArticleRevisionSchema } from "../newsroom/schemas";
import { Field, FormMessage } from "../ui/components";
import { stateOf } from "../ui/form-state";
import { revalidateOnConflict } from "../ui/revalidate";

export const meta: Route.MetaFunction = () => [{ title: "Correct the article · Workbench · Claimdesk" }];
export const shouldRevalidate = revalidateOnConflict;

export async function loader({ request, url, params }: Route.LoaderArgs) {
  await requirePermission(request, url, "edit");
  const article = await orErrorPage(articleRecord(parseId(params.id, "article")));
  return {
    article: {
      id: article.id,
      title: article.title,
      markdown: article.markdown,
      language: article.language,
      version: article.version,
    },
  };
}

export async function action({ request, url, params }: Route.ActionArgs) {
  const user = await requirePermission(request, url, "edit");
  const articleId = parseId(params.id, "article");
  const values = formValues(await readForm(request));
  if (values.intent === "language") {
    const chosen = ArticleLanguageSchema.safeParse(values);
    if (!chosen.success) return failure("language", values, chosen.error.issues[0]!.message);
    try {
      const r = await setArticleLanguage(articleId, chosen.data, user);
      return redirect(`/articles/${articleId}?revised=${revisionParam(r)}&language=${chosen.data.language}`);
    } catch (error) {
      return domainFailure("language", values, error);
    }
  }
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
      <h1>Correct the article</h1>
      <h2 id="language-heading">Language</h2>
      <p>
        Claimdesk detected the language when the article was imported; it splits the text into sentences and
        proposes claims by that language&rsquo;s rules. Setting another splits the text again.
      </p>
      <FormMessage error={stateOf(actionData, "language")?.error} focusOn={stateOf(actionData, "language")} />
      <Form
        method="post"
        className="inline-form"
        aria-labelledby="language-heading"
        key={`language-${article.version}`}
      >
        <input type="hidden" name="version" value={article.version} />
        <Field label="Language of the article" name="language">
          <select
            id="language"
            name="language"
            defaultValue={article.language === "und" ? "" : article.language}
          >
            {article.language === "und" ? <option value="">Not detected</option> : null}
            {LANGUAGE_CODES.filter((code) => code !== "und").map((code) => (
              <option key={code} value={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" name="intent" value="language" className="button">
          Set language
        </button>
      </Form>
      <h2 id="text-heading">Text</h2>
      <p>
        Edit the article as it now reads at its source. Every claim is looked for again in the new text:
        claims whose words changed lose their approval, and claims that cannot be found with confidence are
        listed for you to place again. Published versions do not change.
      </p>
      <FormMessage error={stateOf(actionData, "revise")?.error} focusOn={stateOf(actionData, "revise")} />
      <Form method="post" className="stack" key={article.version} aria-labelledby="text-heading">
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
