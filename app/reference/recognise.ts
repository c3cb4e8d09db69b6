/**
 * Which reference hardware a claim names. Aliases are generated from each row's name (vendor,
 * product-line words such as "HGX", form factors such as SXM or PCIe and memory sizes taken off:
 * "NVIDIA HGX H20" is also "HGX H20", "H20" and "Nvidia H20") plus the aliases editors type.
 *
 * One-word names ("H20", "A100", "L4", "Trillium") are everyday strings too: a road, a
 * misspelt H2O, a flower. They count only in a sentence that talks about hardware (a vendor's
 * name, "chip", "GPU", "TOPS"...). No name counts inside a longer token ("GH200" is not "H200",
 * "A1000" is not "A100", "Ascend 910B" is not "Ascend 910").
 */

export interface NamedHardware {
  id: number;
  name: string;
  aliases: string;
  manufacturer: string;
}

export interface Mention<H extends NamedHardware = NamedHardware> {
  hardware: H;
  text: string;
  start: number;
  end: number;
}

const VENDORS = [
  "NVIDIA",
  "AMD",
  "Google",
  "Huawei",
  "Intel",
  "Amazon",
  "AWS",
  "Meta",
  "Baidu",
  "Cambricon",
  "Biren",
  "MetaX",
  "T-Head",
  "Alibaba",
  "Microsoft",
  "Tesla",
  "Moore Threads",
  "Iluvatar",
  "Groq",
  "Sunway",
  "Hygon",
];
/** Product-line words a name may be given with or without. */
const LINE_WORDS = /^(?:HGX|DGX|Tesla|Radeon|Instinct|Habana|GeForce|Quadro|Data Center GPU)\s+/i;
/** Form factors, memory sizes and board powers that tell variants of one chip apart. */
const VARIANT = /\s+(?:SXM\d?|PCIe|PCle|NVL|OAM|DGXS|\d+\s?GB|\(\d+W\))(?=\s|$)/gi;
/** The same talk in Chinese: chip, graphics card, accelerator, compute, processor, vendors. */
const CJK_HARDWARE_WORDS =
  /芯片|显卡|加速卡|加速器|算力|处理器|半导体|晶片|英伟达|辉达|华为|昇腾|阿里|寒武纪|百度|昆仑/;
/** Product lines the Chinese press names in Chinese: 昇腾910B is the Ascend 910B. */
const CHINESE_LINE_NAMES: Record<string, string> = { ascend: "昇腾", hanguang: "含光", kunlun: "昆仑" };
const LOCAL_LINE_NAMES = /\b(?:Ascend|Hanguang|Kunlun)\b/gi;
const HARDWARE_WORDS =
  /\b(?:chips?|GPUs?|accelerators?|processors?|cards?|boards?|supercomputers?|NPUs?|TPUs?|silicon|semiconductors?|data ?cent(?:er|re)s?|servers?|inference|training|[TPE]?FLOPS|[TP]?OPS|HBM\d?e?|compute|AI)\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The names a row may be called by, longest first, and which of them are its own: names that
 * keep its variant (form factor, memory size). A name shared by variants ("A100") stands for the
 * row whose own name it is ("NVIDIA A100", not "NVIDIA A100 SXM4 80 GB").
 */
export function namesOf(hardware: NamedHardware): { all: string[]; own: Set<string> } {
  const own = new Set<string>();
  const derived = new Set<string>();
  const full = squash(hardware.name.replace(/\([^)]*\)/g, " "));
  const vendor = VENDORS.find((v) => full.toLowerCase().startsWith(`${v.toLowerCase()} `));
  const bare = vendor ? full.slice(vendor.length + 1) : full;
  const vendorName =
    vendor ?? VENDORS.find((v) => hardware.manufacturer.toLowerCase().includes(v.toLowerCase()));
  for (const base of [full, bare]) {
    let name = base;
    own.add(name);
    while (LINE_WORDS.test(name)) {
      name = name.replace(LINE_WORDS, "");
      own.add(name);
    }
    const core = squash(name.replace(VARIANT, ""));
    derived.add(core);
    if (base === bare && vendorName) {
      own.add(`${vendorName} ${name}`);
      derived.add(`${vendorName} ${core}`);
    }
  }
  for (const alias of hardware.aliases.split(",")) if (alias.trim()) own.add(squash(alias));
  for (const name of [...own]) {
    const local = name.replace(LOCAL_LINE_NAMES, (word) => CHINESE_LINE_NAMES[word.toLowerCase()]!);
    if (local !== name) own.add(local);
  }
  const all = [...new Set([...own, ...derived])]
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length);
  return { all, own: new Set([...own].map((name) => name.toLowerCase())) };
}

export const aliasesOf = (hardware: NamedHardware): string[] => namesOf(hardware).all;

/** How much a row knows: among rows sharing an alias, the fullest one stands for it. */
type Filled<H> = (hardware: H) => number;

interface Alias<H> {
  /** The name as typed, lower case: names without a space need hardware talk around them. */
  key: string;
  /** Its words: runs of letters and digits ("mlu370", "x8"). */
  words: string[];
  hardware: H;
}

export interface Catalogue<H extends NamedHardware> {
  /** Aliases by their first word, longest first. */
  byFirstWord: Map<string, Array<Alias<H>>>;
  vendorWords: RegExp;
}

/**
 * A word: a run of letters and digits, except that each Chinese or Japanese character is a word
 * of its own (those scripts put no spaces between words): "英伟达H20芯片" is 英 伟 达 H20 芯 片.
 */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;
/** What may stand between two words of a name: "Ascend 910B", "Ascend-910B", "MLU370-S4/S8". */
const NAME_GAP = /^[\s\u00a0\-/]{0,3}$/;
const wordsOf = (text: string) => text.toLowerCase().match(WORD) ?? [];

/**
 * Indexes rows by alias. A shared alias ("A100" is four rows) stands for the row whose own short
 * name it is ("NVIDIA A100"), else the row with the most figures, else the earliest listed.
 */
export function catalogue<H extends NamedHardware>(rows: H[], filled: Filled<H> = () => 0): Catalogue<H> {
  const byAlias = new Map<string, H>();
  const exact = new Set<string>();
  for (const row of rows) {
    const { all, own } = namesOf(row);
    for (const alias of all) {
      const key = alias.toLowerCase();
      const held = byAlias.get(key);
      const isOwn = own.has(key);
      if (!held || (isOwn && !exact.has(key)) || (!exact.has(key) && !isOwn && filled(row) > filled(held))) {
        byAlias.set(key, row);
        if (isOwn) exact.add(key);
      }
    }
  }
  const byFirstWord = new Map<string, Array<Alias<H>>>();
  for (const [key, hardware] of byAlias) {
    const words = wordsOf(key);
    if (words.length === 0) continue;
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ key, words, hardware });
    byFirstWord.set(words[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const manufacturers = new Set([...VENDORS, ...rows.map((row) => row.manufacturer).filter(Boolean)]);
  const vendorWords = new RegExp(`\\b(?:${[...manufacturers].map(escape).join("|")})\\b`, "i");
  return { byFirstWord, vendorWords };
}

type Word = { text: string; start: number; end: number };

/** Whether the alias's words are the text's words from `at` on ("H100s" is "H100"'s plural). */
function matchesAt<H>(alias: Alias<H>, words: Word[], text: string, at: number): boolean {
  if (at + alias.words.length > words.length) return false;
  return alias.words.every((word, k) => {
    const found = words[at + k]!;
    const last = k === alias.words.length - 1;
    if (found.text !== word && !(last && found.text === `${word}s`)) return false;
    return k === 0 || NAME_GAP.test(text.slice(words[at + k - 1]!.end, found.start));
  });
}

/** The hardware a text names, in order of mention; at each place the longest name wins. */
export function recognise<H extends NamedHardware>(text: string, index: Catalogue<H>): Array<Mention<H>> {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({
    text: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  let talksHardware: boolean | undefined;
  const found: Array<Mention<H>> = [];
  for (let at = 0; at < words.length; at++) {
    const first = words[at]!.text;
    const candidates = index.byFirstWord.get(first) ?? index.byFirstWord.get(first.replace(/s$/, "")) ?? [];
    const alias = candidates.find((candidate) => matchesAt(candidate, words, text, at));
    if (!alias) continue;
    if (!/\s/.test(alias.key)) {
      talksHardware ??=
        HARDWARE_WORDS.test(text) || CJK_HARDWARE_WORDS.test(text) || index.vendorWords.test(text);
      if (!talksHardware) continue;
    }
    const start = words[at]!.start;
    const end = words[at + alias.words.length - 1]!.end;
    // "H100s" names the H100: the plural's s is not part of the name.
    const named = text.slice(start, end).replace(/s$/, (s) => (alias.words.at(-1)!.endsWith("s") ? s : ""));
    found.push({ hardware: alias.hardware, text: named, start, end: start + named.length });
    at += alias.words.length - 1;
  }
  return found;
}
