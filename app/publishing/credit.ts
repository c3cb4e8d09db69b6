/**
 * Who a published fact-check credits: the editors who researched its claims (wrote the verdict
 * and rationale) and the reviewers who approved them. Two roles, named separately, so a reader
 * knows a second person checked the work (the two-person rule).
 */

/** Stands in for a person in snapshots of work nobody signed (the seed fact-check). */
export const SEED_PUBLISHER = "Claimdesk seed fact-check";

interface CreditedClaim {
  checkedBy?: string;
  approvedBy: string;
}

const named = (names: Array<string | undefined>) => [
  ...new Set(names.filter((n): n is string => !!n && n !== SEED_PUBLISHER)),
];

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "Checked by Edith · Reviewed by Rui": each role that has someone named, never a software's name. */
export function creditLine(claims: CreditedClaim[]): string {
  const checkers = named(claims.map((c) => c.checkedBy));
  const reviewers = named(claims.map((c) => c.approvedBy));
  const parts = [
    checkers.length > 0 ? `Checked by ${listNames(checkers)}` : "",
    reviewers.length > 0 ? `Reviewed by ${listNames(reviewers)}` : "",
  ].filter(Boolean);
  return parts.length > 0
    ? parts.join(" · ")
    : "An example fact-check loaded with the workspace; no one is named";
}
