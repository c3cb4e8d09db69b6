/**
 * How much two claims say in the same words: content words (stop words and figures left out,
 * figures are compared as quantities), crudely stemmed, compared as sets. Pure and small: the
 * database's full-text index finds candidates, this orders them.
 */

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers him his how i if in into is it its itself just me more most my no nor
  not now of off on once only or other our ours out over own same she should so some such than that
  the their theirs them then there these they this those through to too under until up very was we
  were what when where which while who whom why will with would you your says said say according
  reported reports report new its it's company also just over per up to`.split(/\s+/),
);

/** A crude English stem: enough to meet "chips"/"chip", "shipped"/"ships", "reported"/"reporting". */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, "");
  if (w.length > 5 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 4 && /(.)\1$/.test(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export function contentWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)]
    .map((m) => m[0].replace(/[-'’]+$/, ""))
    .flatMap((w) => w.split("-"))
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map(stem);
}

/** Names: capitalised or all-capital words not opening a sentence, and mixed words like "RISC-V". */
export function names(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![.!?]\s|^)\b([A-Z][\p{L}\p{N}-]*)/gu))
    found.add(match[1]!.toLowerCase());
  for (const match of text.matchAll(/\b([A-Z]{2,}[\p{L}\p{N}-]*)/gu)) found.add(match[1]!.toLowerCase());
  return found;
}

/** Dice's coefficient of two sets: 1 when equal, 0 when disjoint. */
export function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}
