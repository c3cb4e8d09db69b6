// npm run --silent extract -- FILE: prints the sentences and proposed claims of a markdown
// (.md) or plain-text file as JSON, offsets in the text projection. A stable interface.
import { readFileSync } from "node:fs";
import { extract, toMarkdown } from "../app/claims/extract";

const file = process.argv[2];
if (!file) {
  console.error(
    "usage: npm run --silent extract -- FILE (.md is read as markdown, anything else as plain text)",
  );
  process.exit(2);
}
let source: string;
try {
  source = readFileSync(file, "utf8");
} catch (error) {
  console.error(`extract: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  process.exit(1);
}
const { sentences, claims } = extract(
  toMarkdown(source, /\.(?:md|markdown)$/i.test(file) ? "markdown" : "text"),
);
process.stdout.write(
  JSON.stringify({
    sentences: sentences.map(({ start, end, text }) => ({ start, end, text })),
    claims: claims.map(({ start, end, text, score, reasons }) => ({ start, end, text, score, reasons })),
  }) + "\n",
);
