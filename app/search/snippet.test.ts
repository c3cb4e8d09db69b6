import { describe, expect, it } from "vitest";
import { includedWords, parseQuery } from "./query";
import {
  FIELD_SEPARATOR,
  MARK_END,
  MARK_START,
  SNIPPET_TEXT_LIMIT,
  plainSnippet,
  readable,
  snippetOf,
  snippetParts,
  stemOf,
} from "./snippet";

const marked = (snippet: string) =>
  snippetParts(snippet)
    .filter((part) => part.marked)
    .map((part) => part.text);
const fields = (...texts: string[]) => texts.join(FIELD_SEPARATOR);
const filler = (words: number) => Array.from({ length: words }, (_, i) => `w${i}`).join(" ");

describe("snippetOf", () => {
  it("ends an excerpt cut after a sentence without a second ellipsis, and one cut at a comma with one", () => {
    // The window: six words before the match, 24 in all; here its last word ends a sentence.
    const ending = (end: string) => `${filler(10)} a b c d e predecessor ${filler(17)}${end} ${filler(30)}`;
    expect(plainSnippet(snippetOf(ending("."), ["predecessor"]))).toMatch(/^….* w16\.$/);
    expect(plainSnippet(snippetOf(ending("!”"), ["predecessor"]))).toMatch(/ w16!”$/);
    expect(plainSnippet(snippetOf(ending(";"), ["predecessor"]))).toMatch(/ w16…$/);
  });

  it("marks every form of a word the index would have matched", () => {
    const snippet = snippetOf("Alibaba said its new chip beats the chips Nvidia sells.", ["chips"]);
    expect(marked(snippet)).toEqual(["chip", "chips"]);
    expect(plainSnippet(snippet)).toBe("Alibaba said its new chip beats the chips Nvidia sells.");
    expect(stemOf("running")).toBe("run");
    expect(stemOf("is")).toBe("is");
  });

  it("marks what the index's Porter stemmer matched, and nothing it did not", () => {
    // A rough "strip the ending" stem missed "policies" for "policy" and marked "runner" for "running".
    expect(marked(snippetOf("One policy, two policies, and the police.", ["policy"]))).toEqual([
      "policy",
      "policies",
    ]);
    expect(marked(snippetOf("The runner kept running; she runs daily.", ["running"]))).toEqual([
      "running",
      "runs",
    ]);
    expect(marked(snippetOf("A rating and a rate, rather than a rat.", ["ratings"]))).toEqual([
      "rating",
      "rate",
    ]);
    expect(marked(snippetOf("Chipmakers sell chips; a chip is a chipset's heart.", ["chips"]))).toEqual([
      "chips",
      "chip",
    ]);
    // Capitals and possessives read as the index reads them.
    expect(marked(snippetOf("TOPS figures and Nvidia's TOPS claim", ["tops"]))).toEqual(["TOPS", "TOPS"]);
  });

  it("looks at a bounded number of candidate words in a long field", () => {
    const text = `${"chipmaker ".repeat(20_000)} chip`;
    const snippet = snippetOf(text, ["chip"]);
    // The one match lies past the candidates weighed: the field's opening is shown, unmarked.
    expect(marked(snippet)).toEqual([]);
    expect(plainSnippet(snippet).startsWith("chipmaker chipmaker")).toBe(true);
  });

  it("marks a short word only as itself or its plural, and never inside a word", () => {
    const text = "An article about a chip, and another about arts and art.";
    expect(marked(snippetOf(text, ["a", "chip"]))).toEqual(["a", "chip"]);
    expect(marked(snippetOf(text, ["art"]))).toEqual(["arts", "art"]);
    // An accent written apart from its letter is part of the word.
    expect(marked(snippetOf("e\u0301chip and chip", ["chip"]))).toEqual(["chip"]);
  });

  it("shows about two dozen words around the first match, with … where the text goes on", () => {
    const text = `${filler(500)} Hanguang 800 is an inference chip ${filler(500)}`;
    const snippet = snippetOf(text, ["hanguang"]);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(marked(snippet)).toEqual(["Hanguang"]);
    const words = plainSnippet(snippet).split(" ");
    expect(words.length).toBeLessThanOrEqual(24);
    expect(words.indexOf("…w494")).toBe(0);
  });

  it("shows the place where most of the words are together, not the first word alone", () => {
    const text = `A chip opens this. ${filler(200)} Hanguang 800 is an inference chip. ${filler(50)}`;
    expect(marked(snippetOf(text, ["hanguang", "chip"]))).toEqual(["Hanguang", "chip"]);
    expect(marked(snippetOf(fields("A chip here.", "Hanguang chip there."), ["hanguang", "chip"]))).toEqual([
      "Hanguang",
      "chip",
    ]);
    expect(marked(snippetOf(text, ["chip"]))).toEqual(["chip"]);
    expect(plainSnippet(snippetOf(text, ["chip"])).startsWith("A chip opens this.")).toBe(true);
  });

  it("takes the first field that holds a word, or the first field's opening", () => {
    expect(plainSnippet(snippetOf(fields("The quote", "A rationale about power"), ["power"]))).toBe(
      "A rationale about power",
    );
    expect(plainSnippet(snippetOf(fields("Power in the quote", "power again"), ["power"]))).toBe(
      "Power in the quote",
    );
    expect(snippetOf(fields("", `Nothing here ${filler(100)}`), ["absent"])).toBe(
      `Nothing here ${filler(22)}…`,
    );
    expect(snippetOf(fields("", "  "), ["absent"])).toBe("");
  });

  it("cannot be made to carry marks, control characters or markup of the text's own", () => {
    const hostile = `a ${MARK_START}forged${MARK_END} <b>bold</b> \u0000nul\u0007 word`;
    const snippet = snippetOf(hostile, ["word"]);
    expect(marked(snippet)).toEqual(["word"]);
    expect(snippet).toBe(`a forged <b>bold</b> nul ${MARK_START}word${MARK_END}`);
  });

  it("reads words with regular-expression characters as text", () => {
    const text = "C++ and (a) and a.b+ but not abbb";
    expect(marked(snippetOf(text, ["c++", "(a", "a.b+", "[", "\\"]))).toEqual(["C++", "(a", "a.b+"]);
    expect(snippetOf("anything", [])).toBe("anything");
  });

  it("looks only at each field's first SNIPPET_TEXT_LIMIT characters", () => {
    const text = `Opening words ${"x".repeat(SNIPPET_TEXT_LIMIT)} Hanguang`;
    expect(marked(snippetOf(text, ["hanguang"]))).toEqual([]);
    expect(snippetOf(text, ["hanguang"]).startsWith("Opening words")).toBe(true);
  });

  it("stays short on text without spaces, and never splits a character in two", () => {
    const url = `https://example.org/${"a".repeat(5000)}chip${"b".repeat(5000)}`;
    const snippet = snippetOf(url, ["chip"]);
    expect(plainSnippet(snippet).length).toBeLessThanOrEqual(322);
    const emoji = "😀".repeat(400);
    for (const at of [10, 11, 101, 399]) {
      const text = `${emoji.slice(0, at * 2)}chip${emoji}`;
      const plain = plainSnippet(snippetOf(text, ["chip"])).replace(/^…|…$/g, "");
      expect(plain).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it("marks no excluded word", () => {
    const words = includedWords(parseQuery('chip "inference server" -nvidia'));
    expect(words).toEqual(["chip", "inference", "server"]);
    expect(marked(snippetOf("An Nvidia chip in an inference server", words))).toEqual([
      "chip",
      "inference",
      "server",
    ]);
  });

  it("reads markdown as text: no escapes, emphasis, link targets or line marks", () => {
    expect(
      readable(String.raw`TSMC\'s 3nm process is \"three times … Orin\.\" Nimbus raised \$120 million`),
    ).toBe(`TSMC's 3nm process is "three times … Orin." Nimbus raised $120 million`);
    expect(
      readable('**no** public *sparse* __data__ [the report](https://x.org/a_b "T") ![chart](c.png) `code`'),
    ).toBe("no public sparse data the report chart code");
    expect(
      readable("## Heading\n> quoted\n- item\n12. numbered\nsnake_case_name, 5 * 3 and \\*stars\\*"),
    ).toBe("Heading\nquoted\nitem\nnumbered\nsnake_case_name, 5 * 3 and *stars*");
    const snippet = snippetOf("Its **power** draw is *300 W*, \\$1 a day", ["power"]);
    expect(snippet).toBe(`Its ${MARK_START}power${MARK_END} draw is 300 W, $1 a day`);
  });
});
