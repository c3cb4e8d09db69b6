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

/**
 * Near-synonyms for which way a figure moved, as one word (by their stems): "fell", "dipped",
 * "dropped", "declined", "slid" are "fall"; "rose", "climbed", "gained", "jumped" are "rise".
 * Only for comparing wording: the direction itself is compared as a figure (quantities.ts), so
 * "rose 3%" against "fell 3%" still conflicts.
 */
const MOVES: Record<string, string> = Object.fromEntries([
  ...["fell", "fall", "fallen", "dip", "dipp", "drop", "declin", "slid", "slip"].map((w) => [w, "fall"]),
  ...["rose", "rise", "ris", "risen", "climb", "gain", "jump"].map((w) => [w, "rise"]),
]);

/** Content words with near-synonyms of movement made one: what ranking compares (the net keeps the words as written). */
export const meaningWords = (text: string): string[] => contentWords(text).map((w) => MOVES[w] ?? w);

/** Endings of ordinary English words: a sentence's first word with one is not taken for a name. */
const ORDINARY_ENDING =
  /(?:ive|ion|ions|ing|ed|ly|al|ance|ence|ity|ment|ments|ness|ous|ful|able|ible|ers|ors|ists|es|ts|ys|ics|ure|ary|ery)$/;

/**
 * Names: capitalised words mid-sentence ("Alibaba", "TSMC", "RISC-V", "U.S."), and a sentence's
 * first word when it looks like one (followed by 's, or without an ordinary word's ending:
 * "Tencent has…" but not "Competitive with…" or "Hackers stole…").
 */
export function names(text: string): Set<string> {
  const found = new Set<string>();
  // A spec sheet's field label ("Inference Performance: …", "Process Node: …") names no one.
  const body = text.replace(
    /^\s*(?:[A-Z][\p{L}-]*\s+){0,2}[A-Z][\p{L}-]*:\s|^\s*[A-Z][\p{L}-]*\s+[\p{L}-]+:\s/u,
    "",
  );
  for (const match of body.matchAll(/\b([A-Z][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+)*)(['’]s)?/gu)) {
    const name = match[1]!.toLowerCase();
    // "GB" in "640 GB/s", "TOPS" in "12 TOPS": units, not names.
    if (STOP_WORDS.has(name) || /\d\s?$/.test(body.slice(0, match.index))) continue;
    const startsSentence = match.index === 0 || /[.!?:;(“"—]\s*$/.test(body.slice(0, match.index));
    const looksOrdinary = !match[2] && !/[A-Z0-9-]/.test(match[1]!.slice(1)) && ORDINARY_ENDING.test(name);
    if (startsSentence && looksOrdinary) continue;
    found.add(name);
  }
  return found;
}

/** The initials of each run of capitalised words: "International Energy Agency" gives "iea". */
function initials(text: string): Set<string> {
  const found = new Set<string>();
  for (const run of text.matchAll(/\b[A-Z][\p{L}]+(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\p{L}]+)+/gu))
    found.add(
      run[0]
        .split(/\s+/)
        .filter((word) => /^[A-Z]/.test(word))
        .map((word) => word[0]!.toLowerCase())
        .join(""),
    );
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `name` is a word of a run of capitals in `text` whose initials `other` uses: "Tera" of "Tera Operations Per Second" against "TOPS". */
function spelledOut(text: string, name: string, other: string): boolean {
  for (const run of text.matchAll(/\b[A-Z][\p{L}]+(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\p{L}]+)+/gu)) {
    const words = run[0].split(/\s+/).filter((word) => /^[A-Z]/.test(word));
    const abbreviation = words.map((word) => word[0]!.toLowerCase()).join("");
    if (words.some((word) => word.toLowerCase() === name) && mentions(other, abbreviation)) return true;
  }
  return false;
}

/**
 * Whether `text` mentions `name`: as a word in any case, as the initials of its words, or as the
 * name's demonym ("China" in "a Chinese fab", "Korea" in "Korean memory", "Germany" in "German").
 */
function mentions(text: string, name: string): boolean {
  const forms = [name, ...demonyms(name)].map(escape).join("|");
  return (
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms})(?![\\p{L}\\p{N}])`, "iu").test(text) ||
    initials(text).has(name.replace(/\./g, ""))
  );
}

/** The adjectives a place name makes in English with the regular endings: China → Chinese, India → Indian. */
export function demonyms(name: string): string[] {
  if (!/^\p{L}{4,}$/u.test(name)) return [];
  const root = name.replace(/[aey]$/u, "");
  return [...new Set([`${name}n`, `${name}ese`, `${root}ese`, `${root}an`, `${root}ian`, root])].filter(
    (form) => form.length >= 4 && form !== name,
  );
}

/**
 * A name only one text mentions against a name only the other mentions ("Tencent" against
 * "Alibaba", "Samsung" against "TSMC"): likely another subject, so never the same claim.
 */
export function nameConflict(
  ours: string,
  theirs: string,
  ourNames: Set<string> = names(ours),
  theirNames: Set<string> = names(theirs),
): { ours: string; theirs: string } | null {
  const onlyOurs = [...ourNames].filter((name) => !mentions(theirs, name) && !spelledOut(ours, name, theirs));
  const onlyTheirs = [...theirNames].filter(
    (name) => !mentions(ours, name) && !spelledOut(theirs, name, ours),
  );
  return onlyOurs.length > 0 && onlyTheirs.length > 0
    ? { ours: asWritten(ours, onlyOurs[0]!), theirs: asWritten(theirs, onlyTheirs[0]!) }
    : null;
}

/** A name found by `names` (lower case) as the text writes it: "RISC-V", not "risc-v". */
export function asWritten(text: string, name: string): string {
  const found = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, "iu").exec(text);
  return found ? found[0] : name;
}

/** Dice's coefficient of two sets: 1 when equal, 0 when disjoint. */
export function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}
