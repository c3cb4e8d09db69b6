/**
 * Whether text pasted into the Markdown box is really a web page's HTML (a "view source" copy),
 * which should be imported as a page, not proposed claims from `<title>…`. Markdown may hold a
 * few tags of its own, so a stray `<br>` or `<sup>` is not enough: the text must start as an
 * HTML document does, or block-level tags must make up much of it.
 */
const DOCUMENT_START =
  /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|article|section|main|header|footer|nav|ul|ol|li|table|tr|td|blockquote|figure|meta|link|script|style|title)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9-]*\b[^>]*>/gi;

/** Enough block tags that they cannot be a Markdown writer's few inline additions. */
const MIN_BLOCK_TAGS = 4;
/** Share of the text taken up by tags, above which the text is markup rather than prose with markup. */
const MIN_TAG_SHARE = 0.15;

export function looksLikeHtml(text: string): boolean {
  if (DOCUMENT_START.test(text.slice(0, 4096))) return true;
  const blocks = text.match(BLOCK_TAG)?.length ?? 0;
  if (blocks < MIN_BLOCK_TAGS) return false;
  const tagCharacters = (text.match(ANY_TAG) ?? []).reduce((sum, tag) => sum + tag.length, 0);
  return tagCharacters / text.trim().length >= MIN_TAG_SHARE;
}

/** What the workbench says after an import that was not read as typed (`?imported=html`). */
export function importNotice(param: string | null): string | null {
  return param === "html"
    ? "The pasted text was a web page's HTML, so it was imported as a web page: its article text, title, author and date were read from the HTML. Check them below."
    : null;
}
