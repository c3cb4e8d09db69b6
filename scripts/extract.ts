// npm run --silent extract -- FILE: prints the sentences and proposed claims of an article file as
// JSON, offsets in the text projection; each claim with its entities (people, organisations,
// places, products, dates, quantities, money, percents), its figures (quantities) with units, and
// when it names known hardware, the reference figures set against them (fixtures/ml-hardware.csv,
// Epoch AI, CC BY 4.0; read from the file, no database), offsets in the same projection. The file is read as `npm run import` and the import page
// read it (readArticleFile): .md is markdown, a saved .html page is extracted to its article, and
// any other file is plain text. A stable interface.
import { extract, toMarkdown } from "../app/claims/extract";
import { claimQuantities } from "../app/claims/quantities";
import { claimReferencesJson, referenceIndex } from "../app/reference/check";
import { shippedReference } from "../app/reference/fixture.server";
import {
  articleFileKind,
  FileRefused,
  fileOnDisk,
  readArticleFile,
} from "../app/importing/article-file.server";

const file = process.argv[2];
if (!file) {
  console.error(
    "usage: npm run --silent extract -- FILE (.md is read as markdown, .html as a saved web page, anything else as plain text)",
  );
  process.exit(2);
}
let onDisk: File;
try {
  onDisk = fileOnDisk(file);
} catch (error) {
  console.error(`extract: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  process.exit(1);
}
let article: Awaited<ReturnType<typeof readArticleFile>>;
try {
  article = await readArticleFile(onDisk, articleFileKind(file) ?? "text");
} catch (error) {
  if (!(error instanceof FileRefused)) throw error;
  console.error(`extract: ${error.message}`);
  process.exit(1);
}
const { language, sentences, claims } = extract(toMarkdown(article.source, article.format));
const hardware = referenceIndex(shippedReference());
process.stdout.write(
  JSON.stringify({
    language,
    sentences: sentences.map(({ start, end, text }) => ({ start, end, text })),
    claims: claims.map(({ start, end, text, score, reasons, entities }) => {
      const quantities = claimQuantities({ start, text }, language);
      const references = claimReferencesJson({ start, text }, quantities, hardware);
      return {
        start,
        end,
        text,
        score,
        reasons,
        entities: entities.map((e) => ({ text: e.text, type: e.type, start: e.start, end: e.end })),
        quantities,
        ...(references.length ? { references } : {}),
      };
    }),
  }) + "\n",
);
