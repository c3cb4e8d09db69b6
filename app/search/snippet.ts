/**
 * Snippets come from the database with the matched words between these two characters (never
 * HTML, so nothing in the text can become markup); the page splits them into marked parts.
 */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

const MARKS = new RegExp(`([${MARK_START}${MARK_END}])`, "g");

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(MARKS)) {
    if (piece === MARK_START) marked = true;
    else if (piece === MARK_END) marked = false;
    else if (piece) parts.push({ text: piece, marked });
  }
  return parts;
}

/** The snippet as plain text, for JSON and feeds. */
export const plainSnippet = (snippet: string) => snippet.replace(MARKS, "");
