/**
 * The figures a claim states, each with its unit, normalised so that "5 nm" and "five-nanometre",
 * "$53 billion" and "53 billion dollars", "26%" and "26 percent" compare equal. Small and pure:
 * claim matching needs to know when two claims state different figures for the same measure.
 */

export interface Quantity {
  /** Lowest value (the only one unless a range). */
  value: number;
  /** Highest value of a range ("3–4%"), else equal to value. */
  upTo: number;
  /** Normalised unit: "%", "nm", "W", "TOPS", "TFLOPS", "GB/s", "GB", "USD", "x", "year", "count". */
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
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  half: 0.5,
  double: 2,
  twice: 2,
  triple: 3,
  thrice: 3,
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

/** Unit spellings, longest first within each, mapped to the normalised unit and a factor. */
const UNITS: Array<[RegExp, string, number]> = [
  [/^(?:percent|per cent|pct|%)/, "%", 1],
  [/^(?:percentage points?|pp|points?)\b/, "pp", 1],
  [/^(?:nanomet(?:er|re)s?|nm)\b/, "nm", 1],
  [/^(?:kilowatts?|kw)\b/, "W", 1e3],
  [/^(?:watts?|w)\b/, "W", 1],
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
  [/^(?:dollars?|usd)\b/, "USD", 1],
  [/^(?:yuan|rmb|cny)\b/, "CNY", 1],
  [/^(?:euros?|eur)\b/, "EUR", 1],
  [/^(?:x|times)\b/, "x", 1],
  [/^(?:units?|chips?|gpus?|devices?|shipments?)\b/, "count", 1],
];

const CURRENCY_SIGNS: Record<string, string> = { $: "USD", "€": "EUR", "¥": "CNY", "£": "GBP" };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)`;
const WORD_NUMBER = `(${Object.keys(WORD_NUMBERS).join("|")})`;
// Optional currency sign, a number (or a number word), an optional range end, an optional scale.
const FIGURE = new RegExp(
  String.raw`(?:([$€¥£])\s?)?(?:${NUMBER}|\b${WORD_NUMBER}\b)(?:\s?(?:–|-|to|and)\s?([$€¥£])?${NUMBER})?(?:[\s-]?(thousand|million|billion|trillion|bn|mn|tn|k|m|b)\b)?`,
  "giu",
);

const toNumber = (digits: string) => Number(digits.replace(/,/g, ""));

export function extractQuantities(text: string): Quantity[] {
  const lower = text.toLowerCase();
  const quantities: Quantity[] = [];
  for (const match of lower.matchAll(FIGURE)) {
    const [whole, sign, digits, word, , rangeEnd, scaleWord] = match;
    const start = match.index;
    // A number inside a word or a model name ("H20", "RTX4090", "Q-7") is a name, not a figure.
    const before = lower[start - 1] ?? " ";
    if (/[\p{L}]/u.test(before) || (/-/.test(before) && /[\p{L}]/u.test(lower[start - 2] ?? " "))) continue;
    const base = digits !== undefined ? toNumber(digits) : WORD_NUMBERS[word!]!;
    if (Number.isNaN(base)) continue;
    const scale = scaleWord ? SCALES[scaleWord]! : 1;
    let value = base * scale;
    let upTo = rangeEnd !== undefined ? toNumber(rangeEnd) * scale : value;
    const rest = lower.slice(start + whole.length).replace(/^[\s-]+/, "");
    let unit: string | undefined = sign ? CURRENCY_SIGNS[sign] : undefined;
    let end = start + whole.length;
    if (!unit) {
      for (const [pattern, name, factor] of UNITS) {
        const found = pattern.exec(rest);
        if (!found) continue;
        unit = name;
        value *= factor;
        upTo *= factor;
        end =
          start + whole.length + (lower.slice(start + whole.length).length - rest.length) + found[0].length;
        break;
      }
    }
    if (!unit && digits !== undefined && !scaleWord && /^(19|20)\d\d$/.test(digits)) unit = "year";
    if (!unit && (word === "double" || word === "twice" || word === "triple" || word === "thrice"))
      unit = "x";
    // A bare small number ("the two companies") says too little to compare.
    if (!unit && !scaleWord) continue;
    quantities.push({
      value,
      upTo: Math.max(value, upTo),
      unit: unit ?? "count",
      text: text.slice(start, end).trim(),
    });
  }
  return quantities;
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.01;
const overlaps = (a: Quantity, b: Quantity) =>
  close(a.value, b.value) || close(a.upTo, b.upTo) || (a.value <= b.upTo && b.value <= a.upTo);

export interface QuantityComparison {
  /** Figures of one unit in both texts that never agree: the ones written in each. */
  conflicts: Array<{ ours: string; theirs: string }>;
  /** Figures found with the same value and unit in both. */
  agreeing: number;
}

/**
 * Where two claims state figures of the same unit, do they agree? A unit on one side only is
 * neither (one claim says more); a unit on both sides whose values never match is a conflict.
 */
export function compareQuantities(ours: Quantity[], theirs: Quantity[]): QuantityComparison {
  const conflicts: QuantityComparison["conflicts"] = [];
  let agreeing = 0;
  for (const unit of new Set(ours.map((q) => q.unit))) {
    const mine = ours.filter((q) => q.unit === unit);
    const other = theirs.filter((q) => q.unit === unit);
    if (other.length === 0) continue;
    const matched = mine.filter((q) => other.some((t) => overlaps(q, t)));
    agreeing += matched.length;
    if (matched.length === 0) conflicts.push({ ours: mine[0]!.text, theirs: other[0]!.text });
  }
  return { conflicts, agreeing };
}
