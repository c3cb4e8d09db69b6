import type { CurrentUser } from "../auth/session.server";
import { readArticleFile, FileRefused } from "../importing/article-file.server";
import { fetchPage, type ImportedPage } from "../importing/import.server";
import { FetchRefused } from "../importing/safe-fetch.server";
import { UserError } from "../utils/errors";
import { importArticle } from "./articles.server";
import { ArticleImportSchema, fieldErrors } from "./schemas";

/** The import form refused: what went wrong overall, and the fields to mark. Nothing was imported. */
export class ImportRefused extends UserError {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

/** Where the article's text comes from: an uploaded file, else a web address, else the pasted text. */
async function articleSource(
  values: Record<string, string>,
  file: File | null,
): Promise<{ source: string; format?: string; page?: ImportedPage }> {
  if (file) {
    try {
      return await readArticleFile(file);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      throw new ImportRefused(error.summary, { file: error.message });
    }
  }
  if ((values.url ?? "").trim() !== "") {
    let page: ImportedPage;
    try {
      page = await fetchPage(values.url!);
    } catch (error) {
      if (!(error instanceof FetchRefused)) throw error;
      throw new ImportRefused("The article was not imported: the web page could not be fetched.", {
        url: error.message,
      });
    }
    return { source: page.markdown, format: "markdown", page };
  }
  return { source: values.source ?? "", format: values.format };
}

/**
 * Imports the article the import page sends: an uploaded file, a web address or pasted text,
 * with the metadata typed in the form; a web page's (or saved page's) own title, author, outlet,
 * date and address fill what the form leaves blank. Refused with ImportRefused and the fields to
 * mark when the source cannot be read or the result does not parse.
 */
export async function importFromForm(values: Record<string, string>, file: File | null, actor: CurrentUser) {
  const { source, format, page } = await articleSource(values, file);
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
    throw new ImportRefused(
      "The article was not imported. Check the highlighted fields.",
      fieldErrors(parsed.error),
    );
  return importArticle(parsed.data, actor.id);
}
