import type { Token } from "markdown-it";
import { markdown } from "./markdown";
import { BLOCK_SEPARATOR, inlineText } from "./projection";

/**
 * One part of a long article: the workbench shows a very long text a part at a time, cut at
 * top-level blocks, so that no page carries all of it. `start`/`end` are projection offsets
 * (the text from `start` up to `end`); `fromToken`/`toToken` the part's tokens of the parse.
 */
export interface TextPart {
  /** 1-based; `parts` is how many there are. */
  part: number;
  parts: number;
  start: number;
  end: number;
  fromToken: number;
  toToken: number | undefined;
}

/** Where each part begins: a top-level block's first token, and the text's length before it. */
function partCuts(tokens: Token[], partChars: number): Array<{ token: number; offset: number }> {
  const cuts = [{ token: 0, offset: 0 }];
  let length = 0;
  let first = true;
  tokens.forEach((token, i) => {
    if (token.level === 0 && token.nesting !== -1 && length - cuts.at(-1)!.offset >= partChars)
      cuts.push({ token: i, offset: length });
    if (token.type !== "inline") return;
    if (!first) length += BLOCK_SEPARATOR.length;
    first = false;
    for (const child of token.children ?? []) length += inlineText(child).length;
  });
  return cuts;
}

/** Every part of parsed tokens, in parts of about `partChars` characters of text. */
export function partsOfTokens(tokens: Token[], partChars: number): TextPart[] {
  const cuts = partCuts(tokens, partChars);
  return cuts.map((from, i) => ({
    part: i + 1,
    parts: cuts.length,
    start: from.offset,
    end: cuts[i + 1]?.offset ?? Number.MAX_SAFE_INTEGER,
    fromToken: from.token,
    toToken: cuts[i + 1]?.token,
  }));
}

/** Part `part` of a list of parts; a number past the last reads as the last, below 1 as the first. */
export const pickPart = (parts: TextPart[], part: number): TextPart =>
  parts[Math.min(Math.max(1, part), parts.length) - 1]!;

/** Every part of an article's markdown. */
export function textParts(source: string, partChars: number): TextPart[] {
  return partsOfTokens(markdown.parse(source, {}), partChars);
}
