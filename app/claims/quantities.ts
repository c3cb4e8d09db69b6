/**
 * Figures in a claim, parsed into value, unit and what they measure, and normalised so that
 * figures written differently ("1.2 TB/s", "1,200 GB/s") compare equal. Physical units convert
 * through js-quantities; money, percentages and ratios need no units library.
 *
 * The scan is linear: one pass over the numbers in the text, and for each number a look at a
 * bounded window of text on either side of it.
 */
import Qty from "js-quantities";
import { meter } from "./meter";

export type Measure =
  | "compute"
  | "power"
  | "process node"
  | "memory"
  | "bandwidth"
  | "frequency"
  | "money"
  | "percent"
  | "ratio"
  | "count"
  | "duration"
  | "length"
  | "other";

export const MEASURES = [
  "compute",
  "power",
  "process node",
  "memory",
  "bandwidth",
  "frequency",
  "money",
  "percent",
  "ratio",
  "count",
  "duration",
  "length",
  "other",
] as const satisfies readonly Measure[];

export interface Quantity {
  text: string;
  start: number;
  end: number;
  value: number;
  /** The top of a range ("3–4%": value 3, upper 4). */
  upper?: number;
  unit: string;
  measure: Measure;
  normalized: { value: number; unit: string };
  /** What a ratio or difference is measured against ("three times as efficient as Nvidia's H20"). */
  comparedTo?: string;
  /** The figure is a change ("26% year-over-year", "rose 13%"), not a level. */
  change?: boolean;
}

/** How far around a number the parser looks for its unit, currency and comparison. */
const AFTER_WINDOW = 120;
const BEFORE_WINDOW = 40;

interface NumberFormat {
  /** A number with thousands separators, then one without. Groups: sign, digits. */
  pattern: RegExp;
  /** The same, at the start of a string (the second number of a range). */
  anchored: RegExp;
  toNumber: (digits: string) => number;
}

const SIGN = String.raw`(?<sign>[-−+](?=\d))?`;
/** Multiples written as words, read only before "as … as" or "the … of": "twice as fast as". */
const WORD_RATIOS: Record<string, number> = { twice: 2, double: 2, triple: 3, half: 0.5 };
const UNITS_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
/** "One" is left out: "one of the", "one company" are rarely figures anyone checks. */
const WORD_NUMBER = `(?<word>\\b(?:${Object.keys(WORD_RATIOS).join("|")}|(?:${TENS.join("|")})(?:[-‑](?:one|${UNITS_WORDS.join("|")}))?|${TEENS.join("|")}|${UNITS_WORDS.join("|")})(?=fold\\b|\\b))`;

function wordValue(word: string): number {
  const lower = word.toLowerCase();
  if (lower in WORD_RATIOS) return WORD_RATIOS[lower]!;
  const [tens, unit] = lower.split(/[-‑]/u);
  const tensValue = TENS.indexOf(tens!);
  const unitValue = unit === "one" ? 1 : UNITS_WORDS.indexOf(unit ?? "") + 2;
  if (tensValue >= 0) return (tensValue + 2) * 10 + (unit ? unitValue : 0);
  if (TEENS.includes(lower)) return TEENS.indexOf(lower) + 10;
  return UNITS_WORDS.indexOf(lower) + 2;
}

function numberFormat(group: string, decimal: string, spaceGroups = false): NumberFormat {
  const g = spaceGroups ? `[${escape(group)}\\u00A0\\u202F ]` : escape(group);
  const d = escape(decimal);
  const grouped = `\\d{1,3}(?:${g}\\d{3})+(?!\\d)(?:${d}\\d+)?`;
  // A lone separator that does not make thousands is read as a decimal point: German writers
  // sometimes write "1.5 GB" in English style, and "1.299" is 1299 only because of its three digits.
  const plain = `\\d+(?:[.,]\\d+)?`;
  const number = `${SIGN}(?<digits>${grouped}|${plain})|${WORD_NUMBER}`;
  const wholeGrouped = new RegExp(`^${grouped}$`, "u");
  const separators = new RegExp(g, "gu");
  return {
    pattern: new RegExp(number, "giu"),
    anchored: new RegExp(`^(?:${number})`, "iu"),
    toNumber: (digits) => {
      const plainDigits = wholeGrouped.test(digits)
        ? digits.replace(separators, "").replace(decimal, ".")
        : digits.replace(",", ".");
      return Number(plainDigits);
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

const FORMATS: Record<string, NumberFormat> = {
  en: numberFormat(",", "."),
  de: numberFormat(".", ","),
  es: numberFormat(".", ",", true),
  it: numberFormat(".", ","),
  fr: numberFormat(" ", ",", true),
};

/** Multipliers written after a number: "120 million", "3 Mio.", "1,5 Mrd.". */
const SCALES: [RegExp, number][] = [
  // Chinese and Japanese scales sit between the number and the next character, no space.
  [/^(?:万亿)/u, 1e12],
  [/^(?:亿|億)/u, 1e8],
  [/^(?:万|萬)/u, 1e4],
  [/^\s?(?:thousand|Tsd\.|mille|mil(?!\s+millones))(?![\p{L}])/u, 1e3],
  [/^\s?(?:miles de millones|mil millones)(?![\p{L}])/u, 1e9],
  [/^\s?(?:million|millions|mn|Mio\.|Million(?:en)?|millones|millón|milioni|milione)(?![\p{L}])/u, 1e6],
  [/^\s?(?:billion|billions|bn|Mrd\.|Milliarden?|milliards?|miliardi|miliardo)(?![\p{L}])/u, 1e9],
  [/^\s?(?:trillion|trillions|Billionen|billones)(?![\p{L}])/u, 1e12],
];
/** Single-letter multipliers only after a currency: "$3m", "€2bn", "$40k". */
const MONEY_SCALES: [RegExp, number][] = [
  [/^(?:k|K)(?![\p{L}])/u, 1e3],
  [/^\s?(?:m|M)(?![\p{L}])/u, 1e6],
  [/^\s?(?:b|B)(?![\p{L}])/u, 1e9],
];

/** The longest currency written before a number ("US$ ", "Rs. "), and what may follow a figure. */
const CURRENCY_TAIL = 5;
const MAY_HAVE_UNIT = /^[\s\-‑–—]{0,2}[\p{L}\d%×$€£¥₹Å元円(°]/u;
const CURRENCY_BEFORE: [RegExp, string][] = [
  [/(?:US\$|USD\s?)\s?$/u, "USD"],
  [/(?:HK\$|HKD\s?)\s?$/u, "HKD"],
  [/(?:A\$|AUD\s?)\s?$/u, "AUD"],
  [/(?:C\$|CAD\s?)\s?$/u, "CAD"],
  [/\$\s?$/u, "USD"],
  [/(?:€|EUR\s?)\s?$/u, "EUR"],
  [/(?:£|GBP\s?)\s?$/u, "GBP"],
  [/(?:RMB|CNY|CN¥)\s?$/u, "CNY"],
  [/(?:JPY\s?)$/u, "JPY"],
  [/(?:₹|Rs\.?\s?|INR\s?)$/u, "INR"],
  [/CHF\s?$/u, "CHF"],
  [/(?:¥|￥)\s?$/u, "¥"],
];
/** "1.500 millones de euros", "850 milioni di euro", "3 millions d'euros". */
const LINK = String.raw`^\s?(?:(?:de|di)\s|d['’])?`;
const currencyAfter = (names: string) => new RegExp(`${LINK}(?:${names})(?![\\p{L}])`, "u");
const CURRENCY_AFTER: [RegExp, string][] = [
  [currencyAfter(String.raw`US dollars?|dollars?|US-Dollar|Dollar|dólares|dollari|USD|US\$|\$`), "USD"],
  [currencyAfter("euros?|Euros?|EUR|€"), "EUR"],
  [/^(?:美元|美金)/u, "USD"],
  [/^欧元/u, "EUR"],
  [/^(?:日元|円)/u, "JPY"],
  [/^(?:人民币|元)/u, "CNY"],
  [currencyAfter("yuan|renminbi|RMB|CNY"), "CNY"],
  [currencyAfter("yen|JPY"), "JPY"],
  [currencyAfter("pounds sterling|sterling|GBP|£"), "GBP"],
  [currencyAfter("rupees|INR"), "INR"],
  [currencyAfter("Swiss francs|francs|Franken|CHF"), "CHF"],
];

interface UnitRule {
  pattern: RegExp;
  measure: Measure;
  /** The unit as the parser reports it; a function when it depends on what was written. */
  unit: string | ((match: RegExpMatchArray) => string);
  normalize: (value: number, unit: string) => { value: number; unit: string };
}

/** Converts through js-quantities to the measure's common unit. */
const convert =
  (target: string, through: (unit: string) => string = (unit) => unit) =>
  (value: number, unit: string) => ({
    value: clean(Qty(value, through(unit)).to(target).scalar),
    unit: target,
  });

const PRECISION = String.raw`(?:INT4|INT8|FP4|FP6|FP8|FP16|BF16|FP32|FP64|TF32)`;
const COMPUTE_PREFIX: Record<string, string> = { "": "", K: "k", M: "M", G: "G", T: "T", P: "P", E: "E" };
const COMPUTE_WORD_PREFIX: Record<string, string> = { giga: "G", tera: "T", peta: "P", exa: "E" };

/**
 * Operations per second are counts per second, so js-quantities converts them as frequencies:
 * "2 PFLOPS" is 2 PHz of floating-point operations, 2000 THz, 2000 TFLOPS.
 */
function computeUnit(match: RegExpMatchArray): string {
  const groups = match.groups ?? {};
  const prefix = groups.prefix
    ? COMPUTE_PREFIX[groups.prefix.toUpperCase()]
    : COMPUTE_WORD_PREFIX[(groups.wordPrefix ?? "").toLowerCase()];
  const kind = /fl/iu.test(match[0]) ? "FLOPS" : "OPS";
  const symbol = `${prefix === "k" ? "K" : (prefix ?? "")}${kind === "FLOPS" ? "FLOPS" : "OPS"}`;
  const precision = groups.before ?? groups.after ?? groups.after2;
  return precision ? `${precision.toUpperCase()} ${symbol}` : symbol;
}

function normalizeCompute(value: number, unit: string) {
  const symbol = unit.split(" ").pop() ?? unit;
  const flops = symbol.endsWith("FLOPS");
  const prefix = symbol.slice(0, symbol.length - (flops ? 5 : 3));
  const hertz = Qty(value, `${prefix === "K" ? "k" : prefix}Hz`).to("THz").scalar;
  return { value: clean(hertz), unit: flops ? "TFLOPS" : "TOPS" };
}

const BYTE_PREFIX: Record<string, string> = { k: "k", K: "k", M: "M", G: "G", T: "T", P: "P" };
const byteUnit = (prefix: string | undefined, binary: string | undefined, bits: boolean) =>
  `${BYTE_PREFIX[prefix ?? ""] ?? ""}${binary ? "i" : ""}${bits ? "b" : "B"}`;

const UNIT_RULES: UnitRule[] = [
  {
    // Symbols are case-sensitive ("10 tops" are shirts); "teraflops" is a word and may be lower case.
    pattern: new RegExp(
      String.raw`^[\s-]?(?:(?<before>${PRECISION})\s)?(?:(?<prefix>[KMGTPE])(?:FLOPS|FLOPs|flops|OPS)|(?<wordPrefix>[Gg]iga|[Tt]era|[Pp]eta|[Ee]xa)(?:flops|FLOPS|-?ops|-?OPS|\s?operations per second)|FLOPS)(?:\s?\((?<after>${PRECISION})\)|\s(?:of\s|in\s|at\s)?(?<after2>${PRECISION})(?![\p{L}\d]))?(?![\p{L}])`,
      "u",
    ),
    measure: "compute",
    unit: computeUnit,
    normalize: normalizeCompute,
  },
  {
    // "38 trillion operations per second": the scale word has been read into the value.
    pattern: /^\s(?:(?<floating>floating[- ]point)\s)?operations (?:per second|a second)(?![\p{L}])/u,
    measure: "compute",
    unit: (match) => (match.groups?.floating ? "FLOPS" : "OPS"),
    normalize: normalizeCompute,
  },
  {
    pattern:
      /^[\s-]?(?:(?<prefix>[kKMGTP])(?<binary>i)?B\/s|(?<prefix2>[kKMGTP])bps|(?<prefix3>[kKMGTP])b\/s|(?<word>kilo|mega|giga|tera|peta)bytes? per second)(?![\p{L}])/u,
    measure: "bandwidth",
    unit: (match) => {
      const g = match.groups ?? {};
      if (g.word) return `${BYTE_PREFIX[g.word[0]!.toUpperCase()] ?? "k"}B/s`;
      if (g.prefix2 || g.prefix3) return `${byteUnit(g.prefix2 ?? g.prefix3, undefined, true)}/s`;
      return `${byteUnit(g.prefix, g.binary, false)}/s`;
    },
    normalize: convert("GB/s"),
  },
  {
    pattern:
      /^[\s-]?(?:(?<prefix>[kKMGTP])(?<binary>i)?(?<bits>b|B)(?:it)?|(?<word>kilo|mega|giga|tera|peta)(?<wordBits>bytes?|bits?))(?![\p{L}/])/u,
    measure: "memory",
    unit: (match) => {
      const g = match.groups ?? {};
      if (g.word) return byteUnit(g.word[0]!.toUpperCase(), undefined, g.wordBits!.startsWith("bit"));
      return byteUnit(g.prefix, g.binary, g.bits === "b");
    },
    normalize: convert("GB"),
  },
  {
    pattern: /^[\s-]?(?:nm|[nN]anomet(?:er|re)s?|-nanomet(?:er|re))(?![\p{L}])/u,
    measure: "process node",
    unit: "nm",
    normalize: convert("nm"),
  },
  {
    pattern: /^\s?(?:纳米|奈米|ナノメートル)/u,
    measure: "process node",
    unit: "nm",
    normalize: convert("nm"),
  },
  {
    pattern: /^[\s-]?(?:angstroms?|Å)(?![\p{L}])/u,
    measure: "process node",
    unit: "Å",
    normalize: convert("nm", () => "angstrom"),
  },
  {
    pattern: /^[\s-]?(?:(?<prefix>[mkMG])?W|(?<word>milli|kilo|mega|giga)?[wW]atts?)(?![\p{L}])/u,
    measure: "power",
    unit: (match) => {
      const g = match.groups ?? {};
      const word = { milli: "m", kilo: "k", mega: "M", giga: "G" }[g.word ?? ""] ?? "";
      return `${g.prefix ?? word}W`;
    },
    normalize: convert("W"),
  },
  {
    pattern: /^[\s-]?(?:(?<prefix>[kMGT])Wh|(?<word>kilo|mega|giga|tera)watt[- ]hours?)(?![\p{L}])/u,
    measure: "other",
    unit: (match) => {
      const g = match.groups ?? {};
      const word = { kilo: "k", mega: "M", giga: "G", tera: "T" }[g.word ?? ""] ?? "";
      return `${g.prefix ?? word}Wh`;
    },
    normalize: convert("kWh"),
  },
  {
    pattern: /^[\s-]?(?:(?<prefix>[kMG])Hz|(?<word>kilo|mega|giga)hertz)(?![\p{L}])/u,
    measure: "frequency",
    unit: (match) => {
      const g = match.groups ?? {};
      const word = { kilo: "k", mega: "M", giga: "G" }[g.word ?? ""] ?? "";
      return `${g.prefix ?? word}Hz`;
    },
    normalize: convert("GHz"),
  },
  {
    pattern: /^\s?(?:mm²|mm2|square millimet(?:er|re)s?)(?![\p{L}\d])/u,
    measure: "other",
    unit: "mm²",
    normalize: convert("mm^2", () => "mm^2"),
  },
  {
    pattern:
      /^[\s-]?(?:mm|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|km|kilomet(?:er|re)s?|met(?:er|re)s?|miles?|inch(?:es)?|feet|foot)(?![\p{L}²\d])/u,
    measure: "length",
    unit: (match) => lengthSymbol(match[0].replace(/^[\s-]/u, "")),
    normalize: convert("m"),
  },
  {
    pattern:
      /^[\s-]?(?:ms|milliseconds?|µs|microseconds?|ns(?![\p{L}])|nanoseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|years?)(?![\p{L}])/u,
    measure: "duration",
    unit: (match) => durationSymbol(match[0].replace(/^[\s-]/u, "")),
    normalize: convert("s"),
  },
  {
    // "45 degrees Celsius", "105 °C": without this rule "45 degrees" was read as a count of degrees.
    pattern: /^\s?(?:°\s?(?<symbol>[CF])|degrees?\s(?<word>Celsius|Fahrenheit|centigrade))(?![\p{L}])/u,
    measure: "other",
    unit: (match) => (match.groups?.symbol === "F" || match.groups?.word === "Fahrenheit" ? "°F" : "°C"),
    normalize: (value, unit) => ({
      value: clean(Qty(value, unit === "°F" ? "tempF" : "tempC").to("tempC").scalar),
      unit: "°C",
    }),
  },
  {
    pattern: /^[\s-]?(?:months?|quarters?)(?![\p{L}])/u,
    measure: "duration",
    unit: (match) => (/quarter/u.test(match[0]) ? "quarter" : "month"),
    normalize: (value, unit) => ({ value: clean(unit === "quarter" ? value * 3 : value), unit: "month" }),
  },
  {
    pattern:
      /^\s?(?:%|percentage points?|per ?cent|pct|Prozentpunkte|Prozent|pour ?cent|por ?ciento|per ?cento)(?![\p{L}])/u,
    measure: "percent",
    unit: (match) => (/point|punkt/iu.test(match[0]) ? "pp" : "%"),
    normalize: (value, unit) => ({ value, unit }),
  },
  {
    // "Three times faster", "ten times the electricity of": a multiple. "Three times this year" is
    // a count of occasions, read as a count further on.
    pattern:
      /^(?:\s?[x×](?![\p{L}\d])(?!\s\d)|\stimes(?=\s+(?:as|the|that|what|more|less|fewer|[\p{L}-]+er|[\p{L}-]+est)(?![\p{L}]))|\s?[-‑]?fold(?![\p{L}]))/u,
    measure: "ratio",
    unit: "x",
    normalize: (value) => ({ value, unit: "x" }),
  },
];

function lengthSymbol(written: string): string {
  if (/^mm|^milli/u.test(written)) return "mm";
  if (/^cm|^centi/u.test(written)) return "cm";
  if (/^km|^kilo/u.test(written)) return "km";
  if (/^mile/u.test(written)) return "mi";
  if (/^inch/u.test(written)) return "in";
  if (/^f(?:ee|oo)t/u.test(written)) return "ft";
  return "m";
}

function durationSymbol(written: string): string {
  if (/^(?:ms|milli)/u.test(written)) return "ms";
  if (/^(?:µs|micro)/u.test(written)) return "µs";
  if (/^(?:ns|nano)/u.test(written)) return "ns";
  if (/^sec/u.test(written)) return "s";
  if (/^min/u.test(written)) return "min";
  if (/^h/u.test(written)) return "h";
  if (/^day/u.test(written)) return "d";
  if (/^week/u.test(written)) return "wk";
  return "yr";
}

/** Rounds away floating-point noise (1.2 TB/s is 1200 GB/s, not 1199.9999999999998). */
function clean(value: number): number {
  if (Number.isSafeInteger(value)) return value;
  return Number.parseFloat(value.toPrecision(12));
}

/** Words after a bare number that do not name what it counts. */
const NOT_A_NOUN =
  /^(?:of|to|and|or|in|on|at|for|by|from|with|per|than|the|a|an|is|was|were|are|has|had|have|be|as|that|this|it|its|which|who|when|while|but|so|if|am|pm|a\.m|p\.m|o'clock|more|less|percent|und|oder|de|la|le|les|et|y|e|o|il|di|per|und|von|zu|im|auf|mit|der|die|das|des|del|en|el|los|las|across|always|perhaps|unless|thus|plus|versus|whereas|besides|towards|afterwards|does|goes|nevertheless|since|until|into|onto|over|under|after|before|about|around|between|among|during|through|without|within|each|every)$/iu;
/** Plurals that do not end in "s". */
const IRREGULAR_PLURAL =
  /^(?:people|children|men|women|staff|personnel|police|feet|teeth|mice|data|media|criteria|Leute|Menschen)$/u;
const MONTH_NAMES =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)/u;
const MONTH_BEFORE = new RegExp(`${MONTH_NAMES.source}\\s$`, "u");
const MONTH_AFTER = new RegExp(`^\\.?\\s${MONTH_NAMES.source}`, "u");

const CHANGE_AFTER =
  /^\s?(?:\(?(?:year[- ]over[- ]year|year[- ]on[- ]year|YoY|y\/y|quarter[- ]over[- ]quarter|quarter[- ]on[- ]quarter|QoQ|q\/q|month[- ]over[- ]month|sequentially|im Vorjahresvergleich|gegenüber (?:dem )?Vorjahr|im Vergleich zum Vorjahr|sur un an|en glissement annuel|interanual|su base annua)(?![\p{L}]))/iu;
const CHANGE_BEFORE =
  /(?:^|[^\p{L}])(?:rose|rise[sn]?|rising|dipped|dips?|spiked|spikes?|slumped|tumbled|rallied|advanced|retreated|edged (?:up|down|higher|lower)|ticked (?:up|down)|shed|added|grew|grow(?:s|ing|n)?|fell|fall(?:s|ing|en)?|dropped|drops?|dropping|declined|declines?|declining|jumped|jumps?|surged|surges?|climbed|climbs?|gained|gains?|lost|slipped|slid|plunged|plummeted|soared|increased|increases?|decreased|decreases?|shrank|shrunk|up|down|increase of|decrease of|decline of|drop of|growth of|rise of|jump of|gain of|fall of|stieg|steigt|sank|sinkt|wuchs|wächst|fiel|fällt|legte|Plus von|Minus von|Anstieg von|Rückgang von|augmenté|augmente|baissé|baisse|hausse de|baisse de|progressé|reculé|creció|crece|cayó|cae|aumentó|aumenta|subió|bajó|crescita|crebbe|cresciuto|calo|calato|aumentato|diminuito)\s+(?:(?:by|about|around|nearly|almost|roughly|some|more than|over|um|rund|etwa|de|en|un|del|di|dell'|of|an?|approximately|just|only)\s+)*$/iu;

const COMPARISON_AFTER: RegExp[] = [
  /^\s?as\s+(?:[\p{L}-]+\s+){1,3}?as\s+/u,
  /^\s?(?:[\p{L}-]+\s+){0,4}?(?:than|over|versus|vs\.|vs|compared (?:with|to)|relative to)\s+/u,
  /^\s?the\s+(?:[\p{L}-]+\s+){1,2}?of\s+/u,
];
const TARGET_STOP =
  /^(?:in|on|at|for|with|while|when|and|but|which|that|according|during|across|per|by|from|to|using|under|if|because|as|or)$/iu;

interface NumberToken {
  start: number;
  end: number;
  value: number;
  signed: boolean;
  word: boolean;
}

/**
 * Every figure in `text`, in order. `language` (a BCP 47 code) chooses the number format:
 * "1.299" is 1299 in German and 1.299 in English.
 */
export function parseQuantities(text: string, language = "en"): Quantity[] {
  const format = FORMATS[language.slice(0, 2).toLowerCase()] ?? FORMATS.en!;
  const pattern = new RegExp(format.pattern.source, format.pattern.flags);
  const quantities: Quantity[] = [];
  meter.steps += text.length;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const token = numberToken(text, match, format);
    if (!token) continue;
    const quantity = readQuantity(text, token, format, language);
    // A number too large to compute with ("1e400 TOPS") is no figure anyone can check.
    if (quantity && isFinite(quantity)) {
      quantities.push(quantity);
      pattern.lastIndex = Math.max(pattern.lastIndex, quantity.end);
    }
  }
  return quantities;
}

/**
 * The figure in its rule's common unit. js-quantities throws on values near the limit of a
 * double ("1e301 EFLOPS"): such a figure reads as not finite and is left out (`isFinite`).
 */
function normalizedOrNaN(rule: UnitRule, value: number, unit: string): { value: number; unit: string } {
  try {
    return rule.normalize(value, unit);
  } catch {
    return { value: Number.NaN, unit };
  }
}

const isFinite = (q: Quantity) =>
  Number.isFinite(q.value) &&
  Number.isFinite(q.normalized.value) &&
  (q.upper === undefined || Number.isFinite(q.upper));

function numberToken(text: string, match: RegExpExecArray, format: NumberFormat): NumberToken | undefined {
  const groups = match.groups ?? {};
  if (groups.word) {
    return {
      start: match.index,
      end: match.index + match[0].length,
      value: wordValue(groups.word),
      signed: false,
      word: true,
    };
  }
  const digits = groups.digits!;
  const start = match.index;
  const end = start + match[0].length;
  if (!standsAlone(text, start, end)) return undefined;
  const magnitude = format.toNumber(digits);
  if (!Number.isFinite(magnitude)) return undefined;
  const sign = groups.sign;
  if (sign && !signStandsAlone(text, start)) {
    return { start: start + sign.length, end, value: magnitude, signed: false, word: false };
  }
  return {
    start,
    end,
    value: sign === "-" || sign === "−" ? -magnitude : magnitude,
    signed: Boolean(sign),
    word: false,
  };
}

/**
 * A number that is part of a name ("H20", "A100", "v2", "COVID-19"), a list of digits
 * ("1,2,3,4"), a time ("9:30") or a fraction or date ("3/4") is not a figure.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  if (IDENTIFIER_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return false;
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  if (/[\p{L}\d_]$/u.test(before) && !CJK_END.test(before)) return false;
  if (/[\p{L}\d][-‑.,/:]$/u.test(before) || /\d[-‑]$/u.test(before)) return false;
  if (/^[.,:/]\d/u.test(after)) return false;
  return true;
}

/** Chinese and Japanese write numbers straight after a character: "达到40 TOPS". */
const CJK_END = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;

/**
 * "version 2.1", "No. 3", "#4", "Gen 5": the number names something. Not after a hyphen:
 * "second-generation 3-nanometer", "next-gen 2 nm" end an adjective, not a label.
 */
const IDENTIFIER_BEFORE =
  /(?:^|[^\p{L}\-‑])(?:version|ver\.|v\.|release|rev\.|revision|gen|generation|model|no\.|number|nr\.|chapter|page|p\.|step|phase|tier|stage|level|season|episode|series|route|room)\s?$|#\s?$/iu;

/** "−17%" carries a sign; the hyphen in "RTX-4090" or "2023-24" does not. */
function signStandsAlone(text: string, start: number): boolean {
  return start === 0 || /[\s([:,;]/u.test(text[start - 1]!);
}

function readQuantity(
  text: string,
  token: NumberToken,
  format: NumberFormat,
  language: string,
): Quantity | undefined {
  const windowEnd = Math.min(text.length, token.end + AFTER_WINDOW);
  meter.steps += AFTER_WINDOW + BEFORE_WINDOW;
  const before = text.slice(Math.max(0, token.start - BEFORE_WINDOW), token.start);
  const currencyBefore = CURRENCY_BEFORE.find(([pattern]) => pattern.test(before.slice(-CURRENCY_TAIL)));
  // Most numbers in hostile or tabular text have nothing after them that could be a unit.
  if (!currencyBefore && !MAY_HAVE_UNIT.test(text.slice(token.end, token.end + 3))) return undefined;
  let cursor = token.end;
  const rest = () => text.slice(cursor, windowEnd);

  const word = token.word ? text.slice(token.start, token.end).toLowerCase() : "";
  if (word in WORD_RATIOS) return readWordRatio(text, token, rest(), before);

  let upper: number | undefined;
  const range = readRangeEnd(rest(), format, before);
  let start = token.start;
  let currency = currencyBefore?.[1];
  if (currencyBefore) start -= before.slice(-CURRENCY_TAIL).match(currencyBefore[0])![0].length;
  if (currency === "¥") currency = /^(?:zh|cmn)/u.test(language) ? "CNY" : "JPY";
  if (range && unitFollows(text.slice(cursor + range.length, windowEnd), currency)) {
    upper = range.value;
    cursor += range.length;
  }

  let scale = 1;
  for (const [pattern, factor] of currency ? [...MONEY_SCALES, ...SCALES] : SCALES) {
    const found = rest().match(pattern);
    if (found) {
      scale = factor;
      cursor += found[0].length;
      break;
    }
  }

  const value = clean(token.value * scale);
  const upperValue = upper === undefined ? undefined : clean(upper * scale);
  const currencyAfter = currency ? undefined : CURRENCY_AFTER.find(([pattern]) => pattern.test(rest()));
  if (currencyAfter) {
    cursor += rest().match(currencyAfter[0])![0].length;
    currency = currencyAfter[1];
  }
  if (currency) {
    return finish(text, token, before, {
      start,
      end: cursor,
      value,
      upper: upperValue,
      unit: currency,
      measure: "money",
      normalized: { value, unit: currency },
    });
  }

  for (const rule of UNIT_RULES) {
    const found = rest().match(rule.pattern);
    if (!found) continue;
    const unit = typeof rule.unit === "string" ? rule.unit : rule.unit(found);
    const measure = rule.measure === "process node" && token.value > 100 ? "length" : rule.measure;
    cursor += found[0].length;
    return finish(text, token, before, {
      start,
      end: cursor,
      value,
      upper: upperValue,
      unit,
      measure,
      normalized: normalizedOrNaN(rule, value, unit),
    });
  }

  return readCount(text, token, before, start, cursor, value, scale, rest(), language);
}

/** "Twice as fast as", "half the power of", "twice what it added": a multiple written as a word. */
function readWordRatio(text: string, token: NumberToken, rest: string, before: string): Quantity | undefined {
  if (!/^\s+(?:as|the|what)\s/u.test(rest)) return undefined;
  return finish(text, token, before, {
    start: token.start,
    end: token.end,
    value: token.value,
    unit: "x",
    measure: "ratio",
    normalized: { value: token.value, unit: "x" },
  });
}

/**
 * A bare number counts something when a noun follows it: "170 accelerators", "3 million users",
 * "6.2 million paid subscribers", "a 16-core graphics unit", "22 of the 27 member states",
 * "142 tokens per second" (a rate).
 */
function readCount(
  text: string,
  token: NumberToken,
  before: string,
  start: number,
  cursor: number,
  value: number,
  scale: number,
  rest: string,
  language: string,
): Quantity | undefined {
  const digits = text.slice(token.start, token.end);
  if (scale === 1 && /^\d{4}$/u.test(digits) && token.value >= 1000 && token.value <= 2199) return undefined;
  if (MONTH_BEFORE.test(before.slice(-12)) || MONTH_AFTER.test(rest)) return undefined;
  if (scale === 1 && followsAName(before)) return undefined;
  const counted = countedNoun(rest, language);
  if (counted) {
    return finish(text, token, before, {
      start,
      end: cursor + counted.length,
      value,
      unit: counted.unit,
      measure: counted.rate ? "other" : "count",
      normalized: { value, unit: counted.unit },
    });
  }
  if (scale === 1) return undefined;
  return finish(text, token, before, {
    start,
    end: cursor,
    value,
    unit: "",
    measure: "count",
    normalized: { value, unit: "" },
  });
}

/** Capitalised words that lead into a count at the start of a sentence: "About 40 people". */
const LEAD_WORD =
  /^(?:about|some|nearly|over|only|another|all|roughly|almost|just|around|exactly|fewer|more|less|up|at|with|of|for|in|by|from|to|the|its|their|our|his|her|and|but|after|before|within|under|below|above|than|last|first|next|these|those|an|a|every|each|approximately|estimated|etwa|rund|fast|knapp|über|mehr|les|la|le|los|las|el|plus|près|environ|unos|unas|cerca|más|oltre|circa|quasi|gli|il|der|die|das|den|dem|mit|für|von|bei|seit)$/iu;

/**
 * "Windows 11 users", "RTX 4090 cards", "iPhone 16 Pro": a number right after a capitalised word
 * belongs to a name, unless that word only leads into the count ("About 40 people").
 */
function followsAName(before: string): boolean {
  const name = before.match(/(?:^|[^\p{L}\d])(\p{Ll}{0,2}\p{Lu}[\p{L}\d-]*)\s$/u);
  return name !== null && !LEAD_WORD.test(name[1]!);
}

const NOUN_WORD = /^\s(?<word>\p{Ll}[\p{L}'’-]{1,30}|\p{Lu}{2,6}s?)(?![\p{L}\d])/u;
/** A name inside a counted phrase: "1 million H20 chips", "5 Apple engineers". */
const NAME_WORD = /^\s(?<word>\p{Lu}[\p{L}\d-]{0,15})(?![\p{L}\d])/u;
const GERMAN_NOUN_WORD = /^\s(?<word>\p{L}[\p{L}'’-]{1,30})(?![\p{L}\d])/u;
/** "22 of the 27 member states", "3 out of 8 sentences". */
const PARTITIVE = new RegExp(
  String.raw`^\s(?:of|out of|von|sur|de|di)\s(?:(?:the|its|their|all|den|les|los|las|i|le)\s)?(?:\d[\d,.]*|(?:${[...TENS, ...TEENS, ...UNITS_WORDS].join("|")})(?:[-‑]\p{L}+)?)(?=\s)`,
  "iu",
);
const PER_TIME = /^\s(?:per|a|an|every|each)\s(?<per>second|minute|hour|day|month|year)(?![\p{L}])/u;
const PER_TIME_SYMBOL: Record<string, string> = {
  second: "s",
  minute: "min",
  hour: "h",
  day: "d",
  month: "month",
  year: "yr",
};

/** The noun phrase after a number, up to its first plural (the head noun in English). */
function countedNoun(
  rest: string,
  language: string,
): { unit: string; length: number; rate: boolean } | undefined {
  const hyphenated = rest.match(/^[-‑](?<word>\p{Ll}{2,20})(?![\p{L}\d-])/u);
  if (hyphenated && !NOT_A_NOUN.test(hyphenated.groups!.word!)) {
    return { unit: hyphenated.groups!.word!, length: hyphenated[0].length, rate: false };
  }
  const partitive = rest.match(PARTITIVE);
  const offset = partitive ? partitive[0].length : 0;
  const wordPattern = language.startsWith("de") ? GERMAN_NOUN_WORD : NOUN_WORD;
  const read: Array<{ word: string; end: number; name: boolean }> = [];
  let at = offset;
  while (read.length < 3) {
    const noun = rest.slice(at).match(wordPattern);
    const name = noun ? null : rest.slice(at).match(NAME_WORD);
    const found = noun ?? name;
    if (!found || NOT_A_NOUN.test(found.groups!.word!)) break;
    at += found[0].length;
    read.push({ word: found.groups!.word!, end: at, name: name !== null });
    if (noun && (/s$/u.test(found.groups!.word!) || IRREGULAR_PLURAL.test(found.groups!.word!))) break;
  }
  // The phrase runs to its first plural ("6.2 million paid subscribers", "1 million H20 chips").
  // Without one, "4 grid" is no count; German and Italian plurals have no common ending, so there
  // the first word alone is the noun ("3 Mio. Nutzer"), unless it is a name.
  const isPlural = (word: string) => /s$/u.test(word) || IRREGULAR_PLURAL.test(word);
  const plural = read.findIndex((w) => !w.name && isPlural(w.word));
  const pluralsUnmarked = /^(?:de|it)/u.test(language);
  const phrase =
    plural >= 0 ? read.slice(0, plural + 1) : pluralsUnmarked ? read.slice(0, 1).filter((w) => !w.name) : [];
  if (phrase.length === 0) return undefined;
  const words = phrase.map((w) => w.word);
  const length = phrase[phrase.length - 1]!.end;
  const per = rest.slice(length).match(PER_TIME);
  const unit = words.join(" ");
  // "22 of the 27 member states": the first figure counts member states too, but its text stops
  // at the number so that the second figure is read on its own.
  if (partitive) return { unit, length: 0, rate: false };
  if (per)
    return {
      unit: `${unit}/${PER_TIME_SYMBOL[per.groups!.per!]}`,
      length: length + per[0].length,
      rate: true,
    };
  return { unit, length, rate: false };
}

/** "3–4%", "10 to 12 GB": the second number of a range, when a unit follows it. */
function readRangeEnd(
  rest: string,
  format: NumberFormat,
  before: string,
): { value: number; length: number } | undefined {
  const joiner = /between\s$|zwischen\s$|entre\s$|tra\s$/iu.test(before)
    ? /^\s?(?:–|—|-|to|and|und|et|y|e)\s?/u
    : /^\s?(?:–|—|-|to|bis|à|a|al)\s?/u;
  const join = rest.match(joiner);
  if (!join) return undefined;
  const second = rest.slice(join[0].length).match(format.anchored);
  if (!second?.groups?.digits || second.groups.sign) return undefined;
  const value = format.toNumber(second.groups.digits);
  if (!Number.isFinite(value)) return undefined;
  return { value, length: join[0].length + second[0].length };
}

function unitFollows(rest: string, currency: string | undefined): boolean {
  if (currency) return true;
  if (SCALES.some(([pattern]) => pattern.test(rest))) return true;
  if (CURRENCY_AFTER.some(([pattern]) => pattern.test(rest))) return true;
  return UNIT_RULES.some((rule) => rule.pattern.test(rest));
}

/** Adds what the words around a figure say about it: a comparison target, or that it is a change. */
function finish(
  text: string,
  token: NumberToken,
  before: string,
  quantity: Omit<Quantity, "text">,
): Quantity {
  const after = text.slice(quantity.end, Math.min(text.length, quantity.end + AFTER_WINDOW));
  const result: Quantity = { text: text.slice(quantity.start, quantity.end), ...quantity };
  if (result.upper === undefined) delete result.upper;
  if (result.measure === "ratio" || result.measure === "percent") {
    const comparedTo = comparisonTarget(after);
    if (comparedTo) result.comparedTo = comparedTo;
  }
  if (token.signed || CHANGE_AFTER.test(after) || CHANGE_BEFORE.test(before)) {
    if (result.measure !== "count" && result.measure !== "duration") result.change = true;
  }
  return result;
}

function comparisonTarget(after: string): string | undefined {
  for (const pattern of COMPARISON_AFTER) {
    const lead = after.match(pattern);
    if (!lead) continue;
    const words: string[] = [];
    for (const word of after.slice(lead[0].length).split(/\s+/u)) {
      if (words.length === 6 || TARGET_STOP.test(word)) break;
      const trimmed = word.replace(/[,.;:!?)”"]+$/u, "");
      if (trimmed) words.push(trimmed);
      if (trimmed !== word || !trimmed) break;
    }
    if (words.length > 0) return words.join(" ");
  }
  return undefined;
}

/** The figures of a claim whose text starts at `start` in the document, with document offsets. */
export function claimQuantities(claim: { start: number; text: string }, language?: string): Quantity[] {
  return parseQuantities(claim.text, language).map((q) => ({
    ...q,
    start: claim.start + q.start,
    end: claim.start + q.end,
  }));
}
