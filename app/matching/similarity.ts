import { EVENT } from "../claims/vocabulary";
import { isCommonWord } from "../claims/entities";

/**
 * How much two claims say in the same words: content words (stop words and figures left out,
 * figures are compared as quantities), crudely stemmed, compared as sets. Pure and small: the
 * database's full-text index finds candidates, this orders them.
 */

export const STOP_WORDS = new Set(
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

/** A lower-case word joined to a name: "-based" of "Nvidia-based", not "-two" of "Twenty-two". */
const NAME_TAIL = /[-‑](?!(?:one|two|three|four|five|six|seven|eight|nine)\b)\p{Ll}[\p{L}\p{N}‑-]*$/u;

/** A name as found in a text: lower case, and where it starts. */
interface NameAt {
  name: string;
  index: number;
  /** Written with a possessive: "Alibaba’s". */
  possessive: boolean;
  /** The first word of a sentence (or of the text). */
  startsSentence: boolean;
}

/** The names of a text with where each stands (see `names`). */
function nameOccurrences(text: string): NameAt[] {
  const found: NameAt[] = [];
  // A spec sheet's field label ("Inference Performance: …", "Process Node: …") names no one.
  const body = text.replace(
    /^\s*(?:[A-Z][\p{L}-]*\s+){0,2}[A-Z][\p{L}-]*:\s|^\s*[A-Z][\p{L}-]*\s+[\p{L}-]+:\s/u,
    "",
  );
  const offset = text.length - body.length;
  for (const match of body.matchAll(/\b([A-Z][\p{L}\p{N}]*(?:[-‑.][\p{L}\p{N}]+)*)(['’]s)?/gu)) {
    // "RISC-V" and "RISC‑V" (U+2011) are one name; "Nvidia-based" and "AMD-compatible" are
    // "Nvidia" and "AMD" ("Twenty-two" stays whole).
    const name = match[1]!.replace(NAME_TAIL, "").toLowerCase();
    // "GB" in "640 GB/s", "TOPS" in "12 TOPS": units, not names.
    if (STOP_WORDS.has(name) || /\d\s?$/.test(body.slice(0, match.index))) continue;
    const startsSentence = match.index === 0 || /[.!?:;(“"—]\s*$/.test(body.slice(0, match.index));
    const looksOrdinary = !match[2] && !/[A-Z0-9-]/.test(match[1]!.slice(1)) && ORDINARY_ENDING.test(name);
    if (startsSentence && looksOrdinary) continue;
    // "Later, the company said…", "However, …": an opening word set off by a comma, which the
    // lexicon knows as an ordinary word, is no name ("Arm designs…" still is).
    if (startsSentence && !match[2] && body[match.index + match[0].length] === "," && isCommonWord(name))
      continue;
    found.push({ name, index: offset + match.index, possessive: Boolean(match[2]), startsSentence });
  }
  return found;
}

/**
 * Names: capitalised words mid-sentence ("Alibaba", "TSMC", "RISC-V", "U.S."), and a sentence's
 * first word when it looks like one (followed by 's, or without an ordinary word's ending:
 * "Tencent has…" but not "Competitive with…" or "Hackers stole…").
 */
export function names(text: string): Set<string> {
  return new Set(nameOccurrences(text).map((n) => n.name));
}

/**
 * Right before a name, words that make it what the claim is set against, not what it is about:
 * "competitive with mid-range Nvidia chips", "faster than the Nexa 5080", "reliance on U.S.
 * Nvidia technology", "besides Apple". One word may stand between ("an", "mid-range", "Apple’s").
 */
const COMPARED =
  /\b(?:than|versus|vs\.?|against|besides|unlike|instead of|to rival|rivals|rivall?(?:ing|ed)|challeng(?:e|es|ed|ing)|beat(?:s|ing)?|outperform(?:s|ed|ing)?|alternative to|(?:reliance|relies|rely|relying|dependence|dependent|depends?|depending) on|(?:compared|comparable|competitive|compete|competes|competing|par|level) (?:with|to|against)|(?:similar|equal|equivalent|close|superior|inferior) to|as [\p{L}-]+ as)\s+(?:[\p{L}\p{N}.’'-]+\s+)?$/iu;
/** Right before a name, a preposition: the name is an object ("outsourced to Taiwan’s TSMC"), not the subject. */
const OBJECT =
  /\b(?:to|from|in|at|by|on|for|with|into|onto|via|through|under|across|within|without|among|including)\s+(?:[\p{L}\p{N}.’'-]+\s+)?$/iu;
/** Capitalised words that are no one's name when a claim is about something: "AI chips", "the CEO", "Friday". */
const GENERIC = new Set(
  (
    "ai agi api apis asic cpu cpus gpu gpus npu tpu hpc oem odm nlp ml llm llms r&d ipo ceo cfo cto coo vp gdp " +
    "pc pcs tv sdk ram dram hbm ssd iot ev evs soc socs genai " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july " +
    "august september october november december"
  ).split(" "),
);
/** What a company has, after its name: "Nvidia stock dipped", "Apple shares rose", "Alibaba chips…". */
const OWNED =
  "stock|stocks|shares?|revenue|sales|profits?|earnings|chips?|processors?|cloud|division|unit|executives?|engineers|researchers|customers|users|devices|phones|laptops|servers|models?|platform|software|products?";
/**
 * After a sentence's first word, a word that says it is a subject and not an ordinary word
 * ("Tencent has…", "Qualcomm unveiled…", "Nvidia stock…").
 */
const SUBJECT_FOLLOWS = new RegExp(
  `^(?:has|have|had|is|was|are|were|will|would|can|could|may|might|must|should|did|does|now|also|still|just|today|on|claims?|says|said|reports?|expects?|estimates?|\\p{L}+ed|${EVENT.source}|${OWNED})$`,
  "iu",
);

/** How far into a claim its subject may stand: "has unveiled a new Alibaba AI chip". */
const SUBJECT_WITHIN_WORDS = 8;

/** A claim's names by role: what it is about, and what it is set against (see COMPARED). */
export interface NameRoles {
  /** Names in any other role. */
  main: Set<string>;
  /** Names only ever set against: "Nvidia" in "competitive with Nvidia's chips". */
  compared: Set<string>;
  /**
   * What the claim is about, if it names it: its first name within its first words that is
   * neither set against something, nor after a preposition, nor a common acronym or a day ("Alibaba" in "has
   * unveiled a new Alibaba AI chip"; none in "Competitive with mid-range Nvidia chips").
   */
  subject: string | null;
}

export function nameRoles(text: string): NameRoles {
  const main = new Set<string>();
  const compared = new Set<string>();
  let subject: string | null = null;
  for (const at of nameOccurrences(text)) {
    const before = text.slice(Math.max(0, at.index - 60), at.index);
    if (COMPARED.test(before)) {
      compared.add(at.name);
      continue;
    }
    main.add(at.name);
    // The subject comes early: "SEC" in "…, the company told the SEC" is not what a claim is about.
    if (
      subject !== null ||
      (text.slice(0, at.index).match(/\S+/gu) ?? []).length >= SUBJECT_WITHIN_WORDS ||
      at.name.length < 2 ||
      GENERIC.has(at.name) ||
      OBJECT.test(before) ||
      expandsAcronym(text, at.name)
    )
      continue;
    // "Data centres used…", "Mass production begins…": a sentence's first word is a subject only
    // with a possessive, a name's shape, a verb after it…
    const next = /^\S+\s+([\p{L}]+)/u.exec(text.slice(at.index))?.[1] ?? "";
    // …or more of a name ("Alibaba AI chip", "European Union negotiators").
    const shaped = /[A-Z0-9.-]/.test(text.slice(at.index + 1, at.index + at.name.length));
    if (
      at.startsSentence &&
      !at.possessive &&
      !shaped &&
      !/^\p{Lu}/u.test(next) &&
      !SUBJECT_FOLLOWS.test(next)
    )
      continue;
    subject = at.name;
  }
  for (const name of main) compared.delete(name);
  return { main, compared, subject };
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

/** Whether `name` is a word of a run of capitals spelling out an acronym `text` uses: "Tera" of "12 TOPS (Tera Operations Per Second)". */
function expandsAcronym(text: string, name: string): boolean {
  for (const run of text.matchAll(/\b[A-Z][\p{L}]+(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\p{L}]+)+/gu)) {
    const words = run[0].split(/\s+/).filter((word) => /^[A-Z]/.test(word));
    const abbreviation = words.map((word) => word[0]!).join("");
    if (
      words.some((word) => word.toLowerCase() === name) &&
      new RegExp(`(?<![\\p{L}\\p{N}])${abbreviation}(?![\\p{L}\\p{N}])`, "u").test(text)
    )
      return true;
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
    initialsOf(text).has(name.replace(/\./g, ""))
  );
}

/** The last text's initials, kept: one comparison asks of the same two texts for every name. */
let lastInitials: { text: string; found: Set<string> } | null = null;
function initialsOf(text: string): Set<string> {
  if (lastInitials?.text !== text) lastInitials = { text, found: initials(text) };
  return lastInitials.found;
}

/** The adjectives a place name makes in English with the regular endings: China → Chinese, India → Indian. */
export function demonyms(name: string): string[] {
  if (!/^\p{L}{4,}$/u.test(name)) return [];
  const root = name.replace(/[aey]$/u, "");
  return [...new Set([`${name}n`, `${name}ese`, `${root}ese`, `${root}an`, `${root}ian`, root])].filter(
    (form) => form.length >= 4 && form !== name,
  );
}

/** What a claim's article is about: its subject as written ("Alibaba"), and its title, where the subject is known. */
export interface About {
  subject: string;
  title: string;
}

/** Two claims' names that tell them apart: the subjects when they differ, else another name. */
export interface NameConflict {
  ours: string;
  theirs: string;
  /**
   * "subject": what the claims are about differs ("Qualcomm" against "Alibaba"); "swap": one
   * name stands where the other stands ("outsourced to Taiwan’s TSMC" against "to South Korea’s
   * Samsung"); "other": names only one mentions, elsewhere ("a Chinese fab" against "custom
   * RISC-V architecture"), which keep the two from being the same claim but name no difference.
   */
  kind: "subject" | "swap" | "other";
}

/** The ordinary words around a name, names, possessives and articles skipped: its slot in the sentence. */
function slot(text: string, name: string): { before: string; after: string } {
  const found = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, "iu").exec(text);
  if (!found) return { before: "", after: "" };
  const ordinary = (word: string) => /^\p{Ll}/u.test(word) && !/^(?:a|an|the)$/.test(word);
  const words = (part: string) => part.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const before = words(text.slice(0, found.index)).reverse().find(ordinary) ?? "";
  const after = words(text.slice(found.index + found[0].length).replace(/^['’]s/u, "")).find(ordinary) ?? "";
  return { before: before.toLowerCase(), after: after.toLowerCase() };
}

type Slot = ReturnType<typeof slot>;

/** Whether two names stand in the same place in their texts: the same word before them or after them. */
const sameSlot = (a: Slot, b: Slot) =>
  (a.before !== "" && a.before === b.before) || (a.after !== "" && a.after === b.after);

/** How many of a claim's names, in order, are weighed against the other claim's. */
const MAX_NAMES_WEIGHED = 20;

/**
 * Of a text's first names in a role, those the other text neither mentions nor spells out, and
 * that are not what the other is about (through its article).
 */
const namesOnlyIn = (
  text: string,
  names: Set<string>,
  other: string,
  otherSubjects: Array<{ name: string }>,
) =>
  [...names]
    .slice(0, MAX_NAMES_WEIGHED)
    .filter(
      (name) =>
        !mentions(other, name) &&
        !spelledOut(text, name, other) &&
        !otherSubjects.some((s) => s.name === name),
    );

/**
 * The name that tells two claims apart, if any. First their subjects: what each is about, as it
 * names it and as its article is about (`about`, as written: "Alibaba" for the seed's "Competitive
 * with mid-range Nvidia inference chips"), when the two share none and neither text mentions the
 * other's, or mentions it only as what it is compared with ("Nvidia's chips reach 12 TOPS" is
 * about another subject than that claim). Else a name only one text mentions against a name only
 * the other mentions, in the same role ("Samsung" against "TSMC" as the foundry, "Apple" against
 * "Qualcomm" after "besides"): a name one claim is set against ("competitive with Nvidia") never
 * conflicts with the other's subject by itself, and a name both mention, in any role, conflicts
 * with nothing.
 */
export function nameConflict(
  ours: string,
  theirs: string,
  ourRoles: NameRoles = nameRoles(ours),
  theirRoles: NameRoles = nameRoles(theirs),
  about: { ours?: About | null; theirs?: About | null } = {},
): NameConflict | null {
  // What a claim is about: the subject it names (as the text writes it), and its article's.
  const subject = (text: string, roles: NameRoles) =>
    roles.subject !== null ? { name: roles.subject, written: asWritten(text, roles.subject) } : null;
  const article = (of?: About | null) =>
    of ? { name: of.subject.toLowerCase(), written: of.subject } : null;
  const [ourOwn, theirOwn] = [subject(ours, ourRoles), subject(theirs, theirRoles)];
  const [ourArticle, theirArticle] = [article(about.ours), article(about.theirs)];
  const ourSubjects = [ourOwn, ourArticle].filter((s) => s !== null);
  const theirSubjects = [theirOwn, theirArticle].filter((s) => s !== null);
  // Two subjects named are compared as named; a claim naming none stands for its article's, and
  // then the other claim's article counts too ("RISC-V" in an article about Alibaba is not
  // another subject than Alibaba's).
  const [ourSide, theirSide] = ourOwn && theirOwn ? [[ourOwn], [theirOwn]] : [ourSubjects, theirSubjects];
  // Whether the other text names one of a side's subjects: at all, or in another role than what
  // it is set against ("Nvidia" of "competitive with mid-range Nvidia chips" is what that claim
  // compares its subject with, not what it is about).
  const named = (side: typeof ourSide, text: string, own: string, roles: NameRoles, asSubject: boolean) =>
    side.some(
      (s) =>
        (mentions(text, s.name) && !(asSubject && roles.compared.has(s.name))) ||
        spelledOut(own, s.name, text),
    );
  // A subject the other claim only compares with is not its subject ("Nvidia's mid-range chips
  // reach 12 TOPS" against "…competitive with mid-range Nvidia inference chips"), unless the other
  // claim's subject is named here in turn: two claims that name each other's subject as the point
  // of comparison ("A rivals B", "B is rivalled by A") may say the same.
  const ourNamed = (asSubject: boolean) => named(ourSide, theirs, ours, theirRoles, asSubject);
  const theirNamed = (asSubject: boolean) => named(theirSide, ours, theirs, ourRoles, asSubject);
  const apart = (!ourNamed(true) && !theirNamed(false)) || (!ourNamed(false) && !theirNamed(true));
  // A claim naming no subject, in an article about none known, is about something other than
  // what it compares with: the other claim's subject, if it is only that, is no shared name.
  const unnamed = (side: typeof ourSide, roles: NameRoles) => side.find((s) => roles.compared.has(s.name));
  if (ourSide.length > 0 && theirSide.length === 0 && unnamed(ourSide, theirRoles))
    return {
      ours: ourSide[0]!.written,
      theirs: asWritten(theirs, unnamed(ourSide, theirRoles)!.name),
      kind: "other",
    };
  if (theirSide.length > 0 && ourSide.length === 0 && unnamed(theirSide, ourRoles))
    return {
      ours: asWritten(ours, unnamed(theirSide, ourRoles)!.name),
      theirs: theirSide[0]!.written,
      kind: "other",
    };
  if (
    ourSide.length > 0 &&
    theirSide.length > 0 &&
    !ourSide.some((a) => theirSide.some((b) => a.name === b.name)) &&
    apart &&
    // A subject named against the other's article: "Helix X2 laptops…" is no other subject than
    // an article about "Orbitek launches the Helix X2…". Unless the other claim names it only as
    // what it is compared with: "The Bold Nvidia Alternative" is a title about Alibaba's chip.
    !(ourOwn && !theirOwn && theirArticle && inTitle(about.theirs!.title, ourOwn.name, theirRoles)) &&
    !(theirOwn && !ourOwn && ourArticle && inTitle(about.ours!.title, theirOwn.name, ourRoles))
  )
    return { ours: ourSide[0]!.written, theirs: theirSide[0]!.written, kind: "subject" };
  for (const role of ["main", "compared"] as const) {
    // A name the other claim is about, through its article, is no other name either. A claim's
    // first names are weighed, a bounded number: each costs a look through both texts.
    const onlyOurs = namesOnlyIn(ours, ourRoles[role], theirs, theirSubjects);
    const onlyTheirs = namesOnlyIn(theirs, theirRoles[role], ours, ourSubjects);
    if (onlyOurs.length === 0 || onlyTheirs.length === 0) continue;
    // Where one of the two is what its claim is about, or they stand in the same place, the one
    // replaces the other ("Netherlands" against "Ireland", "Samsung" against "TSMC").
    const ourSlots = new Map(onlyOurs.map((name) => [name, slot(ours, name)]));
    const theirSlots = new Map(onlyTheirs.map((name) => [name, slot(theirs, name)]));
    for (const a of onlyOurs)
      for (const b of onlyTheirs)
        if (
          a === ourRoles.subject ||
          b === theirRoles.subject ||
          sameSlot(ourSlots.get(a)!, theirSlots.get(b)!)
        )
          return { ours: asWritten(ours, a), theirs: asWritten(theirs, b), kind: "swap" };
    return { ours: asWritten(ours, onlyOurs[0]!), theirs: asWritten(theirs, onlyTheirs[0]!), kind: "other" };
  }
  return null;
}

/** Whether an article's title names a claim's subject, which the article's claim does not set against anything. */
const inTitle = (title: string, name: string, claimRoles: NameRoles) =>
  mentions(title, name) && !claimRoles.compared.has(name);

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
