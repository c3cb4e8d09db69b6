/**
 * A claim's stored appearances (a JSON array of URLs); anything else reads as none. Read in the
 * browser too (the claim page's attribution panel), so without zod: parsing with zod there probes
 * `new Function`, which the Content-Security-Policy forbids and reports.
 */
export function parseAppearances(appearances: string): string[] {
  try {
    const parsed: unknown = JSON.parse(appearances);
    return Array.isArray(parsed) ? parsed.filter((url): url is string => typeof url === "string") : [];
  } catch {
    return [];
  }
}

/** Who can make a claim: published reviews name a claimant as a Person or an Organization. */
export const CLAIMANT_TYPES = ["person", "organization"] as const;
