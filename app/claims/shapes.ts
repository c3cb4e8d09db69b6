/**
 * Markdown documents of one shape and about a given size, for the scaling test and the
 * benchmark: the shapes of input that have made text pipelines super-linear. Each is built from
 * a repeated unit whose words vary, so names, figures and sentences are not all the same.
 */
export type Shape = (size: number) => string;

function repeatUnit(size: number, unit: (i: number) => string, head = ""): string {
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < size; i++) {
    const piece = unit(i);
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

export const SHAPES: Record<string, Shape> = {
  prose: (n) =>
    repeatUnit(n, (i) => `Acme sold ${i} units in 2024, the company said. Nvidia shares rose 3% on Friday. `),
  table: (n) =>
    repeatUnit(
      n,
      (i) => `| Acme ${i} | ${i % 97}% | Nvidia rose 3% in 2024 | Alibaba said so |\n`,
      "| Name | Share | Note | Source |\n|---|---|---|---|\n",
    ),
  "long list": (n) => repeatUnit(n, (i) => `- Item ${i}: Acme sold ${i} units in 2024\n`),
  headings: (n) => repeatUnit(n, (i) => `## Acme Report Number ${i}\n\n`),
  "code blocks": (n) => repeatUnit(n, (i) => "```\nconst units = " + i + "; // Acme sold 5 units\n```\n\n"),
  "one long code block": (n) => repeatUnit(n, (i) => `Acme sold ${i} units in 2024\n`, "```\n"),
  "long line without punctuation": (n) => repeatUnit(n, (i) => `Acme sold ${i} units while Nvidia rose `),
  "short paragraphs": (n) => repeatUnit(n, (i) => `Acme rose ${i}%.\n\n`),
  "nested lists": (n) => repeatUnit(n, (i) => `${"  ".repeat(i % 40)}- Acme sold ${i} units in 2024\n`),
  "nested quotes": (n) => repeatUnit(n, (i) => `${"> ".repeat(1 + (i % 40))}Acme sold ${i} units in 2024\n`),
  "inline formatting": (n) => repeatUnit(n, (i) => `**Acme** sold _${i}_ \`units\` in ~~2024~~ `),
  links: (n) => repeatUnit(n, (i) => `[Acme ${i}](https://example.com/${i}) and https://acme.example/${i} `),
  "clause joins": (n) => repeatUnit(n, (i) => `Acme sold ${i} units; `),
  "distinct names": (n) =>
    repeatUnit(n, (i) => `Acme${String(i).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)} `),
  "hard breaks": (n) => repeatUnit(n, () => "\\\n", "Acme sold 5 units,\\\n"),
  "digit runs": (n) => `Acme sold ${repeatUnit(n, (i) => `${i % 10},`)} etc. Acme`,
  "open quotes": (n) => `Acme said ${repeatUnit(n, (i) => `“quote ${i} `)} etc. Acme`,
  "dot runs": (n) => `Acme sold units etc. ${".".repeat(n)}a... Next`,
};
