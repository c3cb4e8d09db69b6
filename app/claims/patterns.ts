/**
 * ASCII twins of Unicode patterns. V8 matches a Unicode property class (\p{L}, \p{Lu}) about ten
 * times slower than an ASCII range, and most sentences of an English article hold no letter or
 * digit outside ASCII (their curly quotes, dashes and currency signs are neither). In such a
 * text \p{L} finds exactly what [A-Za-z] finds, so the scans that run on every sentence use the
 * twin there and the Unicode pattern everywhere else.
 */

/**
 * Any character that is, or may be, a letter or digit outside ASCII (or a control character).
 * Allowed: printable ASCII and whitespace, the Latin-1 signs that are neither (no-break space, ©,
 * «», °, ±, ×, ÷…), general punctuation (U+2000–U+206F: spaces, dashes, curly quotes, …),
 * currency signs (U+20A0–U+20CF) and the minus.
 */
const MAYBE_OTHER_LETTER_OR_DIGIT =
  /[^\t\n\v\f\r -~\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u00D7\u00F7\u2000-\u206F\u20A0-\u20CF\u2212]/;

/** Whether every letter and digit of `text` is ASCII: then a pattern's ASCII twin may read it. */
export function lettersAreAscii(text: string): boolean {
  return !MAYBE_OTHER_LETTER_OR_DIGIT.test(text);
}

const ASCII_RANGES: Record<string, string> = { L: "A-Za-z", Lu: "A-Z", Ll: "a-z", N: "0-9" };
const PROPERTY = /^\\p\{(L|Lu|Ll|N)\}/;

/**
 * The pattern with \p{L}, \p{Lu}, \p{Ll} and \p{N} read as their ASCII ranges, and without the
 * `u` flag when nothing else needs it (the flag alone slows some patterns threefold). Throws for
 * a property it cannot translate, so a pattern that gains one fails when its module loads.
 */
export function asciiTwin(pattern: RegExp): RegExp {
  const { source } = pattern;
  let twin = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const property = char === "\\" ? PROPERTY.exec(source.slice(i, i + 6)) : null;
    if (property) {
      const range = ASCII_RANGES[property[1]!]!;
      twin += inClass ? range : `[${range}]`;
      i += property[0].length - 1;
    } else if (char === "\\") {
      twin += source.slice(i, i + 2);
      i++;
    } else {
      if (char === "[") inClass = true;
      else if (char === "]") inClass = false;
      twin += char;
    }
  }
  if (/\\[pP]\{/.test(twin)) throw new Error(`No ASCII twin for ${pattern}: it reads another property`);
  const needsUnicode = /\\u\{|[\uD800-\uDFFF]/.test(twin);
  return new RegExp(twin, needsUnicode ? pattern.flags : pattern.flags.replace("u", ""));
}

/** A pattern and its ASCII twin, for texts whose letters are all ASCII (`lettersAreAscii`). */
export interface Twins {
  readonly unicode: RegExp;
  readonly ascii: RegExp;
}

export function twins(pattern: RegExp): Twins {
  return { unicode: pattern, ascii: asciiTwin(pattern) };
}

/** The twin to scan a text with: `ascii` is `lettersAreAscii(text)`. */
export function pick(patterns: Twins, ascii: boolean): RegExp {
  return ascii ? patterns.ascii : patterns.unicode;
}

/**
 * The matches of a global pattern in `text`, as `text.matchAll(pattern)` gives them, without the
 * copy of the pattern that matchAll makes on every call (which costs more than the scan itself
 * on a short sentence). The pattern's lastIndex is reset before and after.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern, not ${pattern}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match moves on by one character (a whole code point when the pattern reads them).
    if (match[0] === "") {
      const wide = pattern.unicode && text.codePointAt(match.index)! > 0xffff;
      pattern.lastIndex = match.index + (wide ? 2 : 1);
    }
  }
  pattern.lastIndex = 0;
  return found;
}

/** Whether a (non-global) pattern matches `text`, read through its ASCII twin when it may be. */
export function matchesTwin(patterns: Twins, text: string): boolean {
  return pick(patterns, lettersAreAscii(text)).test(text);
}
