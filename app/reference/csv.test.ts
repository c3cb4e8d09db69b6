import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, parseCsvObjects } from "./csv";

describe("parseCsv", () => {
  it("reads plain fields and both line endings", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\n4,,6\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
      ["4", "", "6"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted fields", () => {
    expect(parseCsv('name,notes\nH20,"Source: x, y\nsecond line"\n"Say ""hi""",z')).toEqual([
      ["name", "notes"],
      ["H20", "Source: x, y\nsecond line"],
      ['Say "hi"', "z"],
    ]);
  });

  it("keeps a trailing empty field and an empty quoted field", () => {
    expect(parseCsv('a,,\n"",b')).toEqual([
      ["a", "", ""],
      ["", "b"],
    ]);
  });

  it("refuses an unclosed quote or text after a closing quote, naming the line", () => {
    expect(() => parseCsv('a\n"open,\nb')).toThrow(
      new CsvError("A quoted field opened on line 2 is never closed."),
    );
    expect(() => parseCsv('"a"b,c')).toThrow(/Line 1: a closing quote must end its field/);
  });

  it("skips a byte-order mark", () => {
    expect(parseCsv("\ufeffa,b")).toEqual([["a", "b"]]);
  });
});

describe("parseCsvObjects", () => {
  it("reads Epoch AI's hardware file: 170 rows, multi-line notes intact", () => {
    const rows = parseCsvObjects(readFileSync("fixtures/ml-hardware.csv", "utf8"));
    expect(rows).toHaveLength(170);
    const ultra = rows.find((row) => row["Hardware name"] === "NVIDIA GB300 (Blackwell Ultra)")!;
    expect(ultra["Notes"]).toContain("\n\nhttps://resources.nvidia.com/");
    expect(ultra["Release date"]).toBe("2025-08-22");
    expect(
      rows.find((row) => row["Hardware name"] === "T-Head Hanguang 800")!["INT8 performance (OP/s)"],
    ).toBe("825000000000000.0");
  });
});
