import { Form, redirect } from "react-router";
import type { Route } from "./+types/articles.new";
import { requirePermission } from "../auth/session.server";
import { domainFailure, failure, formValues, readForm } from "../utils/http.server";
import { importArticle } from "../newsroom/articles.server";
import { ArticleImportSchema, fieldErrors, MAX_ARTICLE_BYTES } from "../newsroom/schemas";
import { fetchPage, pageFromHtml, type ImportedPage } from "../importing/import.server";
import { PageNotExtracted } from "../importing/parser.server";
import { FetchRefused } from "../importing/safe-fetch.server";
import { Field, FormMessage } from "../ui/components";

export const meta: Route.MetaFunction = () => [{ title: "Import an article · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "edit");
  return null;
}

/** Reads an uploaded .md, .txt or saved .html page; a message (and what went wrong overall) when it cannot. */
async function readUpload(
  file: File,
): Promise<
  { text: string; format: "markdown" | "text"; page?: ImportedPage } | { error: string; summary?: string }
> {
  if (!/\.(?:md|markdown|txt|html?)$/i.test(file.name))
    return {
      error: `“${file.name}” is not a .md, .txt or .html file. Upload markdown, plain text or a saved web page.`,
    };
  if (file.size > MAX_ARTICLE_BYTES)
    return {
      error: `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; articles are limited to 2 MB.`,
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { error: `“${file.name}” is not UTF-8 text. Save it as UTF-8 and upload it again.` };
  }
  if (text.includes("\u0000")) return { error: `“${file.name}” looks like a binary file, not text.` };
  if (!/\.html?$/i.test(file.name)) return { text, format: /\.txt$/i.test(file.name) ? "text" : "markdown" };
  try {
    const page = await pageFromHtml(text);
    return { text: page.markdown, format: "markdown", page };
  } catch (error) {
    if (error instanceof PageNotExtracted)
      return {
        error: error.message,
        summary: "The article was not imported: the uploaded page could not be extracted.",
      };
    throw error;
  }
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, "edit");
  const form = await readForm(request);
  const values = formValues(form);
  const file = form.get("file");
  let source = values.source ?? "";
  let format = values.format;
  let page: ImportedPage | undefined;
  if (file instanceof File && file.size > 0) {
    const upload = await readUpload(file);
    if ("error" in upload)
      return failure(
        "import",
        values,
        upload.summary ?? "The article was not imported: the uploaded file cannot be read.",
        400,
        { fields: { file: upload.error } },
      );
    source = upload.text;
    format = upload.format;
    page = upload.page;
  } else if ((values.url ?? "").trim() !== "") {
    try {
      page = await fetchPage(values.url!);
    } catch (error) {
      if (!(error instanceof FetchRefused)) throw error;
      return failure(
        "import",
        values,
        "The article was not imported: the web page could not be fetched.",
        400,
        { fields: { url: error.message } },
      );
    }
    source = page.markdown;
    format = "markdown";
  }
  // What the form says wins; the page's own metadata fills the gaps.
  const filled = (key: "title" | "outlet" | "author" | "originalDate") =>
    (values[key] ?? "").trim() || page?.[key] || "";
  const parsed = ArticleImportSchema.safeParse({
    ...values,
    title: filled("title"),
    outlet: filled("outlet"),
    author: filled("author"),
    originalDate: filled("originalDate"),
    sourceUrl: (values.sourceUrl ?? "").trim() || page?.sourceUrl || (values.url ?? "").trim(),
    source,
    format,
  });
  if (!parsed.success)
    return failure("import", values, "The article was not imported. Check the highlighted fields.", 400, {
      fields: fieldErrors(parsed.error),
    });
  try {
    const article = await importArticle(parsed.data, user.id);
    return redirect(`/articles/${article.id}`);
  } catch (error) {
    return domainFailure("import", values, error);
  }
}

export default function NewArticle({ actionData }: Route.ComponentProps) {
  const fields = actionData?.fields ?? {};
  const v = actionData?.values ?? {};
  return (
    <div className="page narrow">
      <h1>Import an article</h1>
      <p>
        Give its web address, paste it or upload it. Claimdesk splits it into sentences and proposes the
        claims worth checking. From a web page, the title, author, outlet and date are filled in from the
        page; anything you type below wins.
      </p>
      <FormMessage error={actionData?.error} />
      <Form method="post" encType="multipart/form-data" className="stack">
        <Field
          label="Web address of the article"
          name="url"
          error={fields.url}
          hint="Claimdesk fetches the page and keeps only the article."
        >
          <input id="url" name="url" type="url" placeholder="https://" defaultValue={v.url} />
        </Field>
        <Field
          label="Title"
          name="title"
          error={fields.title}
          hint="Required unless it comes from the web page."
        >
          <input id="title" name="title" maxLength={300} defaultValue={v.title} />
        </Field>
        <div className="grid-2">
          <Field label="Outlet" name="outlet" error={fields.outlet}>
            <input id="outlet" name="outlet" defaultValue={v.outlet} />
          </Field>
          <Field label="Author" name="author" error={fields.author}>
            <input id="author" name="author" defaultValue={v.author} />
          </Field>
          <Field label="Original URL" name="sourceUrl" error={fields.sourceUrl}>
            <input
              id="sourceUrl"
              name="sourceUrl"
              type="url"
              placeholder="https://"
              defaultValue={v.sourceUrl}
            />
          </Field>
          <Field
            label="Original publication date"
            name="originalDate"
            error={fields.originalDate}
            hint="2025-08-29, 2025-08 or 2025"
          >
            <input
              id="originalDate"
              name="originalDate"
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              defaultValue={v.originalDate}
            />
          </Field>
        </div>
        <fieldset className="field">
          <legend>Format of the pasted text</legend>
          <label className="inline">
            <input type="radio" name="format" value="markdown" defaultChecked={v.format !== "text"} />{" "}
            Markdown
          </label>
          <label className="inline">
            <input type="radio" name="format" value="text" defaultChecked={v.format === "text"} /> Plain text
          </label>
        </fieldset>
        <Field
          label="Article text"
          name="source"
          error={fields.source}
          hint="Up to 2 MB, when not importing from a web address or a file."
        >
          <textarea id="source" name="source" rows={14} defaultValue={v.source} />
        </Field>
        <Field label="Or upload a .md or .txt file, or a saved .html page" name="file" error={fields.file}>
          <input
            id="file"
            name="file"
            type="file"
            accept=".md,.markdown,.txt,.html,.htm,text/markdown,text/plain,text/html"
          />
        </Field>
        <button type="submit" className="button">
          Import and propose claims
        </button>
      </Form>
    </div>
  );
}
