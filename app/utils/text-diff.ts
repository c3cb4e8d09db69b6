/**
 * What a correction changed in a text: paragraphs that stayed the same are counted, changed
 * ones are compared word by word. Pure and bounded: the comparison never builds a table of more
 * than `maxCells` cells, and no part is longer than `maxPartLength`, however long the texts are,
 * so a history page stays small for a 2 MB article. (No diff library is installed: this is a
 * longest-common-subsequence diff, paragraphs first, then words within changed paragraphs.)
 */

export interface DiffPart {
  kind: "same" | "removed" | "added";
  text: string;
}

export type DiffBlock =
  | { kind: "unchanged"; paragraphs: number }
  | { kind: "changed"; parts: DiffPart[] }
  /** Changed passages past `maxChangedBlocks`, counted, not shown. */
  | { kind: "more"; changed: number };

export interface DiffLimits {
  maxCells: number;
  maxPartLength: number;
  maxChangedBlocks: number;
}

export const DIFF_LIMITS: DiffLimits = { maxCells: 250_000, maxPartLength: 4_000, maxChangedBlocks: 40 };

type Op<T> = { kind: DiffPart["kind"]; item: T };

/** The longest common subsequence of two short sequences, as same/removed/added steps; null when too big. */
function lcsSteps<T>(a: T[], b: T[], maxCells: number): Op<T>[] | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > maxCells) return null;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
  const steps: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      steps.push({ kind: "same", item: a[i]! });
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!)
      steps.push({ kind: "removed", item: a[i++]! });
    else steps.push({ kind: "added", item: b[j++]! });
  }
  while (i < n) steps.push({ kind: "removed", item: a[i++]! });
  while (j < m) steps.push({ kind: "added", item: b[j++]! });
  return steps;
}

/** Steps for two sequences: their common ends first (corrections are local), the middle by LCS. */
function steps<T>(a: T[], b: T[], maxCells: number): Op<T>[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = lcsSteps(midA, midB, maxCells) ?? [
    ...midA.map((item) => ({ kind: "removed" as const, item })),
    ...midB.map((item) => ({ kind: "added" as const, item })),
  ];
  const same = (items: T[]) => items.map((item) => ({ kind: "same" as const, item }));
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))];
}

const shorten = (text: string, max: number) =>
  text.length <= max
    ? text
    : `${text.slice(0, max)}… (${(text.length - max).toLocaleString("en")} more characters)`;

/** Words and the spaces between them, compared word by word; adjacent steps of a kind joined. */
export function diffWords(before: string, after: string, limits: DiffLimits = DIFF_LIMITS): DiffPart[] {
  const tokens = (text: string) => text.split(/(\s+)/).filter((t) => t !== "");
  const parts: DiffPart[] = [];
  for (const { kind, item } of steps(tokens(before), tokens(after), limits.maxCells)) {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += item;
    else parts.push({ kind, text: item });
  }
  return parts.map((p) => ({ ...p, text: shorten(p.text, limits.maxPartLength) }));
}

/** The paragraphs of two texts compared: unchanged runs counted, each changed run diffed by words. */
export function diffTexts(before: string, after: string, limits: DiffLimits = DIFF_LIMITS): DiffBlock[] {
  const paragraphs = (text: string) => text.split(/\n{2,}/);
  const blocks: DiffBlock[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length + added.length === 0) return;
    blocks.push({ kind: "changed", parts: diffWords(removed.join("\n\n"), added.join("\n\n"), limits) });
    removed = [];
    added = [];
  };
  for (const { kind, item } of steps(paragraphs(before), paragraphs(after), limits.maxCells)) {
    if (kind === "removed") removed.push(item);
    else if (kind === "added") added.push(item);
    else {
      flush();
      const last = blocks.at(-1);
      if (last?.kind === "unchanged") last.paragraphs++;
      else blocks.push({ kind: "unchanged", paragraphs: 1 });
    }
  }
  flush();
  return capChangedBlocks(blocks, limits.maxChangedBlocks);
}

/** The first `max` changed passages with what surrounds them; the rest counted in one block. */
function capChangedBlocks(blocks: DiffBlock[], max: number): DiffBlock[] {
  let changed = 0;
  const cut = blocks.findIndex((b) => b.kind === "changed" && ++changed > max);
  if (cut === -1) return blocks;
  const rest = blocks.slice(cut).filter((b) => b.kind === "changed").length;
  return [...blocks.slice(0, cut), { kind: "more", changed: rest }];
}
