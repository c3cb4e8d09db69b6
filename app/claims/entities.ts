/**
 * Named entities and figures in a sentence, typed: who (a person, an organisation), where (a
 * place), what (a product), when (a date or period) and how much (a quantity, money, a percent).
 * Check-worthiness reasons name them ("Names a person (“Chen Hao”)"), and `extract` prints them.
 *
 * Names are typed with compromise's lexicon (its given names and surnames, cities, countries,
 * regions and organisations, and the part of speech of common words); its tagger is not run,
 * because it costs ~3 ms a sentence (docs/decisions/022-entities.md). The guards around it are
 * ours: headline capitals, datelines, spec-sheet labels, acronym expansions and common
 * acronyms ("AI", "GPUs") are never entities, and a capitalised first word is a name only when
 * the lexicon or the document says so.
 */
import nlp from "compromise/two";
import { allMatches, lettersAreAscii, pick, twins, type Twins } from "./patterns";
import { meter } from "./meter";
import { COMMON_CAPITALISED, PERSON_ROLES } from "./vocabulary";

export const ENTITY_TYPES = [
  "person",
  "organization",
  "place",
  "product",
  "date",
  "quantity",
  "money",
  "percent",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type NameType = Extract<EntityType, "person" | "organization" | "place" | "product">;

export interface Entity {
  text: string;
  type: EntityType;
  /** Offsets into the text `entities` was given (UTF-16 indices, end exclusive). */
  start: number;
  end: number;
}

type LexiconEntry = string | string[] | undefined;
let lexicon: Record<string, LexiconEntry> | undefined;

/**
 * compromise's lexicon, read on first use: nothing runs when the module loads, so a browser
 * bundle that imports the claims engine for something else leaves compromise out.
 */
function lexiconEntry(words: string): LexiconEntry {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, LexiconEntry> } }).one.lexicon;
  return lexicon[words];
}

const TAGS_SEEN = new Map<string, readonly string[]>();
/** Longer phrases are looked up each time: the caches hold at most 50,000 short keys, not text. */
const MAX_REMEMBERED = 64;

/** compromise's tags for a lower-case word or phrase (remembered: words recur). */
export function tagsOf(words: string): readonly string[] {
  let tags = TAGS_SEEN.get(words);
  if (tags !== undefined) return tags;
  const entry = lexiconEntry(words);
  tags = entry ? (Array.isArray(entry) ? entry : [entry]).flatMap((t) => t.split(",")) : [];
  if (words.length <= MAX_REMEMBERED) {
    if (TAGS_SEEN.size >= 50_000) TAGS_SEEN.clear();
    TAGS_SEEN.set(words, tags);
  }
  return tags;
}

const PERSON_TAGS = new Set(["Person", "FirstName", "MaleName", "FemaleName", "LastName", "Honorific"]);
const GIVEN_NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);
const PLACE_TAGS = new Set(["Place", "City", "Country", "Region", "Address"]);
const ORGANIZATION_TAGS = new Set(["Organization", "SportsTeam"]);
/** A word the lexicon knows as something other than a name: "Enables", "HAS", "Initial". */
const NAME_TAGS = new Set([...PERSON_TAGS, ...PLACE_TAGS, ...ORGANIZATION_TAGS, "ProperNoun", "Acronym"]);

const TYPES_SEEN = new Map<string, NameType | "common" | null>();

/** What compromise's lexicon says a word or phrase is (remembered: names recur). */
function lexiconType(words: string): NameType | "common" | null {
  // Remembered as written: most words recur spelt alike, and then need no lower-casing.
  let type = TYPES_SEEN.get(words);
  if (type !== undefined) return type;
  type = typeFromTags(tagsOf(words.toLowerCase()));
  if (words.length <= MAX_REMEMBERED) {
    if (TYPES_SEEN.size >= 50_000) TYPES_SEEN.clear();
    TYPES_SEEN.set(words, type);
  }
  return type;
}

/** Whether compromise's lexicon knows a word as a common one ("chip", "how"), not a name. */
export const isCommonWord = (word: string): boolean => lexiconType(word) === "common";

function typeFromTags(tags: readonly string[]): NameType | "common" | null {
  if (tags.length === 0) return null;
  if (tags.some((t) => ORGANIZATION_TAGS.has(t))) return "organization";
  if (tags.some((t) => PLACE_TAGS.has(t))) return "place";
  if (tags.some((t) => PERSON_TAGS.has(t))) return "person";
  return tags.some((t) => NAME_TAGS.has(t)) ? null : "common";
}

/** Acronyms of common nouns: "AI chips", "GPUs", "the CEO" name nothing. */
const COMMON_ACRONYMS = new Set(
  (
    "AI AGI API APIs ASIC ASICs CPU CPUs GPU GPUs NPU NPUs TPU TPUs HPC OEM OEMs ODM ODMs NLP ML LLM LLMs " +
    "R&D IPO CEO CFO CTO COO VP GDP PC PCs TV SDK SDKs RAM DRAM HBM SSD IoT EV EVs SoC SoCs FAQ FAQs Q&A " +
    "PR HR IT UI UX URL PDF AR VR XR GenAI"
  ).split(" "),
);
/** Places the lexicon spells without dots. */
const PLACE_ABBREVIATIONS = new Set(["U.S.", "US", "USA", "U.S.A.", "U.K.", "UK", "EU", "UAE"]);
const ORGANIZATION_SUFFIX =
  /^(?:Inc|Corp|Corporation|Ltd|LLC|GmbH|AG|SA|Co|Group|Holdings|Research|Institute|University|Ministry|Agency|Association|Council|Commission|Bank|Labs?|Technologies|Semiconductor|Capital|Partners|Intelligence|Insights|Foundation|Systems|Electronics|Motors)\.?$/u;
/**
 * Last words of companies' names that neither the pattern above nor compromise's organisation
 * words hold, and that no given name or surname is: "Nimbus Silicon", "Nimbus Microsystems". As a
 * name's last word only: "Silicon Valley" is no company.
 */
const ORGANIZATION_LAST_WORD =
  /^(?:Silicon|Semiconductors|Microsystems|Microelectronics|Micro|Biotech|Pharma|Aerospace|Telecom|Instruments|Foundry|Foundries|Compute)$/u;
/** A noun right after a name that says the name is a product: "Xuantie CPUs", "Hanguang chip". */
const PRODUCT_NOUN =
  /^\s(?:chips?|processors?|GPUs?|CPUs?|NPUs?|accelerators?|models?|phones?|smartphones?|laptops?|cards?|servers?|platform|architecture|series|app|software|engine)\b/u;
/** A title or role right before a name: "chief executive Priya Raman", "analyst Chen Hao". */
const PERSON_CUE =
  /(?:\b(?:chief executive|executive|officer|CEO|CFO|CTO|COO|president|chairman|chairwoman|director|analyst|spokesperson|spokesman|spokeswoman|founder|minister|senator|professor|researcher)|\b(?:Mr|Ms|Mrs|Dr|Prof)\.?)\s$/u;
/** The last word of a law's name: a law is none of the entity types. */
const LEGISLATION = /^(?:Act|Law|Directive|Regulation|Treaty|Bill)$/u;
/** The small words inside an organisation's name: "Securities and Exchange Commission", "Bank of America". */
const NAME_JOINER = /^ (?:and|of|for|&) $/u;

/** A noun right after a name that says the name is an organisation: "Cloud Intelligence division". */
const ORGANIZATION_NOUN = /^\s(?:division|unit|team|subsidiary|arm|lab|labs|group|board)\b/u;

/**
 * Words that can be (part of) a name: capitalised ("Alibaba’s", "RISC-V", "R&D", "U.S.", "H20")
 * or CamelCase ("iPhone"), with the marks words carry inside them.
 */
const NAME_SHAPED = twins(
  /(?<![\p{L}\p{N}])(?:(?:\p{Lu}\.){2,}|(?:\p{Lu}|\p{Ll}+\p{Lu})[\p{L}\p{N}]*(?:[’'‑\-&.][\p{L}\p{N}]+)*)/gu,
);
const ACRONYM = twins(/^(?:\p{Lu}{2,}s?|(?:\p{Lu}\.){2,}|\p{Lu}+&\p{Lu}+)$/u);
const HAS_DIGIT = twins(/\p{N}/u);
const CAMEL_CASE = twins(/^\p{L}+\p{Ll}\p{Lu}/u);
const PRODUCT_SHAPE = twins(
  /^(?:\p{Ll}+\p{Lu}\p{L}*|\p{Lu}+[‑-]\p{Lu}\p{N}*|.*\p{L}.*\p{N}.*|.*\p{N}.*\p{L}.*)$/u,
);
/** "Alibaba’s", "Nvidia-based", "AI-driven": the name is the word without its possessive or lower-case tail. */
const NAME_TAIL = twins(/['’]s$|[‑-]\p{Ll}[\p{L}‑-]*$/u);
/** A model number after a name: "Hanguang 800", "Xeon 6" (not a year, not a figure with a unit). */
const MODEL_NUMBER = /^ (?!(?:19|20)\d{2}\b)\d{1,4}[A-Za-z]?(?![\p{L}\p{N}%]|[.,]\d)/u;
/**
 * "SAN JOSE: ", "BEIJING — ", "ST. LOUIS, Mo. — ": a dateline at the start of a sentence. Words
 * hold letters and dots, separators only spaces and commas, so a dot is never both (with both,
 * "AB.C.D.E…" took exponential time to refuse).
 */
const DATELINE = twins(/^[\s"“]*(\p{Lu}\p{L}+\.?(?:[\s,]+\p{Lu}[\p{L}.]*){0,6})\s*(:|—|–|--?)\s/u);
/** The dateline the text opens with, if any: a capitalised place before a dash, or before a colon. */
function dateline(text: string, ascii = lettersAreAscii(text)): RegExpExecArray | null {
  const m = pick(DATELINE, ascii).exec(text);
  if (!m) return null;
  const shouted = !/\p{Ll}/u.test(m[1]!);
  if (shouted && m[2] !== ":") return m;
  // "BEIJING: …", "Brussels — …": a place; "CPU: 12 cores" and "Alibaba — the company" are not datelines.
  const place = m[1]!.toLowerCase().replace(/[.,]+/gu, " ").trim();
  return lexiconType(place) === "place" || lexiconType(place.split(/\s+/u)[0]!) === "place" ? m : null;
}
export const isDateline = (text: string) => dateline(text) !== null;
/** "Process Node: 5nm technology": the label of a spec line. */
const SPEC_LABEL = twins(/^[\s"“]*(?:\p{Lu}[\p{L}/-]*)(?:\s\p{Lu}?[\p{L}/-]*){0,2}:\s/u);

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const NUMBER = String.raw`[+−-]?\d(?:[\d,]*\d)?(?:\.\d+)?`;
const WORD_NUMBER = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few";
const SCALE = "thousand|million|billion|trillion|bn|m|k";
/** "eight CPU cores", "Twenty-two rivals": a count in words before the plural it counts ("one" is too often no count). */
const COUNT_WORD = (() => {
  const units = "two|three|four|five|six|seven|eight|nine";
  const words = `${units}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety`;
  const both = words.split("|").flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]);
  return String.raw`\b(?:${both.join("|")})(?:[‑-](?:one|${units}))?(?=\s(?:[\p{L}-]+\s)?(?!(?:was|has|does|its|this|his|thus|plus|less|unless|across|always|perhaps|whereas)\b)(?:[\p{L}-]{2,}s|people)\b)`;
})();
const CALENDAR_NAME = new RegExp(`^(?:${MONTHS}|${WEEKDAYS})$`);

/** Figures and dates in the order they are tried: money before percent before dates before quantities. */
const FIGURE_PATTERNS: ReadonlyArray<[Exclude<EntityType, NameType>, Twins]> = (
  [
    [
      "money",
      new RegExp(
        String.raw`(?:US|HK|A|C)?[$€£¥]\s?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:${SCALE})\b)?|\b${NUMBER}\s?(?:${SCALE})?\s?(?:dollars?|euros?|yuan|renminbi|pounds|USD|EUR|RMB|CNY)\b`,
        "gu",
      ),
    ],
    [
      "percent",
      new RegExp(
        String.raw`(?<![\p{L}\p{N}])${NUMBER}(?:\s?(?:%|percent|per cent))?\s?[–-]\s?${NUMBER}\s?(?:%|percent|per cent)|(?<![\p{L}\p{N}])${NUMBER}\s?(?:%|percent\b|per cent\b)`,
        "gu",
      ),
    ],
    [
      "date",
      new RegExp(
        String.raw`\b(?:(?:${MONTHS})(?:\s\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s(?:19|20)\d{2})?|\d{1,2}\s(?:${MONTHS})(?:\s(?:19|20)\d{2})?|(?:${WEEKDAYS})|Q[1-4]\s?(?:19|20)\d{2}|(?:19|20)\d{2}(?:\s?(?:Q[1-4]|H[12]))?|(?:(?:last|next|this|previous|past|coming)\s(?:(?:${WORD_NUMBER}|\d+)[\s‑-])?|(?:${WORD_NUMBER}|\d+)[\s‑-])(?:years?|quarters?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)|(?:early|mid|late)[‑-]?(?:19|20)\d{2}s?)\b`,
        "gu",
      ),
    ],
    [
      "quantity",
      new RegExp(
        String.raw`(?<![\p{L}\p{N}])${NUMBER}\s?(?:(?:${SCALE})\s)?(?:nm|GB\/s|TB\/s|MB\/s|Gbps|TOPS|TFLOPS|PFLOPS|FLOPS|GHz|MHz|kHz|GB|TB|MB|KB|kW|MW|GW|W|watts?|mm|cm|km|kg|x|×|times|units|users|customers|employees|people|cores|chips|devices|servers|records|accounts|(?:${SCALE}))(?![\p{L}\p{N}])|\b(?:${WORD_NUMBER})\stimes\b|\b(?:doubled|tripled|halved|quadrupled|twice)\b|${COUNT_WORD}`,
        "gu",
      ),
    ],
  ] as const
).map(([type, pattern]) => [type, twins(pattern)]);
/** A number standing alone ("Top 10", "sold 400"): a quantity, once names have taken model numbers. */
const BARE_NUMBER = twins(/(?<![\p{L}\p{N}.,])[+−-]?\d[\d,]*(?:\.\d+)?(?![\p{L}\p{N}])/gu);

interface Token {
  text: string;
  start: number;
  end: number;
  /** A capitalised first word that names something only if more of the name follows. */
  tentative?: boolean;
}

/**
 * The entities of `text` in order of position. `known` holds the names the document establishes
 * (`knownNames` in detect.ts): a capitalised first word is a name when it is one of them.
 */
export function entities(text: string, known: ReadonlySet<string> = new Set()): Entity[] {
  meter.steps += text.length;
  const found = new Found(text.length);
  const ascii = lettersAreAscii(text);
  const hasDigit = pick(HAS_DIGIT, ascii).test(text);
  for (const [type, pattern] of FIGURE_PATTERNS) {
    if (!hasDigit && type !== "date" && type !== "quantity") continue;
    for (const m of allMatches(pick(pattern, ascii), text)) {
      const end = m.index + m[0].trimEnd().length;
      if (end > m.index && found.isFree(m.index, end))
        found.add({ text: text.slice(m.index, end), type, start: m.index, end });
    }
  }
  nameRuns(text, known, found, ascii);
  if (hasDigit)
    for (const m of allMatches(pick(BARE_NUMBER, ascii), text))
      if (found.isFree(m.index, m.index + m[0].length))
        found.add({ text: m[0], type: "quantity", start: m.index, end: m.index + m[0].length });
  return found.list.sort((a, b) => a.start - b.start);
}

/**
 * The entities found so far in a text, and the characters they cover: whether a span is free is
 * read from the characters it spans, not from every entity found (a sentence of thousands of
 * names made that quadratic).
 */
class Found {
  readonly list: Entity[] = [];
  private readonly covered: Uint8Array;
  constructor(length: number) {
    this.covered = new Uint8Array(length);
  }
  /** Whether [start, end) overlaps none of the entities found so far. */
  isFree(start: number, end: number): boolean {
    meter.steps += end - start;
    for (let i = start; i < end; i++) if (this.covered[i]) return false;
    return true;
  }
  add(entity: Entity): void {
    this.list.push(entity);
    this.covered.fill(1, entity.start, entity.end);
  }
}

/** Where the statement starts: past a dateline, a spec label, a list marker or opening quotes. */
function statementStart(text: string, ascii: boolean): number {
  const opening = dateline(text, ascii) ?? pick(SPEC_LABEL, ascii).exec(text);
  return opening ? opening[0].length : 0;
}

/** Index of the first letter or digit at or after `from`: where the statement's first word starts. */
function firstWordAt(text: string, from: number): number {
  LETTER_OR_DIGIT.lastIndex = from;
  return LETTER_OR_DIGIT.exec(text)?.index ?? -1;
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** Adds the names of `text` to `found`, which holds its figures and dates. */
function nameRuns(text: string, known: ReadonlySet<string>, found: Found, ascii: boolean): void {
  const statementAt = statementStart(text, ascii);
  const firstAt = firstWordAt(text, statementAt);
  const words: Token[] = [];
  for (const m of allMatches(pick(NAME_SHAPED, ascii), text)) {
    if (m.index >= statementAt) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  if (words.length === 0) return;
  const shouted = words.filter(
    (w) => pick(SHOUTED, ascii).test(w.text) && !COMMON_ACRONYMS.has(w.text),
  ).length;
  // A headline needs at least three words, half of them shouted: with fewer than two, it is none.
  const headline = shouted >= 2 && isHeadline(text.slice(statementAt), ascii);
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const word of words) {
    const first = word.start === firstAt || opensSentence(text, word.start);
    const name = nameWord(word, first, headline, known, ascii);
    const previous = run.at(-1);
    const alone = name !== null && PLACE_ABBREVIATIONS.has(name.text);
    const joins =
      name !== null && previous !== undefined && !alone && text.slice(previous.end, name.start) === " ";
    if (!joins && run.length > 0) {
      runs.push(run);
      run = [];
    }
    if (!name || !found.isFree(name.start, name.end)) continue;
    run.push(name);
    if (alone || name.end < word.end) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  for (const r of joinOrganisationNames(text, runs))
    if (
      !(r.length === 1 && r[0]!.tentative) &&
      !isAcronymExpansion(text, r) &&
      !isDemonym(r) &&
      !LEGISLATION.test(r.at(-1)!.text)
    )
      found.add(typedRun(text, r, found, ascii));
}

/** Runs joined by "and", "of", "for" or "&" into one when the whole is an organisation's name. */
function joinOrganisationNames(text: string, runs: Token[][]): Token[][] {
  const joined: Token[][] = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    if (
      previous &&
      NAME_JOINER.test(text.slice(previous.at(-1)!.end, run[0]!.start)) &&
      ORGANIZATION_SUFFIX.test(run.at(-1)!.text)
    )
      joined[joined.length - 1] = [...previous, ...run];
    else joined.push(run);
  }
  return joined;
}

/** Whether a word at `at` follows the end of a sentence: a span can hold several ("… 12 TOPS. Competitive with …"). */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\n")) i--;
  while (i >= 0 && /["”’)]/u.test(text[i]!)) i--;
  return i < at - 1 && i >= 0 && /[.!?…:]/u.test(text[i]!);
}

/** Mostly capitals: a shouted headline, whose capitals say nothing about names. */
function isHeadline(text: string, ascii: boolean): boolean {
  const letters = text.match(pick(LETTER_WORDS, ascii)) ?? [];
  const shouted = letters.filter((w) => pick(SHOUTED, ascii).test(w) && !COMMON_ACRONYMS.has(w));
  return letters.length >= 3 && shouted.length / letters.length >= 0.5;
}
const LETTER_WORDS = twins(/\p{L}[\p{L}\p{N}]*/gu);
const SHOUTED = twins(/^\p{Lu}{2,}$/u);

/**
 * The part of a word that belongs to a name, or null: a capitalised word that is not a common
 * word at the start of the statement, not a headline capital, not a common acronym.
 */
function nameWord(
  word: Token,
  first: boolean,
  headline: boolean,
  known: ReadonlySet<string>,
  ascii: boolean,
): Token | null {
  let text = word.text;
  if (COMMON_CAPITALISED.has(text)) return null;
  if (pick(NAME_TAIL, ascii).test(text)) text = text.replace(NAME_TAIL.unicode, "");
  if (text.endsWith(".") && !pick(ACRONYM, ascii).test(text)) text = text.slice(0, -1);
  if (text.length < 2) return null;
  if (COMMON_CAPITALISED.has(text) || COMMON_ACRONYMS.has(text) || CALENDAR_NAME.test(text)) return null;
  if (PLACE_ABBREVIATIONS.has(text)) return { text, start: word.start, end: word.start + text.length };
  const lexicon = lexiconType(text);
  if (
    pick(SHOUTED, ascii).test(text) &&
    (headline || lexicon === "common") &&
    lexicon !== "organization" &&
    lexicon !== "place"
  )
    return null;
  if (first) {
    const selfEvident =
      pick(ACRONYM, ascii).test(text) ||
      pick(CAMEL_CASE, ascii).test(text) ||
      pick(PRODUCT_SHAPE, ascii).test(text);
    const byLexicon = lexicon !== null && lexicon !== "common";
    // "European Union negotiators": a demonym may open a name; other common words do not.
    const demonym = tagsOf(text.toLowerCase()).includes("Demonym");
    if (lexicon === "common" && !demonym) return null;
    // An unknown first word is a name only as part of a longer one: "Acme Corp. said", "Chen Hao said".
    const tentative = demonym || !(selfEvident || byLexicon || known.has(text));
    return { text, start: word.start, end: word.start + text.length, tentative };
  }
  return { text, start: word.start, end: word.start + text.length };
}

/** "Chinese", "European" alone describe; "European Parliament" names. */
const isDemonym = (run: Token[]) =>
  run.length === 1 && tagsOf(run[0]!.text.toLowerCase()).includes("Demonym");

/** "TOPS (Tera Operations Per Second)": the words an acronym stands for are not a name. */
function isAcronymExpansion(text: string, run: Token[]): boolean {
  if (text[run[0]!.start - 1] !== "(") return false;
  const before = /(\p{Lu}{2,})s?\s?\($/u.exec(text.slice(Math.max(0, run[0]!.start - 12), run[0]!.start));
  if (!before) return false;
  const initials = run.map((w) => w.text[0]).join("");
  return initials.toUpperCase() === before[1]!.toUpperCase();
}

function typedRun(text: string, run: Token[], found: Found, ascii: boolean): Entity {
  const start = run[0]!.start;
  let end = run.at(-1)!.end;
  const model = MODEL_NUMBER.exec(text.slice(end, end + 8));
  const withModel = model && found.isFree(end, end + model[0].length) ? end + model[0].length : end;
  const type = runType(text, run, withModel > end, ascii);
  end = withModel;
  return { text: text.slice(start, end), type, start, end };
}

function runType(text: string, run: Token[], hasModelNumber: boolean, ascii: boolean): NameType {
  const words = run.map((w) => w.text);
  const phrase = words.join(" ");
  const after = text.slice(run.at(-1)!.end, run.at(-1)!.end + 16);
  if (PLACE_ABBREVIATIONS.has(phrase)) return "place";
  if (
    words.length > 1 &&
    (words.some((w) => ORGANIZATION_SUFFIX.test(w)) || ORGANIZATION_LAST_WORD.test(words.at(-1)!))
  )
    return "organization";
  if (words.length === 1 && saysPlace(words[0]!, text, run[0]!.start)) return "place";
  const whole = lexiconType(phrase);
  if (whole && whole !== "common") return whole;
  if (
    words.length > 1 &&
    words.slice(0, -1).every((w) => COMPASS.test(w)) &&
    lexiconType(words.at(-1)!) === "place"
  )
    return "place";
  if (hasModelNumber || words.some((w) => pick(PRODUCT_SHAPE, ascii).test(w))) return "product";
  if (PRODUCT_NOUN.test(after)) return "product";
  if (ORGANIZATION_NOUN.test(after)) return "organization";
  if (isPerson(words, ascii)) return "person";
  const before = text.slice(Math.max(0, run[0]!.start - 20), run[0]!.start);
  if (words.length >= 2 && words.length <= 3 && PERSON_CUE.test(before)) return "person";
  if (introducedAsPerson(text, run, ascii)) return "person";
  if (words.length === 1) {
    const single = lexiconType(words[0]!);
    if (single === "place" || single === "organization") return single;
  }
  if (followsOrganisationPossessive(text, run[0]!.start, ascii)) return "product";
  return "organization";
}

/**
 * "Maria Chen, an analyst at Omdia, …", "Priya Raman, chief executive of Acme, …": a name set off
 * by a comma and a role, up to three words before it ("a senior Bernstein analyst") and the
 * role ending the phrase ("an analyst firm" is no role).
 */
const PERSON_APPOSITIVE = new RegExp(
  String.raw`^,\s(?:(?:a|an|the|its|their)\s)?(?:[\p{L}’'-]+\s){0,3}?(?:${PERSON_ROLES})(?=\s(?:at|of|for|with|in|on)\b|[,.;]|$)`,
  "u",
);
/** Reported speech right after a name ("Priya Raman said") or right before it ("…, said Priya Raman"). */
const SPEECH_AFTER = /^\s(?:said|says|told|added|noted|wrote|argued|explained|warned)\b/u;
const SPEECH_BEFORE = /\b(?:said|says|added|noted|wrote|argued|explained|warned)\s$/u;
/** A given name or surname as written: "Chen", "O’Neil", "Jean-Luc"; no acronym, no CamelCase. */
const NAME_PART = twins(/^\p{Lu}\p{Ll}+(?:[’'-]\p{Lu}?\p{Ll}+)?$/u);

/**
 * A name the lexicon does not know, introduced as a person's: set off by a role ("Kofi Mensah,
 * an analyst at Omdia"), or two or three name-shaped words the lexicon knows as nothing else
 * next to reported speech ("Priya Raman said"; "Alibaba Cloud said" names a common word, so it
 * stays an organisation).
 */
function introducedAsPerson(text: string, run: Token[], ascii: boolean): boolean {
  if (run.length < 2 || run.length > 3) return false;
  if (!run.every((w) => pick(NAME_PART, ascii).test(w.text))) return false;
  const end = run.at(-1)!.end;
  if (PERSON_APPOSITIVE.test(text.slice(end, end + 80))) return true;
  const start = run[0]!.start;
  if (
    !SPEECH_AFTER.test(text.slice(end, end + 12)) &&
    !SPEECH_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  )
    return false;
  return !run.some((w) => readsAsOrdinaryWord(w.text.toLowerCase()));
}

/** Endings of common nouns the lexicon leaves to its rules: "Robotics", "Software", "Solutions". */
const COMMON_NOUN_ENDING = /(?:ics|ware|tion|sion|ment|ness|ity|ogy)$/u;

type Guesses = {
  suffixPatterns: Array<Record<string, string> | undefined>;
  orgWords: Record<string, unknown>;
};
let guesses: Guesses | undefined;

/**
 * Whether compromise knows a word, its singular or its verb as anything but a person's name, as
 * a word of organisations' names, or would guess it a plural or an -ing form from its ending:
 * "Cloud", "Industries", "Systems", "Devices", "Computing", "Robotics".
 */
function readsAsOrdinaryWord(word: string): boolean {
  if (COMMON_NOUN_ENDING.test(word)) return true;
  guesses ??= (nlp.model() as { two: Guesses }).two;
  if (guesses.orgWords[word]) return true;
  const forms = [word];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  else if (word.endsWith("s")) forms.push(word.slice(0, -1), word.slice(0, -2));
  if (forms.some((form) => tagsOf(form).some((tag) => !PERSON_TAGS.has(tag)))) return true;
  if (word.length <= 5) return false;
  for (let n = Math.min(word.length - 1, guesses.suffixPatterns.length - 1); n >= 1; n--) {
    const guess = guesses.suffixPatterns[n]?.[word.slice(-n)];
    if (guess) return guess === "Plural" || guess === "Gerund";
  }
  return false;
}

/** "West Texas", "Northern California": a region, as compromise's own "west-norfolk" rule reads it. */
const COMPASS = /^(?:West|North|South|East|Western|Northern|Southern|Eastern)$/u;

type Ambiguity = {
  switches: Record<string, string>;
  clues: Record<string, { beforeWords?: Record<string, string> }>;
};
let ambiguity: Ambiguity | undefined;

/**
 * "in Virginia", "from Houston": compromise lists such words as a person or a place, and its own
 * clue for the place is the word before ("in", "by", "near", "from", "to").
 */
function saysPlace(word: string, text: string, start: number): boolean {
  ambiguity ??= (nlp.model() as { two: Ambiguity }).two;
  if (ambiguity.switches[word.toLowerCase()] !== "Person|Place") return false;
  const previous = /(\p{L}+)\s$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase();
  return previous !== undefined && ambiguity.clues["Person|Place"]?.beforeWords?.[previous] === "Place";
}

/** "Chen Hao", "Jensen Huang", "Lisa Su": a given name or a surname the lexicon knows, with another name. */
function isPerson(words: string[], ascii: boolean): boolean {
  if (words.length > 4 || words.some((w) => pick(ACRONYM, ascii).test(w) || pick(HAS_DIGIT, ascii).test(w)))
    return false;
  const tags = words.map((w) => tagsOf(w.toLowerCase()));
  if (tags.some((t) => t.some((tag) => ORGANIZATION_TAGS.has(tag) || PLACE_TAGS.has(tag)))) return false;
  const named = tags.filter((t) => t.some((tag) => PERSON_TAGS.has(tag))).length;
  if (words.length === 1) return tags[0]!.some((tag) => GIVEN_NAME_TAGS.has(tag));
  return named >= 1;
}

const POSSESSIVE_BEFORE = twins(/([\p{L}\p{N}]+)['’]s\s(?:new\s|latest\s)?$/u);

/** "Nvidia’s Blackwell": what an organisation makes, named after its possessive. */
function followsOrganisationPossessive(text: string, start: number, ascii: boolean): boolean {
  const preceding = text.slice(Math.max(0, start - 40), start);
  const before = pick(POSSESSIVE_BEFORE, ascii).exec(preceding);
  return before !== null && lexiconType(before[1]!) === "organization";
}
