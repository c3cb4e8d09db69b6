import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { diffTexts, diffWords, type DiffPart } from "./text-diff";

const side = (parts: DiffPart[], kind: "removed" | "added") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === kind)
    .map((p) => p.text)
    .join("");

describe("diffWords", () => {
  it("marks the words a correction changed and keeps the rest", () => {
    expect(diffWords("Revenue rose 12% to $4.2 billion.", "Revenue rose 11% to $4.2 billion.")).toEqual([
      { kind: "same", text: "Revenue rose " },
      { kind: "removed", text: "12%" },
      { kind: "added", text: "11%" },
      { kind: "same", text: " to $4.2 billion." },
    ]);
  });

  it("rebuilds both texts exactly from its parts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "b", "c", " ", "  ", "\n")),
        fc.array(fc.constantFrom("a", "b", "c", " ", "\n")),
        (x, y) => {
          const [before, after] = [x.join(""), y.join("")];
          const parts = diffWords(before, after);
          expect(side(parts, "removed")).toBe(before);
          expect(side(parts, "added")).toBe(after);
        },
      ),
    );
  });
});

describe("diffTexts", () => {
  it("counts unchanged paragraphs and diffs only the changed one", () => {
    const before = "# Title\n\nFirst paragraph.\n\nShares fell 3%.\n\nLast paragraph.";
    const after = "# Title\n\nFirst paragraph.\n\nShares fell 3.1%.\n\nLast paragraph.";
    expect(diffTexts(before, after)).toEqual([
      { kind: "unchanged", paragraphs: 2 },
      {
        kind: "changed",
        parts: [
          { kind: "same", text: "Shares fell " },
          { kind: "removed", text: "3%." },
          { kind: "added", text: "3.1%." },
        ],
      },
      { kind: "unchanged", paragraphs: 1 },
    ]);
  });

  it("shows an added and a removed paragraph", () => {
    expect(diffTexts("A.\n\nB.", "A.\n\nB.\n\nC.")).toEqual([
      { kind: "unchanged", paragraphs: 2 },
      { kind: "changed", parts: [{ kind: "added", text: "C." }] },
    ]);
    expect(diffTexts("A.\n\nB.", "B.")).toEqual([
      { kind: "changed", parts: [{ kind: "removed", text: "A." }] },
      { kind: "unchanged", paragraphs: 1 },
    ]);
  });

  it("stays small for long texts rewritten throughout", () => {
    const words = (seed: string) => Array.from({ length: 60_000 }, (_, i) => `${seed}${i % 97}`).join(" ");
    const blocks = diffTexts(words("x"), words("y"), {
      maxCells: 250_000,
      maxPartLength: 4_000,
      maxChangedBlocks: 40,
    });
    expect(JSON.stringify(blocks).length).toBeLessThan(10_000);
    const parts = blocks.flatMap((b) => (b.kind === "changed" ? b.parts : []));
    expect(parts.map((p) => p.kind)).toEqual(["removed", "added"]);
    expect(parts[0]!.text).toMatch(/… \([\d,]+ more characters\)$/);
  });

  it("shows the first changed passages of a text changed throughout, and counts the rest", () => {
    const before = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} says ${i}.`).join("\n\n");
    const after = before.replace(/says (\d*[02468])\./g, (_, n: string) => `says ${Number(n) + 1}.`);
    const blocks = diffTexts(before, after, {
      maxCells: 250_000,
      maxPartLength: 4_000,
      maxChangedBlocks: 40,
    });
    expect(blocks.filter((b) => b.kind === "changed")).toHaveLength(40);
    expect(blocks.at(-1)).toEqual({ kind: "more", changed: 60 });
  });
});
