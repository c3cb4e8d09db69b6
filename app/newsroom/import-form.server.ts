import type { CurrentUser } from "../auth/session.server";
import { articleFileKind, readArticleFile, FileRefused } from "../importing/article-file.server";
import { fetchPage, pageFromHtml, type ImportedPage } from "../importing/import.server";
import { ARTICLE_LIMIT_LABEL } from "../importing/limits";
import { PageNotExtracted } from "../importing/parser.server";
import { looksLikeHtml } from "../importing/pasted-html";
import { FetchRefused } from "../importing/safe-fetch.server";
import { UserError } from "../utils/errors";
import { importArticle } from "./articles.server";
import { ArticleImportSchema, fieldErrors } from "./schemas";

/** The import form refused: what went wrong overall, and the fields to mark. Nothing was imported. */
const importRefused = (message: string, fields: Record<string, string>) =>
  new UserError(message, 400, fields);

/** What the import form takes, for refusals that leave someone wondering what would work. */
const IMPORT_CHOICES = `Give the article's web address, paste its text (markdown, plain text or a web page's HTML), or upload a .md, .txt or saved .html file, up to ${ARTICLE_LIMIT_LABEL}.`;

/** Where the article's text comes from: an uploaded file, else a web address, else the pasted text. */
async function articleSource(
  values: Record<string, string>,
  file: File | null,
): Promise<{ source: string; format?: string; page?: ImportedPage; importedAs?: "html" }> {
  if (file) {
    try {
      return await readArticleFile(file);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      const summary =
        articleFileKind(file.name) === null
          ? `The article was not imported: Claimdesk cannot read that kind of file. ${IMPORT_CHOICES}`
          : error.summary;
      throw importRefused(summary, { file: error.message });
    }
  }
  if ((values.url ?? "").trim() !== "") {
    let page: ImportedPage;
    try {
      page = await fetchPage(values.url!);
    } catch (error) {
      if (!(error instanceof FetchRefused)) throw error;
      throw importRefused("The article was not imported: the web page could not be fetched.", {
        url: error.message,
      });
    }
    return { source: page.markdown, format: "markdown", page };
  }
  const pasted = values.source ?? "";
  if (looksLikeHtml(pasted)) return { ...(await pastedPage(pasted)), importedAs: "html" };
  return { source: pasted, format: values.format };
}

/** Pasted HTML read as a saved page is: its article extracted, with its title, author and date. */
async function pastedPage(html: string) {
  try {
    const page = await pageFromHtml(html);
    return { source: page.markdown, format: "markdown", page };
  } catch (error) {
    if (!(error instanceof PageNotExtracted)) throw error;
    throw importRefused(
      "The article was not imported: the pasted text is HTML, and no article could be found in it.",
      {
        source: `${error.message} Paste the article's text instead, or save the page and upload the file.`,
      },
    );
  }
}

/** No file, no web address and no pasted text: the form was sent empty. */
const nothingGiven = (values: Record<string, string>, file: File | null) =>
  !file && (values.url ?? "").trim() === "" && (values.source ?? "").trim() === "";

/**
 * Imports the article the import page sends: an uploaded file, a web address or pasted text,
 * with the metadata typed in the form; a web page's (or saved page's) own title, author, outlet,
 * date and address fill what the form leaves blank. Refused with a UserError naming the fields to
 * mark when the source cannot be read or the result does not parse. `importedAs` is "html" when
 * the pasted text turned out to be a web page's HTML and was read as one.
 */
export async function importFromForm(values: Record<string, string>, file: File | null, actor: CurrentUser) {
  const { source, format, page, importedAs } = await articleSource(values, file);
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
    throw importRefused(
      nothingGiven(values, file)
        ? `The article was not imported: there was nothing to import. ${IMPORT_CHOICES}`
        : "The article was not imported. Check the highlighted fields.",
      fieldErrors(parsed.error),
    );
  return { article: await importArticle(parsed.data, actor.id), importedAs: importedAs ?? null };
}
