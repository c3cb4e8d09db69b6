/**
 * fast-check generators of markdown documents (for tests): tables, lists, headings, code fences,
 * blockquotes, inline formatting, links and their mixtures, written with the words, figures,
 * abbreviations and punctuation that the segmenter and the detector make decisions on.
 */
import fc from "fast-check";

const WORDS = [
  "Acme",
  "Nvidia",
  "Alibaba’s",
  "the",
  "a",
  "sold",
  "rose",
  "fell",
  "launched",
  "units",
  "shares",
  "said",
  "analysts",
  "3%",
  "$4.5",
  "1,000",
  "2024",
  "50",
  "12.5",
  "million",
  "May",
  "may",
  "Monday",
  "CEO",
  "iPhone",
  "H20",
  "TSMC",
  "Mr.",
  "Dr.",
  "U.S.",
  "e.g.",
  "etc.",
  "i.e.",
  "No.",
  "approx.",
  "Inc.",
  "“We",
  "ready,”",
  '"quote"',
  "(a)",
  "1.",
  "•",
  "Q:",
  "A:",
  "while",
  "whereas",
  "In",
  "contrast,",
  "—",
  "–",
  "...",
  "…",
  "x",
  "é",
  "阿里巴巴。",
  "🔥",
];
const word = fc.constantFrom(...WORDS);
const ending = fc.constantFrom("", "", ".", ".", "!", "?", ";", ",", ":", "…", "...", ".”", "?)");

/** Words with an optional punctuation mark after each: one line of plain text. */
const plain = fc
  .array(fc.tuple(word, ending), { minLength: 1, maxLength: 14 })
  .map((ws) => ws.map(([w, e]) => w + e).join(" "));

const url = fc.constantFrom(
  "https://example.com/a",
  "https://example.com/a_(b)",
  "mailto:desk@example.com",
  "javascript:alert(1)",
  "/relative",
);

const inlinePiece = fc.oneof(
  { weight: 6, arbitrary: plain },
  { weight: 1, arbitrary: plain.map((t) => `**${t}**`) },
  { weight: 1, arbitrary: plain.map((t) => `_${t}_`) },
  { weight: 1, arbitrary: plain.map((t) => `*${t}`) },
  { weight: 1, arbitrary: plain.map((t) => `\`${t}\``) },
  { weight: 1, arbitrary: plain.map((t) => `~~${t}~~`) },
  { weight: 1, arbitrary: fc.tuple(plain, url).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(plain, url).map(([t, u]) => `![${t}](${u})`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "https://acme.example/x.",
      "www.example.com",
      "desk@example.com",
      "<https://example.com>",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "\\*",
      "\\_",
      "&amp;",
      "&copy;",
      "<b>bold</b>",
      "[unclosed",
      "**",
      "`",
      "|",
      "<",
      "\\",
    ),
  },
);

/** One line of inline markdown: text, emphasis, code spans, links, autolinks, escapes. */
const inlineLine = fc.array(inlinePiece, { minLength: 1, maxLength: 5 }).map((ps) => ps.join(" "));

/** Lines of one paragraph: soft breaks, hard breaks (two spaces or a backslash) between them. */
const paragraph = fc
  .array(fc.tuple(inlineLine, fc.constantFrom("\n", "\n", "  \n", "\\\n")), { minLength: 1, maxLength: 4 })
  .map((ls) => ls.map(([l, br], i) => (i === ls.length - 1 ? l : l + br)).join(""));

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inlineLine).map(([level, text]) => `${"#".repeat(level)} ${text}`),
  fc.tuple(inlineLine, fc.constantFrom("===", "---")).map(([text, rule]) => `${text}\n${rule}`),
);

const listMarker = fc.constantFrom("-", "*", "+", "1.", "2)", "10.");
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 4 }), listMarker, inlineLine), { minLength: 1, maxLength: 8 })
  .map((items) =>
    items.map(([depth, marker, text]) => `${"    ".repeat(depth)}${marker} ${text}`).join("\n"),
  );

const blockquote = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.oneof(inlineLine, list)), { minLength: 1, maxLength: 4 })
  .map((lines) =>
    lines
      .map(([depth, text]) =>
        text
          .split("\n")
          .map((l) => `${"> ".repeat(depth)}${l}`)
          .join("\n"),
      )
      .join("\n"),
  );

const codeLine = fc.oneof(
  plain,
  fc.constantFrom("const x = 1;", "# not a heading", "| not | a table |", "- not a list", ""),
);
const codeFence = fc
  .tuple(
    fc.constantFrom("```", "~~~", "````"),
    fc.constantFrom("", "ts", "md"),
    fc.array(codeLine, { maxLength: 5 }),
    fc.boolean(),
  )
  .map(([fence, info, lines, closed]) => [fence + info, ...lines, ...(closed ? [fence] : [])].join("\n"));
const indentedCode = fc
  .array(codeLine, { minLength: 1, maxLength: 3 })
  .map((ls) => ls.map((l) => `    ${l}`).join("\n"));

const cell = fc.oneof(
  plain,
  inlineLine.map((l) => l.replace(/\|/g, "\\|")),
  fc.constant(""),
);
const table = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }),
    fc.boolean(),
  )
  .chain(([columns, rows, outerPipes]) =>
    fc.array(cell, { minLength: columns, maxLength: columns }).map((header) => {
      const row = (cells: string[]) => (outerPipes ? `| ${cells.join(" | ")} |` : cells.join(" | "));
      return [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");
    }),
  );

const otherBlock = fc.constantFrom(
  "---",
  "***",
  "<div>\nraw html</div>",
  "<!-- comment -->",
  "[ref]: https://example.com",
  "\\# escaped",
);

/** One block of markdown, of any kind. */
export const markdownBlock = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 2, arbitrary: list },
  { weight: 2, arbitrary: blockquote },
  { weight: 1, arbitrary: codeFence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: otherBlock },
);

/** A markdown document: blocks separated by blank lines, or run together by a single newline. */
export const markdownDocument = fc
  .array(fc.tuple(markdownBlock, fc.constantFrom("\n\n", "\n\n", "\n", "\n\n\n")), {
    minLength: 1,
    maxLength: 8,
  })
  .map((blocks) => blocks.map(([block, gap]) => block + gap).join(""));
