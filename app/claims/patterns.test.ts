import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "./extract";
import { allMatches, asciiTwin, lettersAreAscii, matchesTwin, twins } from "./patterns";

const evalDir = new URL("../../fixtures/eval/", import.meta.url);
/** Every sentence of the evaluation articles and the seed article, in all their languages. */
const evalSentences = [
  ...readdirSync(evalDir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => readFileSync(new URL(name, evalDir), "utf8")),
  readFileSync(new URL("../../fixtures/alibaba-ai-chip.txt", import.meta.url), "utf8"),
].flatMap((article) => extract(article).sentences.map((s) => s.text));

const everyBmpCharacter = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

describe("ASCII twins", () => {
  it("match exactly what the Unicode pattern matches, character by character, wherever letters are ASCII", () => {
    const patterns = [
      /\p{L}/u,
      /\p{Lu}/u,
      /\p{Ll}/u,
      /\p{N}/u,
      /[\p{L}\p{N}]/u,
      /[^\p{L}\p{N}.,]/u,
      /\p{Lu}/iu,
      /[\p{Ll}]/iu,
      /s|k/iu,
      /\w\b/iu,
    ];
    const readable = everyBmpCharacter.filter(lettersAreAscii);
    expect(readable.length).toBeGreaterThan(128 + 100);
    for (const pattern of patterns) {
      const twin = asciiTwin(pattern);
      const differ = readable.filter((c) => pattern.test(c) !== twin.test(c));
      expect(differ, `${pattern} against ${twin}`).toEqual([]);
    }
  });

  it("count a text's letters as ASCII only when none is outside ASCII", () => {
    expect(lettersAreAscii("Alibaba’s “Hanguang 800” — 12 nm, €120 million × 2…")).toBe(true);
    for (const text of ["Nestlé", "ª", "µs", "x²", "½", "中国", "Ｈ20", "𝐀", "ſaid", "\u212Aelvin"])
      expect(lettersAreAscii(text), text).toBe(false);
  });

  it("read the property classes inside and outside brackets, and keep every other escape", () => {
    expect(asciiTwin(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'’-]*\.\d/gu)).toEqual(
      /(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&'’-]*\.\d/g,
    );
    expect(asciiTwin(/[^\p{L}]\\p/u)).toEqual(/[^A-Za-z]\\p/);
    // The u flag stays where the pattern needs it for more than property classes.
    expect(asciiTwin(/\p{L}\u{1F600}/u).flags).toBe("u");
  });

  it("refuse a pattern that reads any other property, so it fails when its module loads", () => {
    expect(() => asciiTwin(/\p{Script=Han}/u)).toThrow(/No ASCII twin/);
    expect(() => asciiTwin(/\P{L}/u)).toThrow(/No ASCII twin/);
  });

  it("find the same matches as the Unicode patterns in every evaluation sentence whose letters are ASCII", () => {
    const patterns = [
      /(?<![\p{L}\p{N}])(?:(?:\p{Lu}\.){2,}|(?:\p{Lu}|\p{Ll}+\p{Lu})[\p{L}\p{N}]*(?:[’'‑\-&.][\p{L}\p{N}]+)*)/gu,
      /(?<![\p{L}\p{N}.,])[+−-]?\d[\d,]*(?:\.\d+)?(?![\p{L}\p{N}])/gu,
      /\p{Lu}[\p{L}\p{N}&'’-]*/gu,
    ];
    const readable = evalSentences.filter(lettersAreAscii);
    expect(readable.length).toBeGreaterThan(100);
    for (const pattern of patterns) {
      const twin = asciiTwin(pattern);
      for (const text of readable)
        expect(allMatches(twin, text).map(String), text).toEqual(allMatches(pattern, text).map(String));
    }
  });
});

describe("matchesTwin", () => {
  it("answers as the Unicode pattern does, for words in any script", () => {
    const productShape =
      /^(?:\p{Ll}+\p{Lu}\p{L}*|\p{Lu}+[‑-]\p{Lu}\p{N}*|.*\p{L}.*\p{N}.*|.*\p{N}.*\p{L}.*)$/u;
    const pair = twins(productShape);
    const words = evalSentences.flatMap((s) => s.split(/\s+/));
    for (const word of [...words, "iPhone", "RISC-V", "H20", "Ｈ20", "Ströme2", "Škoda"])
      expect(matchesTwin(pair, word), word).toBe(productShape.test(word));
  });
});

describe("allMatches", () => {
  it("finds what matchAll finds, empty matches included", () => {
    const patterns = [/\S+/g, /[\p{L}\p{N}]+/gu, /\b/g, /(?:)/gu, /x*/g];
    for (const text of [...evalSentences.slice(0, 50), "", "a😀b", "中文 text"])
      for (const pattern of patterns)
        expect(allMatches(pattern, text).map((m) => [m.index, m[0]])).toEqual(
          [...text.matchAll(pattern)].map((m) => [m.index, m[0]]),
        );
  });

  it("refuses a pattern that is not global, which would never stop", () => {
    expect(() => allMatches(/a/, "aaa")).toThrow(/global/);
  });
});
