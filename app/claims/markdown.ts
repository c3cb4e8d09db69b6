import MarkdownIt from "markdown-it";

/** A configured markdown-it parser: what `createMarkdown` makes and projection and rendering take. */
export type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/**
 * The one markdown-it configuration used to read articles and rationales: raw HTML off,
 * bare URLs linkified, and links limited to http, https and mailto. Projection and rendering
 * must use the same configuration, or their offsets would disagree.
 */
export function createMarkdown(): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  return md;
}

export const markdown = createMarkdown();

/** Escapes plain text so that markdown reads it back as the same characters. */
export function plainTextToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim().replace(/[!-/:-@[-`{-~]/g, "\\$&"))
    .join("\n");
}
