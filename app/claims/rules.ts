/**
 * The check-worthiness rule table. Like markdown-it's rule lists, each rule is a small named
 * object, and the scorer (`scoreSentence` in detect.ts) walks the tables in order:
 *
 * - `REJECTIONS`: a sentence any of these rejects is not a statement at all (boilerplate, a
 *   question, an instruction to the reader, a fragment) and gets no score.
 * - `SCORING_RULES`: each rule that fires adds its weight (negative weights lower the score) and
 *   one reason, written for people: educators show them to students. Reasons appear in table
 *   order, so the order of the table is part of what the detector says.
 */
import { proposeClaimant } from "./attribution";
import type { Entity, NameType } from "./entities";
import type { LocalClaimPatterns } from "./languages/claim-words";
import { meter } from "./meter";
import { lettersAreAscii, matchesTwin, pick, twins } from "./patterns";
import { eventVerb, firstFigure, NAMED_DAY, type WordTags } from "./vocabulary";

/** What the scoring rules see of one sentence. */
export interface SentenceFacts {
  /** The sentence without a leading list marker or speaker label ("- ", "Q: "). */
  readonly text: string;
  /** The names the document establishes (`knownNames`), to judge a capitalised first word. */
  readonly known: ReadonlySet<string>;
  /** The timeline entry ("2024 Q1") standing just before the sentence, if any. */
  readonly datedBy?: string | undefined;
  /** The names of the rules earlier in the table that fired for this sentence. */
  readonly fired: ReadonlySet<string>;
  /** The claim words of the article's language, read beside the English ones (none for English). */
  readonly local?: LocalClaimPatterns | null;
  /**
   * The sentence's entities (entities.ts), computed once for all the rules that read them. The
   * scorer supplies them, so this table does not load the NLP lexicon: browser code that reads
   * the table (the classroom's labels) stays small.
   */
  readonly entities: () => readonly Entity[];
  /**
   * compromise's part-of-speech tags for a lower-case word (`tagsOf` in entities.ts), supplied by
   * the scorer like `entities`: the event rule reads them to tell "designs" the verb from the noun.
   */
  readonly wordTags: WordTags;
  /** Whether the sentence opens with a dateline ("SAN JOSE: …"), which is no spec label. */
  readonly opensWithDateline?: () => boolean;
}

const entitiesOf = (facts: SentenceFacts) => facts.entities();
const NAME_TYPES: ReadonlySet<string> = new Set(["person", "organization", "place", "product"]);
const isName = (entity: Entity): entity is Entity & { type: NameType } => NAME_TYPES.has(entity.type);

/** What a rule adds to a sentence's score, and why. */
export interface Finding {
  readonly weight: number;
  readonly reason: string;
}

/** One row of the scoring table. */
export interface ScoringRule {
  readonly name: string;
  /** What the rule adds when it fires; a few rules weigh what they found instead (see `rule`). */
  readonly weight: number;
  /** The rule's finding for a sentence, or null when it does not fire. */
  apply(sentence: SentenceFacts): Finding | null;
}

/** One row of the rejection table. */
export interface Rejection {
  readonly name: string;
  rejects(text: string, local?: LocalClaimPatterns | null): boolean;
}

/**
 * A scoring rule from what it looks for (`find`: anything falsy means it does not fire), how much
 * that weighs (`weight`, or `weigh` when it depends on what was found) and the reason it gives.
 */
function rule<Found>(spec: {
  name: string;
  weight: number;
  find: (sentence: SentenceFacts) => Found | null | undefined | false;
  weigh?: (found: Found, weight: number, sentence: SentenceFacts) => number;
  reason: (found: Found) => string;
}): ScoringRule {
  const { name, weight, find, weigh, reason } = spec;
  return {
    name,
    weight,
    apply(sentence) {
      const found = find(sentence);
      if (!found) return null;
      return { weight: weigh ? weigh(found, weight, sentence) : weight, reason: reason(found) };
    },
  };
}

const BOILERPLATE =
  /(?:^|\s)(?:related|read more|see also|more from|recommended):|\b(?:patreon|donat(?:e|or|ors|ion|ions)|supporters?|support us|buy me a coffee|subscribe|subscription|newsletter|sign up|log in|follow us|share (?:it|this)|spread the word|scroll to top|back to top|read more|click here|explore our|visit our|no registration|advertisement|sponsored|cookies?|all rights reserved|enjoying the article|did you enjoy|if you found this|thank you|we create this for you|related posts?|leave a (?:comment|reply))\b/i;

/** First words that make a sentence an instruction to the reader rather than a statement. */
const IMPERATIVES = new Set(
  (
    "track evaluate watch prepare monitor share explore consider check read click visit subscribe follow join " +
    "learn discover find buy get download sign try remember imagine wake let’s let's don’t don't stay keep make " +
    "see support contact tell ask"
  ).split(" "),
);

/** The sentence's first word, lower case, without punctuation: "Don’t—" is "don’t". */
function firstWord(text: string): string {
  const word = /^[^\s—–-]*/.exec(text)![0].toLowerCase();
  return word.replace(pick(NOT_A_LETTER, lettersAreAscii(word)), "");
}
const NOT_A_LETTER = twins(/[^\p{L}’']/gu);

const THREE_WORDS = /^\s*\S+\s+\S+\s+\S/;

/** A question mark, and any closing quotes or brackets after it, at the end. */
const QUESTION_END = /[?？]["'”’)」』]*$/;

/** Sentences that are not statements at all: the scorer gives them no score. */
export const REJECTIONS: readonly Rejection[] = [
  { name: "boilerplate", rejects: (text) => BOILERPLATE.test(text) },
  { name: "question", rejects: (text) => QUESTION_END.test(text) },
  { name: "instruction", rejects: (text) => IMPERATIVES.has(firstWord(text)) },
  // Fewer than three words, told without splitting the whole sentence into words (a language
  // without spaces between words counts them its own way).
  {
    name: "fragment",
    rejects: (text, local) => (local ? local.countWords(text) < 3 : !THREE_WORDS.test(text)),
  },
];

/** A plain two-digit number ("Top 10") says less than a unit, a currency or a percentage. */
const WEAK_FIGURE = /^\d{2}$/;
/** A label and its value, as in a spec sheet: "Process node: 5 nm". */
const SPEC_LINE = twins(/^[\p{Lu}][\p{L}\s/-]{2,30}:\s+\S/u);
const DATE =
  /\b(?:(?:19|20)\d{2}(?:\s?Q[1-4])?|Q[1-4]\s?(?:19|20)\d{2}|(?:last|next|this|previous)\s+(?:year|quarter|month|week)|(?:next|past|last)\s+(?:two|three|four|five|\d+)\s+years|year[‑ -]over[‑ -]year|(?:in|this|next|last|the)\s+(?:spring|summer|autumn|fall|winter))/i;
/** What a thing can do or is built on: capabilities can be tested. */
const CAPABILITY =
  /\b(?:supports?|enables?|compatible with|compatibility with|runs on|works with|powered by|based on|built on)\b/i;
const COMPARISON =
  /\b(?:twice (?:as|the|that)|half (?:as|the)|(?:\d+(?:\.\d+)?|two|three|four|five|ten)[\s‑-]?(?:times|x|×) (?:as|the|that|more|faster|higher|larger|lower|smaller)|(?:up|down) from|faster|slower|higher|lower|bigger|larger|smaller|better|worse|cheaper|(?!rather|other)\w+er than|more than [\d.,]*\d|less than [\d.,]*\d|most \w+|least \w+|largest|biggest|fastest|best|first|only|rival|rivals|surpass\w*|outperform\w*|competitive with|compared|improvement over|vs\.?|versus|in contrast|shift from|lag behind|twice as|as fast as|within \d)/i;
const ATTRIBUTION =
  /\b(?:according to|said|says|reported|reports|report|announced|claims?|stated|told|confirmed|analysts|industry insiders|insiders|sources|people familiar|officials|experts|investors)\b/i;
const UNNAMED_SOURCE =
  /\b(?:industry insiders|insiders|sources|people familiar|analysts|experts|observers)\b/i;
const VAGUE =
  /\b(?:smoother|seamless(?:ly)?|boosting|cutting[‑-]edge|state[‑-]of[‑-]the[‑-]art|world[‑-]class|game[‑-]chang\w+|robust|powerful|high[‑-]speed|strategically significant|key player|essential piece|means more than)\b/i;
const HEDGE =
  /\b(?:may|might|could|potentially|reportedly|allegedly|likely|unlikely|possibly|perhaps|expected to|promises|seems|appears)\b/i;
/**
 * What will happen: it can be checked only later, and now only who forecasts it. In lower case:
 * "Will Smith said…" and "the Will of shareholders" are no forecasts.
 */
const FORECAST =
  /(?:\b(?:will|shall|won[’']t)|[’']ll|\b(?:is|are)\s+(?:set|poised|slated|projected|forecast|expected|going)\s+to)\s+(?:\w+\s+){0,2}?\w+/;
const OPINION =
  /\b(?:honestly|frankly|in my view|good day|good news|great news|bold|game[‑-]changer|revolution\w*|must|should|i think|we believe|key player|turning point|statement|stunning|incredible|amazing|exciting|future[‑-]proof|shaping|intelligently)\b/i;
const ALL_OPINIONS = new RegExp(OPINION.source, "gi");

/** The first two distinct opinion words of the text, lower case. */
function opinionWords(text: string): string[] {
  if (!OPINION.test(text)) return [];
  return [...new Set([...text.matchAll(ALL_OPINIONS)].map((m) => m[0].toLowerCase()))].slice(0, 2);
}

/**
 * Whether the text quotes at least 12 characters between quotation marks, as /["“][^"”]{12,}["”]/u
 * finds, in one pass: that expression reads the rest of the text again from every opening mark
 * that is never closed.
 */
function quotesSpeech(text: string): boolean {
  let openedAt = -1;
  let at = 0;
  for (const char of text) {
    meter.steps++;
    if (char === '"' || char === "”") {
      if (openedAt !== -1 && at - openedAt - 1 >= 12) return true;
      openedAt = char === '"' ? at : -1;
    } else if (char === "“" && openedAt === -1) {
      openedAt = at;
    }
    at++;
  }
  return false;
}

const FIGURE_TYPES: ReadonlySet<string> = new Set(["quantity", "money", "percent"]);

/** The figures a reason cites: the sentence's amounts, or the figure the rule found when it has none. */
function citedFigures(facts: SentenceFacts, figure: RegExpExecArray): string[] {
  // The entity lexicon reads figures by English rules ("1.299,50" is no English number).
  if (facts.local) return [figure[0].trim()];
  const figures = entitiesOf(facts).filter((e) => FIGURE_TYPES.has(e.type));
  return figures.length > 0 ? [...new Set(figures.map((e) => e.text))].slice(0, 3) : [figure[0].trim()];
}

/** The names of a sentence, each once, in order. */
function distinctNames(found: readonly Entity[]): Array<Entity & { type: NameType }> {
  const seen = new Set<string>();
  return found.filter(isName).filter((e) => !seen.has(e.text) && seen.add(e.text));
}

const NAME_KINDS: Record<NameType, [one: string, many: string]> = {
  person: ["a person", "people"],
  organization: ["an organisation", "organisations"],
  place: ["a place", "places"],
  product: ["a product", "products"],
};

/** "a person (“Chen Hao”) and organisations (“Dell”, “Omdia”)": names grouped by type, in order. */
export function describeNames(names: ReadonlyArray<{ text: string; type: NameType }>): string {
  const byType = new Map<NameType, string[]>();
  for (const { text, type } of names) byType.set(type, [...(byType.get(type) ?? []), text]);
  const parts = [...byType].map(([type, texts]) => {
    const [one, many] = NAME_KINDS[type];
    return `${texts.length > 1 ? many : one} (${texts.map((t) => `“${t}”`).join(", ")})`;
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
}

/** The person or organisation the sentence says made its claim ("…, Omdia claims"), if it names one. */
function namedSource(facts: SentenceFacts): string | undefined {
  if (!entitiesOf(facts).some((e) => e.type === "person" || e.type === "organization")) return undefined;
  const claimant = proposeClaimant(facts.text)?.claimant;
  if (!claimant) return undefined;
  return entitiesOf(facts).find(
    (e) => (e.type === "person" || e.type === "organization") && claimant.includes(e.text),
  )?.text;
}

/** A match, trimmed, in curly quotes: the words a reason points at. */
function quoted(match: RegExpExecArray): string {
  return `“${match[0].trim()}”`;
}

const NAMES_WEIGHT = 0.25;
const ATTRIBUTION_WEIGHT = 0.1;
const NAMED_SOURCE_WEIGHT = 0.15;

/** The scoring table, in the order the scorer applies the rules and lists their reasons. */
export const SCORING_RULES: readonly ScoringRule[] = [
  rule({
    name: "figure",
    weight: 0.4,
    find: (facts) => {
      const figure = facts.local?.figure.exec(facts.text) ?? firstFigure(facts.text);
      return figure && { figure, cited: citedFigures(facts, figure) };
    },
    weigh: ({ figure }, weight) => (WEAK_FIGURE.test(figure[0].trim()) ? 0.25 : weight),
    reason: ({ cited }) =>
      `${cited.length > 1 ? "Contains figures or measurements" : "Contains a figure or measurement"} (${cited
        .map((f) => `“${f}”`)
        .join(", ")}): numbers can be checked against sources.`,
  }),
  rule({
    name: "specification",
    weight: 0.2,
    find: ({ text, opensWithDateline }) => matchesTwin(SPEC_LINE, text) && !opensWithDateline?.(),
    reason: () => "States a technical specification: specs should match the maker's published data.",
  }),
  rule({
    name: "names",
    weight: NAMES_WEIGHT,
    find: (facts) => {
      const found = distinctNames(entitiesOf(facts));
      return found.length > 0 && found;
    },
    weigh: (found, weight) =>
      found.length > 1 || found[0]!.type === "organization" || found[0]!.type === "person" ? weight : 0.2,
    reason: (found) =>
      `Names ${describeNames(found.slice(0, 4))}: what is said of them can be checked against records.`,
  }),
  rule({
    name: "date",
    weight: 0.15,
    find: ({ text, local }) => local?.date.exec(text) ?? DATE.exec(text) ?? NAMED_DAY.exec(text),
    reason: (date) => `Gives a date or period (${quoted(date)}): timelines can be checked.`,
  }),
  rule({
    name: "timeline",
    weight: 0.25,
    find: ({ datedBy, fired }) => !fired.has("date") && datedBy,
    reason: (datedBy) => `Dated by the timeline entry before it (“${datedBy}”): timelines can be checked.`,
  }),
  rule({
    name: "capability",
    weight: 0.15,
    find: ({ text }) => CAPABILITY.exec(text),
    reason: (capability) =>
      `States what something can do or is built on (${quoted(capability)}): capabilities can be tested.`,
  }),
  rule({
    name: "comparison",
    weight: 0.2,
    find: ({ text }) => COMPARISON.exec(text),
    reason: (comparison) =>
      `Makes a comparison or superlative (${quoted(comparison)}): needs a baseline to hold.`,
  }),
  rule({
    name: "event",
    weight: 0.15,
    find: ({ text, local, wordTags }) => eventVerb(text, wordTags) ?? local?.event.exec(text),
    reason: (event) => `Reports an action or event (${quoted(event)}): it either happened or it did not.`,
  }),
  rule({
    name: "attribution",
    weight: ATTRIBUTION_WEIGHT,
    find: (facts) => {
      const attribution = ATTRIBUTION.exec(facts.text) ?? facts.local?.attribution.exec(facts.text);
      const unnamed = attribution && UNNAMED_SOURCE.exec(facts.text);
      return attribution && { attribution, unnamed, source: unnamed ? undefined : namedSource(facts) };
    },
    // Reported speech of a named source is checked at that source; a quotation is weighed as one below.
    weigh: ({ source }, weight, { text }) => (source && !quotesSpeech(text) ? NAMED_SOURCE_WEIGHT : weight),
    reason: ({ attribution, unnamed, source }) =>
      unnamed
        ? `Attributes it to unnamed sources (${quoted(unnamed)}): who said it, and do they know?`
        : source
          ? `Attributes it to a named source (“${source}”): check what they said.`
          : `Attributes the information (${quoted(attribution)}): check the original source.`,
  }),
  rule({
    name: "direct-quote",
    weight: 0.15,
    find: ({ text, fired }) => fired.has("attribution") && quotesSpeech(text),
    reason: () => "Quotes someone directly: check that they said it, and whether it is true.",
  }),
  rule({
    name: "vague-language",
    weight: -0.15,
    find: ({ text }) => VAGUE.exec(text),
    reason: (vague) => `Uses vague promotional language (${quoted(vague)}): there is little to check.`,
  }),
  rule({
    name: "hedge",
    weight: -0.1,
    find: ({ text }) => HEDGE.exec(text),
    reason: (hedge) => `Hedged (${quoted(hedge)}): a prediction or possibility is harder to check.`,
  }),
  rule({
    name: "forecast",
    weight: 0,
    find: ({ text }) => FORECAST.exec(text),
    reason: (forecast) =>
      `Forecasts what will happen (${quoted(forecast)}): only who forecasts it, and the figures and dates it commits to, can be checked now.`,
  }),
  rule({
    name: "opinion",
    weight: -0.15,
    find: ({ text }) => {
      const opinions = opinionWords(text);
      return opinions.length > 0 && opinions;
    },
    weigh: (opinions, weight) => weight * opinions.length,
    reason: (opinions) =>
      `Reads partly as opinion (${opinions.map((o) => `“${o}”`).join(", ")}): only the factual core can be checked.`,
  }),
];

/**
 * The most a forecast with no figure and no date can score: one figure's weight. What it
 * forecasts cannot be checked yet, so names, an event, a comparison and a source adding up
 * ("Omdia says the market will grow faster than any other") must not outrank a sentence with a
 * figure that can be checked today (docs/claims-evaluation.md, "Forecasts and figures").
 */
export const FORECAST_CEILING = 0.4;
const CONCRETE = ["figure", "date", "timeline"];

/** The highest score the rules that fired allow: below 1 only for a forecast with nothing concrete. */
export function scoreCeiling(fired: ReadonlySet<string>): number {
  return fired.has("forecast") && !CONCRETE.some((name) => fired.has(name)) ? FORECAST_CEILING : 1;
}

const READS_ENTITIES = new Set(["figure", "names", "attribution"]);
/** Where the rules that read a sentence's entities (`SentenceFacts.entities`) stand in the table. */
export const ENTITY_RULES: readonly number[] = SCORING_RULES.flatMap((r, i) =>
  READS_ENTITIES.has(r.name) ? [i] : [],
);

/**
 * The most the entity rules can add to a score found without entities: the names rule at its
 * heaviest, and a named source's weight over an unnamed one's when the attribution rule fired.
 * The figure rule reads entities only for the figures its reason cites.
 */
export function entityHeadroom(fired: ReadonlySet<string>): number {
  return NAMES_WEIGHT + (fired.has("attribution") ? NAMED_SOURCE_WEIGHT - ATTRIBUTION_WEIGHT : 0);
}
