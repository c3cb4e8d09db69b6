/** The verdict scale, as published on /methodology and mapped to ClaimReview. */
export const VERDICTS = [
  { key: "accurate", label: "Accurate", meaning: "Correct, nothing significant missing.", rating: 5 },
  { key: "mostly-accurate", label: "Mostly accurate", meaning: "Correct but needs context.", rating: 4 },
  { key: "mixed", label: "Mixed", meaning: "Partly correct, partly wrong.", rating: 3 },
  {
    key: "misleading",
    label: "Misleading",
    meaning: "Contains truth but gives a false impression.",
    rating: 2,
  },
  { key: "inaccurate", label: "Inaccurate", meaning: "Wrong.", rating: 1 },
  {
    key: "unsupported",
    label: "Unsupported",
    meaning: "No public evidence backs it; the burden of proof is on the claimant.",
    rating: null,
  },
] as const;

export type VerdictKey = (typeof VERDICTS)[number]["key"];
export const VERDICT_KEYS = VERDICTS.map((v) => v.key) as [VerdictKey, ...VerdictKey[]];

export function verdictLabel(key: string | null | undefined): string {
  return VERDICTS.find((v) => v.key === key)?.label ?? "No verdict";
}

export const CLAIM_STATUSES = ["candidate", "researching", "needs-review", "approved", "dismissed"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const STATUS_LABELS: Record<ClaimStatus, string> = {
  candidate: "Candidate",
  researching: "Researching",
  "needs-review": "Needs review",
  approved: "Approved",
  dismissed: "Dismissed",
};

/**
 * What a published version after the first is, as its publisher says: a correction (something
 * published was wrong) or an update (something was added or brought up to date). IFCN practice
 * keeps the two apart; readers see "Corrected" or "Updated" at the top of the page.
 */
export const CHANGE_KINDS = ["correction", "update"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
/** How each kind reads: "Correction" in a feed's title or a history, "corrected" in a log. */
export const CHANGE_KIND_WORDS: Record<ChangeKind, { noun: string; done: string }> = {
  correction: { noun: "Correction", done: "corrected" },
  update: { noun: "Update", done: "updated" },
};
/** A stored kind, read back: anything else was shown as a correction. */
export const readChangeKind = (stored: unknown): ChangeKind =>
  stored === "update" ? "update" : "correction";

export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Record<Stance, string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
};

export interface VerdictCount {
  verdict: VerdictKey;
  count: number;
}

/** How many of these verdicts there are of each, for the verdicts that occur, in the order they first occur. */
export function verdictCounts(verdicts: Iterable<VerdictKey>): VerdictCount[] {
  const counts = new Map<VerdictKey, number>();
  for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  return [...counts].map(([verdict, count]) => ({ verdict, count }));
}

/** The same counts in the scale's order (accurate first), as the summaries on public pages show them. */
export const verdictCountsOnScale = (verdicts: Iterable<VerdictKey>): VerdictCount[] =>
  verdictCounts(verdicts).sort((a, b) => VERDICT_KEYS.indexOf(a.verdict) - VERDICT_KEYS.indexOf(b.verdict));

/** A claim status as people read it; a value from an older version is shown as it is stored. */
export function statusLabel(status: string): string {
  const known = CLAIM_STATUSES.find((s) => s === status);
  return known ? STATUS_LABELS[known] : status;
}

/** An evidence stance as people read it; a value from an older version is shown as it is stored. */
export function stanceLabel(stance: string): string {
  const known = STANCES.find((s) => s === stance);
  return known ? STANCE_LABELS[known] : stance;
}
