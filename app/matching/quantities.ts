/**
 * The figures a claim states, each with its unit, normalised so that "5 nm" and "five-nanometre",
 * "$53 billion" and "53 billion dollars", "26%" and "26 percent" compare equal; and the other
 * small facts that make two near-identical sentences different claims: months and seasons, the
 * period a change is measured over, which quarter or year, and which way a figure moved. Pure:
 * claim matching uses it to tell "the same claim" from "the same claim with another figure".
 */

export interface Quantity {
  /** Lowest value (the only one unless a range). */
  value: number;
  /** Highest value of a range ("3–4%"), else equal to value. */
  upTo: number;
  /** Normalised unit: "%", "nm", "W", "TOPS", "USD", "x", "year", "month", "n:manufacturer", … */
  unit: string;
  /** The words as written. */
  text: string;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
/** Words that are a multiple on their own: "doubled" is 2x. */
const MULTIPLES: Record<string, number> = {
  double: 2,
  doubled: 2,
  doubles: 2,
  twice: 2,
  triple: 3,
  tripled: 3,
  triples: 3,
  thrice: 3,
  quadruple: 4,
  quadrupled: 4,
  halved: 0.5,
};

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Unit spellings mapped to the normalised unit and a factor. */
const UNITS: Array<[RegExp, string, number]> = [
  [/^(?:percent|per cent|pct|%)/, "%", 1],
  [/^(?:percentage points?|pp)\b/, "pp", 1],
  [/^(?:nanomet(?:er|re)s?|nm)\b/, "nm", 1],
  [/^(?:kilowatts?|kw)\b/, "W", 1e3],
  [/^(?:watts?|w)\b/, "W", 1],
  [/^(?:terawatt[- ]hours?|twh)\b/, "Wh", 1e12],
  [/^(?:gigawatt[- ]hours?|gwh)\b/, "Wh", 1e9],
  [/^(?:petaflops|pflops)\b/, "TFLOPS", 1e3],
  [/^(?:teraflops|tflops)\b/, "TFLOPS", 1],
  [/^(?:tera operations per second|tops)\b/, "TOPS", 1],
  [/^(?:tb\/s|terabytes per second)/, "GB/s", 1e3],
  [/^(?:gb\/s|gbps|gigabytes per second)/, "GB/s", 1],
  [/^(?:terabytes?|tb)\b/, "GB", 1e3],
  [/^(?:gigabytes?|gb)\b/, "GB", 1],
  [/^(?:megabytes?|mb)\b/, "GB", 1e-3],
  [/^(?:ghz|gigahertz)\b/, "GHz", 1],
  [/^(?:mhz|megahertz)\b/, "GHz", 1e-3],
  [/^(?:fps|frames per second)\b/, "fps", 1],
  [/^p\b/, "lines", 1],
  [/^(?:dollars?|usd)\b/, "USD", 1],
  [/^(?:yuan|rmb|cny)\b/, "CNY", 1],
  [/^(?:euros?|eur)\b/, "EUR", 1],
  [/^(?:x|times)\b/, "x", 1],
  [/^(?:years?)\b/, "years", 1],
  [/^(?:quarters?)\b/, "quarters", 1],
  [/^(?:months?)\b/, "months", 1],
  [/^(?:weeks?)\b/, "weeks", 1],
  [/^(?:days?)\b/, "days", 1],
  [/^(?:hours?)\b/, "hours", 1],
  [/^(?:units?|chips?|gpus?|devices?|shipments?)\b/, "count", 1],
];
const CURRENCIES = new Set(["USD", "EUR", "CNY", "GBP"]);
const CURRENCY_SIGNS: Record<string, string> = { $: "USD", "€": "EUR", "¥": "CNY", "£": "GBP" };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)`;
const WORD_NUMBER = `(${[...Object.keys(WORD_NUMBERS), ...Object.keys(MULTIPLES)].join("|")})`;
// Optional currency sign, a number (or a number word), an optional range end, an optional scale.
const FIGURE = new RegExp(
  String.raw`(?:([$€¥£])\s?)?(?:${NUMBER}|\b${WORD_NUMBER}\b)(?:\s?(?:–|-|to|and)\s?([$€¥£])?${NUMBER})?(?:[\s-]?(thousand|million|billion|trillion|bn|mn|tn|k|m|b)\b)?`,
  "giu",
);

const toNumber = (digits: string) => Number(digits.replace(/,/g, ""));
/** A crude singular, enough to compare "manufacturers" with "manufacturer". */
const singular = (word: string) => word.replace(/(?:ies)$/, "y").replace(/(?<=[^s])s$/, "");

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?/gu;
const MONTH_NAME = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const SEASONS = ["spring", "summer", "autumn", "winter"];
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};
const SPANS = ["quarter", "half", "year", "month", "week"];
/** Comparison periods: a growth "year over year" is not one "quarter over quarter". */
const PERIODS: Array<[RegExp, number]> = [
  [/\b(?:year[- ](?:over|on)[- ]year|yoy|from a year (?:earlier|ago)|annual growth)\b/giu, 1],
  [/\b(?:quarter[- ](?:over|on)[- ]quarter|qoq|sequential(?:ly)?|from the previous quarter)\b/giu, 2],
  [/\b(?:month[- ](?:over|on)[- ]month)\b/giu, 3],
];
/** Which way a figure moved. */
const DIRECTIONS: Array<[RegExp, number]> = [
  [
    /\b(?:rose|rise[sn]?|rising|gain(?:ed|s)?|grew|grow(?:s|n|ing)?|increas(?:ed|es|ing)|up|higher|jump(?:ed|s)|soar(?:ed|s)|climb(?:ed|s)|spik(?:ed|es)|more|beat|ahead|above|faster)\b/giu,
    1,
  ],
  [
    /\b(?:fell|fall(?:s|en|ing)?|drop(?:ped|s)?|declin(?:ed|es|ing)|decreas(?:ed|es|ing)|down|lower|slid|plung(?:ed|es)|dipp?(?:ed|s)?|less|fewer|miss(?:ed|es)?|below|slower|shr[ai]nk|shrunk)\b/giu,
    -1,
  ],
];

/** Months, seasons, which quarter or year, the comparison period and the direction, as quantities. */
function qualifiers(text: string): Quantity[] {
  const found: Quantity[] = [];
  const add = (value: number, unit: string, words: string) =>
    found.push({ value, upTo: value, unit, text: words });
  for (const match of text.matchAll(MONTH)) {
    // "May" opens sentences as a verb too: a month only beside a day or a year.
    if (match[1] === "May" && !/^\s+\d/.test(text.slice(match.index + match[0].length))) continue;
    add(MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1, "month", match[0]);
  }
  for (const match of text.matchAll(/\b(spring|summer|autumn|fall|winter)\b/giu)) {
    const season = match[1]!.toLowerCase() === "fall" ? "autumn" : match[1]!.toLowerCase();
    // "fall" is far more often the verb: a season only as "in the fall" / "this fall".
    if (
      match[1]!.toLowerCase() === "fall" &&
      !/\b(?:the|this|next|last)\s+$/i.test(text.slice(0, match.index))
    )
      continue;
    add(SEASONS.indexOf(season) + 1, "season", match[0]);
  }
  for (const match of text.matchAll(
    /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half|year|month|week)\b/giu,
  ))
    add(ORDINALS[match[1]!.toLowerCase()]! * 10 + SPANS.indexOf(match[2]!.toLowerCase()), "span", match[0]);
  for (const [pattern, period] of PERIODS)
    for (const match of text.matchAll(pattern)) add(period, "period", match[0]);
  for (const [pattern, direction] of DIRECTIONS)
    for (const match of text.matchAll(pattern)) add(direction, "direction", match[0]);
  return found;
}

const HALVES: Record<string, string> = { one: "1.5", two: "2.5", three: "3.5" };

export function extractQuantities(input: string): Quantity[] {
  // Hyphens of every kind read as one ("year‑over‑year" with U+2011); "one and a half" is 1.5.
  const text = input
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/\b(one|two|three) and a half\b/gi, (_, n: string) => HALVES[n.toLowerCase()]!);
  const lower = text.toLowerCase();
  const quantities: Quantity[] = qualifiers(text);
  for (const match of lower.matchAll(FIGURE)) {
    const [whole, sign, digits, word, , rangeEnd, scaleWord] = match;
    const start = match.index;
    // A number inside a word or a model name ("H20", "RTX4090", "Q-7") is a name, not a figure.
    const before = lower[start - 1] ?? " ";
    if (/[\p{L}]/u.test(before) || (before === "-" && /[\p{L}]/u.test(lower[start - 2] ?? " "))) continue;
    if (word && word in MULTIPLES) {
      quantities.push({
        value: MULTIPLES[word]!,
        upTo: MULTIPLES[word]!,
        unit: "x",
        text: text.slice(start, start + whole.length),
      });
      continue;
    }
    const base = digits !== undefined ? toNumber(digits) : WORD_NUMBERS[word!]!;
    if (Number.isNaN(base)) continue;
    // "4K" and "8K" are screen resolutions, not thousands.
    if (scaleWord === "k" && (base === 4 || base === 8) && !sign) {
      quantities.push({
        value: base * 540,
        upTo: base * 540,
        unit: "lines",
        text: text.slice(start, start + whole.length),
      });
      continue;
    }
    const scale = scaleWord ? SCALES[scaleWord]! : 1;
    let value = base * scale;
    let upTo = rangeEnd !== undefined ? toNumber(rangeEnd) * scale : value;
    const after = lower.slice(start + whole.length);
    const rest = after.replace(/^[\s-]+/, "");
    let unit: string | undefined = sign ? CURRENCY_SIGNS[sign] : undefined;
    let end = start + whole.length;
    if (!unit) {
      for (const [pattern, name, factor] of UNITS) {
        const found = pattern.exec(rest);
        if (!found) continue;
        unit = name;
        value *= factor;
        upTo *= factor;
        end += after.length - rest.length + found[0].length;
        break;
      }
    }
    // After a capitalised word, a bare number is part of a name ("RTX 4090", "Nexa 5080"), unless a month's.
    const named = /([A-Z][\p{L}\p{N}-]*)\s$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
    if (!unit && !scaleWord && named && !MONTH_NAME.test(named)) continue;
    if (!unit && digits !== undefined && !scaleWord && /^(19|20)\d\d$/.test(digits)) unit = "year";
    // Otherwise a count of whatever follows: "eight manufacturers", "298 million".
    if (!unit) {
      const noun = /^([\p{L}]{3,})/u.exec(rest)?.[1];
      if (noun && !/^(?:of|and|the|for|per|in|on|at|to|or|by|as)$/.test(noun)) {
        unit = `n:${singular(noun)}`;
        end += after.length - rest.length + noun.length;
      } else if (scaleWord || digits !== undefined) unit = "count";
      else continue;
    }
    quantities.push({ value, upTo: Math.max(value, upTo), unit, text: text.slice(start, end).trim() });
  }
  return quantities;
}

/** Whole numbers must be equal (2022 is not 2024); measured decimals may differ by rounding (1%). */
const close = (a: number, b: number) =>
  a === b ||
  (!(Number.isInteger(a) && Number.isInteger(b)) &&
    Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.01);
const overlaps = (a: Quantity, b: Quantity) =>
  close(a.value, b.value) || close(a.upTo, b.upTo) || (a.value <= b.upTo && b.value <= a.upTo);

export interface QuantityComparison {
  /** Figures of one unit that the other text states differently: the ones written in each. */
  conflicts: Array<{ ours: string; theirs: string }>;
  /** Figures found with the same value and unit in both. */
  agreeing: number;
  /** Of those, the measured ones (not a year, month, season, period or direction). */
  agreeingMeasures: number;
}

const QUALIFIERS = new Set(["direction", "period", "year", "month", "season", "span"]);

/**
 * Where two claims state figures of the same unit, do they agree? A unit on one side only is
 * neither (one claim says more). A unit is in conflict when each side has a figure of it the other
 * lacks ("$1,499 … $200" against "$1,199 … $200"); a direction only when the two never agree
 * (rose against fell). Sums in different currencies are in conflict.
 */
export function compareQuantities(ours: Quantity[], theirs: Quantity[]): QuantityComparison {
  const conflicts: QuantityComparison["conflicts"] = [];
  let agreeing = 0;
  let agreeingMeasures = 0;
  for (const unit of new Set(ours.map((q) => q.unit))) {
    const mine = ours.filter((q) => q.unit === unit);
    const other = theirs.filter((q) => q.unit === unit);
    if (other.length === 0) continue;
    const unmatchedMine = mine.filter((q) => !other.some((t) => overlaps(q, t)));
    const unmatchedOther = other.filter((t) => !mine.some((q) => overlaps(q, t)));
    if (unit !== "direction") agreeing += mine.length - unmatchedMine.length;
    if (!QUALIFIERS.has(unit)) agreeingMeasures += mine.length - unmatchedMine.length;
    const differ =
      unit === "direction"
        ? unmatchedMine.length === mine.length && unmatchedOther.length === other.length
        : unmatchedMine.length > 0 && unmatchedOther.length > 0;
    if (differ) conflicts.push({ ours: unmatchedMine[0]!.text, theirs: unmatchedOther[0]!.text });
  }
  const money = (qs: Quantity[]) => new Set(qs.filter((q) => CURRENCIES.has(q.unit)).map((q) => q.unit));
  const [ourMoney, theirMoney] = [money(ours), money(theirs)];
  if (ourMoney.size > 0 && theirMoney.size > 0 && ![...ourMoney].some((c) => theirMoney.has(c))) {
    const first = (qs: Quantity[]) => qs.find((q) => CURRENCIES.has(q.unit))!.text;
    conflicts.push({ ours: first(ours), theirs: first(theirs) });
  }
  return { conflicts, agreeing, agreeingMeasures };
}
