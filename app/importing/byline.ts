/**
 * A page's byline ("By Sam Okafor · 14 October 2025") is metadata, not the article: extraction
 * keeps it as the first paragraph, where claims would be proposed from it. The author is read
 * from the page's metadata already, so a leading byline paragraph is dropped. Pure.
 */
const MAX_BYLINE_LENGTH = 160;
/** How many leading paragraphs may hold it (a dateline or a standfirst can come first). */
const LEADING_PARAGRAPHS = 3;
const BYLINE_START = /^(?:\*\*|_|\*)?(?:by|written by|words by|reporting by)\s+\p{Lu}/iu;

function isByline(paragraph: string, author: string): boolean {
  const text = paragraph.trim();
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH || /^#/.test(text)) return false;
  // "By Friday, the company had sold…" is a sentence: a byline does not end like one.
  if (BYLINE_START.test(text)) return !/[.!?]["”’]?$/.test(text);
  // "Sam Okafor · 14 October 2025": the author's name, then only a date or a role, no sentence.
  return (
    author !== "" &&
    text.startsWith(author) &&
    !/[.!?]\s+\p{Lu}/u.test(text) &&
    text.length <= author.length + 60
  );
}

export function dropByline(markdown: string, author: string): string {
  const paragraphs = markdown.split(/\n{2,}/);
  const at = paragraphs.slice(0, LEADING_PARAGRAPHS).findIndex((p) => isByline(p, author.trim()));
  if (at === -1) return markdown;
  return [...paragraphs.slice(0, at), ...paragraphs.slice(at + 1)].join("\n\n");
}
