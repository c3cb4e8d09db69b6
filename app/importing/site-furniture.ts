/**
 * Site furniture: the lines a web page puts around and inside its article that are the site
 * speaking to its reader, not the article (donation boxes, "Buy me a coffee", "Follow us",
 * "Scroll to Top"). Readability leaves out what sits beside the article, but a box the site
 * inserts into the article's own body comes along, and so it does in a page's copied text.
 *
 * Only whole lines go, and only when every sentence in them is such an appeal: a sentence with
 * a figure of its own ("Support us: 5,000 readers gave $12") is kept, as is anything in code.
 * These phrases are narrower than the claim detector's boilerplate rule (app/claims/rules.ts),
 * which only keeps sentences from being proposed and may match news ("subscription revenue").
 */
const APPEALS = [
  // "Support us…", "please consider supporting us": never "support US sanctions", and not "the
  // rules support us" inside someone's sentence. Case matters here: "US" is a country.
  /^(?:[Ss]upport [Uu]s|[Pp]lease support [Uu]s)\b/,
  /\bconsider supporting [Uu]s\b/,
  /\bbuy me a coffee\b/i,
  /\btop \d+ (?:donators?|supporters)\b/i,
  /\bour supporters page\b/i,
  /\bhave your name featured\b/i,
  /^(?:quick (?:&|and) easy\W+)?no registration needed\W*$/i,
  /^exclusive content (?:&|and) community perks\W*$/i,
  /^(?:did you enjoy|enjoying) (?:the|this) (?:article|post|story)\b/i,
  /^follow us\b/i,
  /^(?:scroll|back) to top$/i,
  /^(?:thank you|thanks)\W*$/i,
];

/** A sentence that is the site's appeal and says nothing else that could be checked. */
function isAppeal(sentence: string): boolean {
  const figures = sentence.replace(/\btop \d+\b/gi, "");
  return !/\d/.test(figures) && APPEALS.some((appeal) => appeal.test(sentence));
}

/** A markdown line's words: without heading, quote and list marks, emphasis, images and link targets. */
function wordsOf(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(?:#{1,6}\s|>\s?|[-*+•]\s|\d+[.)]\s)*/, "")
    .replace(/[*_`]/g, "")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .trim();
}

/** A line of the site's appeals only (an emoji after one is part of it). */
export function isSiteFurniture(line: string): boolean {
  const sentences = wordsOf(line)
    .split(/(?<=[.!?:])\s+/)
    .map(wordsOf)
    .filter(Boolean);
  return sentences.length > 0 && sentences.every(isAppeal);
}

/**
 * The text (markdown or plain) without its site furniture; lines of nothing but spaces,
 * non-breaking ones included, become empty. Fenced code is left as it is.
 */
export function withoutSiteFurniture(text: string): string {
  let fence: string | null = null;
  const kept: string[] = [];
  for (const line of text.split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      kept.push(line);
    } else if (marker) {
      fence = marker;
      kept.push(line);
    } else if (!isSiteFurniture(line)) kept.push(line.trim() === "" ? "" : line);
  }
  return kept.join("\n").replace(/\n{3,}/g, "\n\n");
}
