import MarkdownIt from "markdown-it";
import { markdown } from "../claims/markdown";

/**
 * A rationale as it goes into export.md's footnote. It stays markdown, but other sites render
 * that file with renderers that may allow raw HTML and any link, so what the fact-check page
 * (markdown-it without HTML, links only http, https and mailto) shows as text stays text:
 * - `<` is written `&lt;`, except in code, where CommonMark shows `&lt;` as written, and in
 *   autolinks to web and mail addresses;
 * - a link to any other address (`javascript:`, `vbscript:`, `data:`, relative) is written as
 *   text, as the page shows it;
 * - a backtick that does not open a code span here, or might not elsewhere (in a link's
 *   address, or in a word a linkify could read as an address), is escaped, so that no renderer
 *   pairs backticks differently and finds a `<` outside code that this function left as written.
 * - `\<` is written `&lt;` too: CommonMark reads both as "<", but older renderers (Markdown.pl,
 *   Python-Markdown) print the backslash and take the rest as HTML.
 * - an image, `![alt](address)`, is written as a link, `[image: alt](address)`, as the page shows
 *   it: a site rendering the file must not make its readers load it from another host
 *   (docs/decisions/010-no-third-party-images.md).
 * Lines are collapsed into one paragraph as before, except fenced code blocks, which become
 * indented code blocks of the footnote: every renderer shows those as written, while one that
 * does not know fences would read a fence's content as a paragraph, HTML and all.
 */
export function rationaleMarkdown(rationale: string): string {
  const blocks = splitFences(rationale);
  const firstLine = blocks[0]?.fence === false ? paragraph(blocks.shift()!.lines) : "";
  const moreLines = blocks.flatMap((block) => {
    // A code block in a footnote: four spaces for the footnote, four for the code.
    const lines = block.fence
      ? block.lines.slice(1, -1).map((line) => (line.trim() ? `    ${line}` : ""))
      : [continuedParagraph(block.lines)];
    return lines.join("").trim() ? ["", ...lines.map((line) => (line ? `    ${line}` : ""))] : [];
  });
  return [firstLine, ...moreLines].join("\n");
}

interface Block {
  fence: boolean;
  lines: string[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/** The rationale's fenced code blocks (closed at the end if left open) and the prose between. */
function splitFences(source: string): Block[] {
  const blocks: Block[] = [];
  let fence: { marker: string; block: Block } | null = null;
  for (const line of source.split(/\r?\n/)) {
    if (fence) {
      fence.block.lines.push(line);
      if (isFenceClose(line, fence.marker)) fence = null;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = { marker: open[1]!, block: { fence: true, lines: [line] } };
      blocks.push(fence.block);
      continue;
    }
    const last = blocks.at(-1);
    if (last && !last.fence) last.lines.push(line);
    else blocks.push({ fence: false, lines: [line] });
  }
  if (fence) fence.block.lines.push(fence.marker);
  return blocks;
}

function isFenceClose(line: string, marker: string): boolean {
  const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!close && close[1]![0] === marker[0] && close[1]!.length >= marker.length;
}

const paragraph = (lines: string[]) => inlineMarkdown(lines.join("\n").replace(/\n+/g, " ").trim());

/** Any markdown-it, for asking whether a line would define a link reference anywhere. */
const anyRenderer = new MarkdownIt();
anyRenderer.validateLink = () => true;

/**
 * A paragraph after a code block starts a line, where `[x]: javascript:…` would define a link
 * for the whole file in a renderer that allows such links: it is written as text.
 */
function continuedParagraph(lines: string[]): string {
  const text = paragraph(lines);
  const env: Record<string, unknown> = {};
  anyRenderer.parse(text, env);
  return env.references ? `\\${text}` : text;
}

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const SAFE_AUTOLINK = /^<(?:https?|mailto):[^<>\s`]*>/i;

/**
 * One line of inline markdown, read left to right as CommonMark does. In a link's destination
 * and title (`inLinkTail`) backticks are plain characters, so they are escaped there; the rest
 * of a tail is treated as text too, since it is text wherever the `]` opens no link. Any other
 * `](` (a link the page refuses, or no link at all) has its `(` escaped: the only links another
 * renderer can find are then the ones the page shows, whatever it makes of the text around.
 */
function inlineMarkdown(text: string, inLinkTail = false): string {
  const inAddress = addressWords(text);
  let out = "";
  let at = 0;
  while (at < text.length) {
    const c = text[at]!;
    if (c === "\\" && ASCII_PUNCTUATION.test(text[at + 1] ?? "")) {
      out += text[at + 1] === "<" ? "&lt;" : text.slice(at, at + 2);
      at += 2;
    } else if (c === "`") {
      const run = /^`+/.exec(text.slice(at))![0];
      const end = inLinkTail || inAddress[at] ? -1 : codeSpanEnd(text, at, run.length);
      out += end < 0 ? "\\`".repeat(run.length) : text.slice(at, end);
      at = end < 0 ? at + run.length : end;
    } else if (c === "!" && text[at + 1] === "[" && opensImage(text, at + 1)) {
      // The label and address that follow are read as any link's are.
      out += text[at + 2] === "]" ? "[image" : "[image: ";
      at += 2;
    } else if (c === "!" && (text[at + 1] === "[" || text.startsWith("![", at + 1))) {
      // Escaped, a `!` reads the same and makes no image, whatever a renderer finds after it
      // (a label longer than the look-ahead, or an image written as a link after "!!").
      out += "\\!";
      at += 1;
    } else if (c === "<") {
      const autolink = SAFE_AUTOLINK.exec(text.slice(at))?.[0];
      out += autolink ?? "&lt;";
      at += autolink?.length ?? 1;
    } else if (c === "]" && text[at + 1] === "(") {
      const tail = linkTail(text, at + 1);
      if (tail?.safe) {
        out += "]" + inlineMarkdown(text.slice(at + 1, tail.end), true);
        at = tail.end;
      } else {
        out += "]\\(";
        at += 2;
      }
    } else {
      out += c;
      at += 1;
    }
  }
  return out;
}

/** How far past a `![` its label is looked for: each look is bounded, so many of them are not quadratic. */
const IMAGE_LABEL_LOOKAHEAD = 300;

/**
 * Whether the `[` at `open` starts a label closed, within IMAGE_LABEL_LOOKAHEAD characters, by a
 * `]` that a `(` follows: after a `!`, an image. Brackets nest and a backslash escapes one, as in
 * CommonMark. Only the wording depends on it: where it says no, the caller escapes the `!`, and
 * where it says yes, the `!` is left out, so no renderer can make an image either way.
 */
function opensImage(text: string, open: number): boolean {
  let depth = 0;
  for (let at = open; at < text.length && at <= open + IMAGE_LABEL_LOOKAHEAD; at++) {
    const c = text[at];
    if (c === "\\") at++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return text[at + 1] === "(";
  }
  return false;
}

/**
 * For each position, whether the text since the last space could be an address that a
 * renderer's linkify reads on, past a backtick (markdown-it's does): such a backtick may open
 * no code span there, so it is escaped rather than trusted to open one.
 */
function addressWords(text: string): boolean[] {
  const inAddress: boolean[] = [];
  let marked = false;
  for (let at = 0; at < text.length; at++) {
    inAddress.push(marked);
    if (/\s/.test(text[at]!)) marked = false;
    else if (/[:@]/.test(text[at]!) || text.startsWith("www.", at)) marked = true;
  }
  return inAddress;
}

/** Where the code span opened by `length` backticks at `start` ends, or -1 if none closes it. */
function codeSpanEnd(text: string, start: number, length: number): number {
  const closing = /`+/g;
  closing.lastIndex = start + length;
  for (let run = closing.exec(text); run; run = closing.exec(text))
    if (run[0].length === length) return run.index + length;
  return -1;
}

const skipSpaces = (text: string, at: number) => {
  while (text[at] === " " || text[at] === "\t") at++;
  return at;
};

/**
 * The `(destination "title")` after a link's `]`, parsed as markdown-it's link rule does, and
 * whether the fact-check page would make that destination a link.
 */
function linkTail(text: string, open: number): { end: number; safe: boolean } | null {
  const { parseLinkDestination, parseLinkTitle } = markdown.helpers;
  let at = skipSpaces(text, open + 1);
  let safe = true;
  const destination = parseLinkDestination(text, at, text.length);
  if (destination.ok) {
    safe = markdown.validateLink(markdown.normalizeLink(destination.str));
    at = skipSpaces(text, destination.pos);
    const title = parseLinkTitle(text, at, text.length);
    if (at > destination.pos && title.ok) at = skipSpaces(text, title.pos);
  }
  return text[at] === ")" ? { end: at + 1, safe } : null;
}
