/**
 * Cuts text to at most `max` characters at a word boundary, never inside a word: "…launched in"
 * rather than "…launch". A single word longer than `max` is cut where it must be. The ellipsis,
 * when given, is added only if something was cut (and counts towards `max`).
 */
export function cutAtWord(text: string, max: number, ellipsis = ""): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  const slice = text.slice(0, room + 1);
  const lastSpace = slice.search(/\s\S*$/);
  const cut = lastSpace > 0 ? slice.slice(0, lastSpace) : text.slice(0, room);
  return cut.replace(/[\s,;:–—-]+$/u, "") + ellipsis;
}

/** Like cutAtWord, but from the end: the last `max` characters, starting at a word. */
export function cutAtWordFromEnd(text: string, max: number, ellipsis = ""): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  const slice = text.slice(text.length - room - 1);
  const firstSpace = slice.search(/\s/);
  const cut =
    firstSpace >= 0 && firstSpace < slice.length - 1
      ? slice.slice(firstSpace + 1)
      : text.slice(text.length - room);
  return ellipsis + cut.replace(/^[\s,;:–—-]+/u, "");
}

/**
 * The words before and after a quote, as stored (up to `length` characters each, cut wherever the
 * count fell): a context cut short loses its partial word and gets an ellipsis, so it reads
 * "…the company said" rather than "…ny said". A context shorter than `length` reached the start or
 * end of the text and is shown whole.
 */
export function contextAround(prefix: string, suffix: string, length: number) {
  const before = prefix.length < length ? prefix : cutAtWordFromEnd(prefix, prefix.length - 1, "…");
  const after = suffix.length < length ? suffix : cutAtWord(suffix, suffix.length - 1, "…");
  return { before, after };
}
