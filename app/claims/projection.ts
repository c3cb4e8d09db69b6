import type { Token } from "markdown-it";
import { markdown, type MarkdownItInstance } from "./markdown";
import { meter } from "./meter";

/**
 * The text projection: the one coordinate space for claims. It is the inline text of the
 * article's markdown tokens, blocks joined by BLOCK_SEPARATOR; offsets are UTF-16 indices.
 * Projection and the publisher's renderer both walk tokens with `forEachTextBlock` and
 * `inlineText`, so they cannot disagree on what an offset means.
 */
export const BLOCK_SEPARATOR = "\n\n";

export type BlockKind = "heading" | "paragraph" | "list-item" | "quote" | "table-cell";

export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface Projection {
  text: string;
  blocks: Block[];
}

/** The text an inline child token contributes to the projection. */
export function inlineText(child: Token): string {
  switch (child.type) {
    case "text":
    case "code_inline":
      return child.content;
    case "softbreak":
    case "hardbreak":
      return "\n";
    default:
      return "";
  }
}

/** Calls `visit` for every inline block in document order with its start offset. */
export function forEachTextBlock(
  tokens: Token[],
  visit: (inline: Token, start: number, kind: BlockKind) => void,
): string {
  let text = "";
  let first = true;
  const open: string[] = [];
  for (const token of tokens) {
    meter.steps += 1 + (token.children?.length ?? 0);
    if (token.nesting === 1) open.push(token.type);
    else if (token.nesting === -1) open.pop();
    if (token.type !== "inline") continue;
    if (!first) text += BLOCK_SEPARATOR;
    first = false;
    visit(token, text.length, kindOf(open));
    for (const child of token.children ?? []) text += inlineText(child);
  }
  return text;
}

function kindOf(open: string[]): BlockKind {
  meter.steps += open.length;
  if (open.includes("heading_open")) return "heading";
  if (open.includes("th_open") || open.includes("td_open")) return "table-cell";
  if (open.includes("list_item_open")) return "list-item";
  if (open.includes("blockquote_open")) return "quote";
  return "paragraph";
}

export function project(source: string, md: MarkdownItInstance = markdown): Projection {
  const blocks: Block[] = [];
  const tokens = md.parse(source, {});
  const text = forEachTextBlock(tokens, (inline, start, kind) => {
    let length = 0;
    for (const child of inline.children ?? []) length += inlineText(child).length;
    blocks.push({ start, end: start + length, kind });
  });
  return { text, blocks };
}
