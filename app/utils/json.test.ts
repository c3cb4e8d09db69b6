import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseStoredJson, readStoredJson } from "./json";

const Reasons = z.array(z.string());

describe("stored JSON comes back through its schema", () => {
  it("parses what the schema accepts and throws on anything else", () => {
    expect(parseStoredJson(Reasons, '["Names a company"]')).toEqual(["Names a company"]);
    expect(() => parseStoredJson(Reasons, '[1, "x"]')).toThrow();
    expect(() => parseStoredJson(Reasons, "not json")).toThrow();
  });

  it("reads old or hand-written values tolerantly: a fallback, never an exception", () => {
    expect(readStoredJson(Reasons, '["a","b"]', [])).toEqual(["a", "b"]);
    for (const text of [null, "", "not json", "{}", "[1,2]", "null"])
      expect(readStoredJson(Reasons, text, [])).toEqual([]);
  });
});
