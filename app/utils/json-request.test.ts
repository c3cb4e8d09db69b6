import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonRequest, REQUEST_JSON_BOUNDS, withinJsonBounds } from "./json-request";

const bounds = { maxValues: 5, maxDepth: 3 };

describe("withinJsonBounds: counting a body's shape before parsing it", () => {
  it("counts values by the openings and commas outside strings", () => {
    expect(withinJsonBounds("[1,2,3,4]", bounds)).toBe(true); // 1 array + 3 commas
    expect(withinJsonBounds("[1,2,3,4,5]", bounds)).toBe(true);
    expect(withinJsonBounds("[1,2,3,4,5,6]", bounds)).toBe(false);
    expect(withinJsonBounds('{"a":1,"b":{"c":[2,3]}}', bounds)).toBe(true);
  });

  it("does not count commas, brackets or braces inside strings, escaped quotes included", () => {
    expect(withinJsonBounds(JSON.stringify({ markdown: "a, b, c, d, e, f, [[[[ {{{{" }), bounds)).toBe(true);
    expect(withinJsonBounds(JSON.stringify({ text: 'He said "a, b, c, d, e, f"' }), bounds)).toBe(true);
    expect(
      withinJsonBounds(JSON.stringify({ text: "ends in a backslash \\" + ",".repeat(10) }), bounds),
    ).toBe(true);
    // After an escaped quote the string goes on; after the real one, commas count again.
    expect(withinJsonBounds('["a\\",,,,,,,", 1, 2, 3, 4, 5]', bounds)).toBe(false);
    // An escaped backslash ends nothing: the quote after it closes the string.
    expect(withinJsonBounds('["a\\\\",1,2,3,4,5]', bounds)).toBe(false);
    expect(withinJsonBounds('["a\\\\",1,2,3]', bounds)).toBe(true);
  });

  it("refuses nesting deeper than the bound, however few values", () => {
    expect(withinJsonBounds("[[[1]]]", bounds)).toBe(true);
    expect(withinJsonBounds("[[[[1]]]]", bounds)).toBe(false);
    expect(withinJsonBounds("[".repeat(4_000_000), REQUEST_JSON_BOUNDS)).toBe(false);
  });

  it("leaves malformed JSON to JSON.parse", () => {
    expect(withinJsonBounds("{not json", bounds)).toBe(true);
    expect(withinJsonBounds('"unterminated', bounds)).toBe(true);
    expect(withinJsonBounds("]]]]]", bounds)).toBe(true);
    // A stray closing ends the reading: depth never goes below zero to let deeper nesting through.
    expect(withinJsonBounds("]]]]]]]]][[[[[[[[", bounds)).toBe(true);
    expect(() => JSON.parse("]]]]]]]]][[[[[[[[")).toThrow();
  });
});

describe("readJsonRequest", () => {
  const Schema = z.strictObject({ text: z.string().max(20, "Keep text under 20 characters.") });

  it("refuses 8 MB of keys before parsing them, with a sentence", () => {
    const keys = `{${Array.from({ length: 690_000 }, (_, i) => `"k${i}":0`).join(",")}}`;
    expect(() => readJsonRequest(keys, Schema)).toThrow(
      "The request body holds more than 20,000 values or nests deeper than 32 levels. Nothing was saved.",
    );
  });

  it("reads a long string (an article's markdown) whatever its punctuation", () => {
    const markdown = "Acme, Inc. sold [5 million] {chips}, in 2024. ".repeat(50_000);
    const Article = z.strictObject({ markdown: z.string() });
    expect(readJsonRequest(JSON.stringify({ markdown }), Article).markdown).toBe(markdown);
  });

  it("says what is wrong: not JSON, an unknown field, a schema's own sentence", () => {
    expect(() => readJsonRequest("{", Schema)).toThrow("The request body is not valid JSON.");
    expect(() => readJsonRequest('{"text":"a","x":1}', Schema)).toThrow(
      "Unknown field(s): x. Nothing was saved.",
    );
    expect(() => readJsonRequest(JSON.stringify({ text: "x".repeat(21) }), Schema)).toThrow(
      "text: Keep text under 20 characters. Nothing was saved.",
    );
    expect(() => readJsonRequest("", Schema)).toThrow("text: This field is required. Nothing was saved.");
  });
});
