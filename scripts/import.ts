// npm run --silent import -- URL_OR_FILE: imports an article into the configured database and
// prints {"id","slug","claims"} (claims = how many were proposed). A URL is fetched with the same
// guard as the app (CLAIMDESK_ALLOW_PRIVATE_FETCH=1 allows local servers); a file is read as the
// import page reads an upload (readArticleFile): a .html file is extracted the same way, .md is
// markdown and any other file plain text, up to 2 MB of UTF-8. Refusals exit 1.
import path from "node:path";
import { db } from "../app/db/client.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { articleFileKind, fileOnDisk, readArticleFile } from "../app/importing/article-file.server";
import { fetchPage, type ImportedPage } from "../app/importing/import.server";
import { FetchRefused } from "../app/importing/safe-fetch.server";
import { importArticle } from "../app/newsroom/articles.server";
import { UserError } from "../app/utils/errors";
import { ArticleImportSchema } from "../app/newsroom/schemas";

const target = process.argv[2];
if (!target) {
  console.error("usage: npm run --silent import -- URL_OR_FILE");
  process.exit(2);
}

async function fromFile(file: string): Promise<ImportedPage & { format: "markdown" | "text" }> {
  const { source, format, page } = await readArticleFile(fileOnDisk(file), articleFileKind(file) ?? "text");
  if (page) return { ...page, markdown: source, format };
  const title = path
    .basename(file)
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ");
  return {
    title,
    author: "",
    outlet: "",
    originalDate: "",
    canonicalUrl: "",
    sourceUrl: "",
    markdown: source,
    format,
  };
}

try {
  const page = /^https?:\/\//i.test(target)
    ? { ...(await fetchPage(target)), format: "markdown" as const }
    : await fromFile(target);
  const parsed = ArticleImportSchema.safeParse({
    title: page.title || "Untitled article",
    outlet: page.outlet,
    author: page.author,
    sourceUrl: page.sourceUrl,
    originalDate: page.originalDate,
    format: page.format,
    source: page.markdown,
  });
  if (!parsed.success)
    throw new UserError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; "));
  await prepareDatabase();
  const article = await importArticle(parsed.data, null);
  const claims = await db().claim.count({ where: { articleId: article.id } });
  process.stdout.write(JSON.stringify({ id: article.id, slug: article.slug, claims }) + "\n");
} catch (error) {
  if (error instanceof FetchRefused || error instanceof UserError) {
    console.error(`import: ${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    console.error(`import: no such file: ${target}`);
    process.exit(1);
  }
  throw error;
}
