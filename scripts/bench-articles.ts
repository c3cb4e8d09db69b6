// Articles of a given size for the workbench benchmark (scripts/bench-workbench.ts) and the
// page-weight tests: the evaluation fixtures' news stories, one after another under numbered
// part headings, repeated until the size is reached. Deterministic: the same size gives the
// same article, so runs compare.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/eval");

function stories(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) =>
      readFileSync(path.join(FIXTURES, name), "utf8")
        .replace(/^# .*\n+/, "")
        .trim(),
    );
}

/** Markdown of about `bytes` bytes of UTF-8 (never more): parts of news stories, each under its own heading. */
export function generatedArticle(bytes: number): string {
  const parts = stories();
  const out: string[] = [];
  let size = 0;
  for (let n = 1; ; n++) {
    const part = `## Part ${n}\n\n${parts[(n - 1) % parts.length]!}\n\n`;
    const length = Buffer.byteLength(part, "utf8");
    if (size + length > bytes) break;
    out.push(part);
    size += length;
  }
  return out.join("");
}
