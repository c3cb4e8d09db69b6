/**
 * What "claim 7" means, everywhere: the claim's place in its article's reading order among all
 * the article's claims, whatever their status (candidates, dismissed and orphaned claims keep
 * their numbers). The workbench, the claim page and the history number claims with it, and
 * publishing freezes the same numbers into each version, so that the public page, the embed card
 * and the exports call a claim what the newsroom calls it. A public page shows only the checked
 * claims, so its numbers have gaps where the desk did not check a passage: a cross-reference that
 * holds between an editor and a reader is worth more than a run without gaps.
 */
export function claimNumbers(claims: Array<{ id: number; start: number; end: number }>): Map<number, number> {
  const ordered = [...claims].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  return new Map(ordered.map((c, i) => [c.id, i + 1]));
}
