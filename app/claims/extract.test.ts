import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownDocument } from "./arbitrary-markdown";
import { isCheckableClause, knownNames, PROPOSAL_THRESHOLD, splitClaims } from "./detect";
import { extract } from "./extract";
import { BLOCK_SEPARATOR } from "./projection";
import type { Sentence } from "./segment";

const RUNS = 300;

describe("the extract on generated markdown (tables, lists, headings, code, quotes, links, formatting)", () => {
  it("blocks lie in the projection in order, joined by the block separator", () => {
    fc.assert(
      fc.property(markdownDocument, (doc) => {
        const { text, blocks } = extract(doc).projection;
        let last = -BLOCK_SEPARATOR.length;
        for (const block of blocks) {
          expect(block.start).toBe(last + BLOCK_SEPARATOR.length);
          expect(block.end).toBeGreaterThanOrEqual(block.start);
          if (last >= 0) expect(text.slice(last, block.start)).toBe(BLOCK_SEPARATOR);
          last = block.end;
        }
        expect(last).toBe(blocks.length === 0 ? -BLOCK_SEPARATOR.length : text.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("sentences are exact, trimmed slices, in order, each inside one block, leaving out only whitespace", () => {
    fc.assert(
      fc.property(markdownDocument, (doc) => {
        const { projection, sentences } = extract(doc);
        const { text, blocks } = projection;
        let last = 0;
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(blocks.some((b) => b.start <= s.start && s.end <= b.end)).toBe(true);
          last = s.end;
        }
        const covered = sentences.map((s) => s.text).join("");
        expect(covered.replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
      { numRuns: RUNS },
    );
  });

  it("claims are exact slices inside one sentence, in order, explained, and never a heading", () => {
    fc.assert(
      fc.property(markdownDocument, (doc) => {
        const { projection, sentences, claims } = extract(doc);
        const headings = projection.blocks.filter((b) => b.kind === "heading");
        let last = 0;
        for (const c of claims) {
          expect(c.start).toBeGreaterThanOrEqual(last);
          expect(c.end).toBeGreaterThan(c.start);
          expect(projection.text.slice(c.start, c.end)).toBe(c.text);
          expect(sentences.some((s) => s.start <= c.start && c.end <= s.end)).toBe(true);
          expect(headings.some((h) => h.start <= c.start && c.end <= h.end)).toBe(false);
          expect(c.score).toBeGreaterThanOrEqual(PROPOSAL_THRESHOLD);
          expect(c.score).toBeLessThanOrEqual(1);
          expect(c.reasons.length).toBeGreaterThan(0);
          last = c.end;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(markdownDocument, (doc) => {
        expect(extract(doc)).toEqual(extract(doc));
      }),
      { numRuns: 100 },
    );
  });
});

/** The split as the rule states it, reading each clause afresh: quadratic, but plainly right. */
function splitByTheRule(sentence: Sentence, known: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const join of sentence.text.matchAll(/,\s+(?:while|whereas)\s+|;\s+|\.\s+In contrast,\s+/giu)) {
    const left = sentence.text.slice(from, join.index);
    const rest = sentence.text.slice(join.index + join[0].length);
    if (!isCheckableClause(left, known) || !isCheckableClause(rest, known)) continue;
    parts.push(left);
    from = join.index + join[0].length;
  }
  return parts.length === 0 ? [sentence.text] : [...parts, sentence.text.slice(from)];
}

describe("splitting a sentence into clauses", () => {
  const word = fc.constantFrom(
    "Acme",
    "Nvidia",
    "May",
    "While",
    "In",
    "iPhone",
    "H20",
    "the",
    "units",
    "sold",
    "rose",
    "grew",
    "fell",
    "x",
    "$5",
    "$5,",
    "5.",
    "3%",
    "3-4%",
    "1,2,3",
    "12",
    "ten",
    "years",
    "“",
    "”",
    '"',
    "’s",
    "A-B",
    "..",
  );
  const clause = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(" "));
  const join = fc.constantFrom(", while ", ", whereas ", "; ", ";  ", ". In contrast, ", ";\n");
  const sentence = fc
    .tuple(fc.array(fc.tuple(clause, join), { minLength: 1, maxLength: 6 }), clause)
    .map(([parts, last]) => parts.map(([c, j]) => c + j).join("") + last);

  it("agrees with the rule applied to each clause on its own", () => {
    fc.assert(
      fc.property(sentence, fc.boolean(), (text, withKnown) => {
        const s = { start: 0, end: text.length, text };
        const known = withKnown
          ? knownNames([s, { start: 0, end: 20, text: "Then Acme and While said" }])
          : new Set<string>();
        expect(splitClaims(text, s, known).map((p) => p.text)).toEqual(splitByTheRule(s, known));
      }),
      { numRuns: 2000 },
    );
  });
});
