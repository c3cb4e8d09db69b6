import { readFileSync } from "node:fs";
import { UserError } from "../utils/errors";
import { pageFromHtml, type ImportedPage } from "./import.server";
import { ARTICLE_LIMIT_LABEL, MAX_ARTICLE_BYTES } from "./limits";
import { PageNotExtracted } from "./parser.server";

export type ArticleFileKind = "html" | "markdown" | "text";

/** What a file's name says it holds: a saved web page, markdown or plain text; null for anything else. */
export function articleFileKind(name: string): ArticleFileKind | null {
  if (/\.html?$/i.test(name)) return "html";
  if (/\.(?:md|markdown)$/i.test(name)) return "markdown";
  if (/\.txt$/i.test(name)) return "text";
  return null;
}

/** A file that cannot be read as an article: why (shown beside the file field), and what it means overall. */
export class FileRefused extends UserError {
  constructor(
    message: string,
    readonly summary = "The article was not imported: the uploaded file cannot be read.",
  ) {
    super(message);
  }
}

export interface ArticleFile {
  /** The article's source in `format`: for a saved page, its article as markdown. */
  source: string;
  format: "markdown" | "text";
  /** A saved page's own metadata: title, author, outlet, date and canonical address. */
  page?: ImportedPage;
}

/**
 * Reads an article from a file: an upload on the import page, or a file given to `npm run import`
 * or `npm run extract`, so all three read a file alike. A saved page (.html, .htm) is extracted
 * as a fetched page is; .md and .markdown are markdown; .txt is plain text. Any other name is
 * refused unless `kind` says how to read it. Refused too: files over 2 MB, text that is not UTF-8
 * or is binary, and pages that cannot be extracted.
 */
export async function readArticleFile(file: File, kind = articleFileKind(file.name)): Promise<ArticleFile> {
  if (!kind)
    throw new FileRefused(
      `“${file.name}” is not a .md, .txt or .html file. Upload markdown, plain text or a saved web page.`,
    );
  if (file.size > MAX_ARTICLE_BYTES)
    throw new FileRefused(
      `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; articles are limited to ${ARTICLE_LIMIT_LABEL}.`,
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new FileRefused(`“${file.name}” is not UTF-8 text. Save it as UTF-8 and upload it again.`);
  }
  if (text.includes("\u0000")) throw new FileRefused(`“${file.name}” looks like a binary file, not text.`);
  if (kind !== "html") return { source: text, format: kind };
  try {
    const page = await pageFromHtml(text);
    return { source: page.markdown, format: "markdown", page };
  } catch (error) {
    if (error instanceof PageNotExtracted)
      throw new FileRefused(
        error.message,
        "The article was not imported: the uploaded page could not be extracted.",
      );
    throw error;
  }
}

/** A file on disk as readArticleFile takes it, named by its path (for the scripts). Throws as readFileSync does. */
export function fileOnDisk(path: string): File {
  return new File([readFileSync(path)], path);
}
