import type { Snapshot } from "./snapshot";

/** Every public address of a fact-check, in one place. */
export const factCheckPath = (slug: string) => `/fact-checks/${slug}`;
export const versionPath = (slug: string, n: number) => `/fact-checks/${slug}/v/${n}`;
/** The claim's permalink: its anchor in the version that published it, which never changes. */
export const claimPermalink = (base: string, snapshot: Snapshot, claimNumber: number) =>
  `${base}${versionPath(snapshot.article.slug, snapshot.number)}#claim-${claimNumber}`;

/** An embed card's address: by the claim's global id, so it follows the claim into later versions. */
export const embedPath = (claimId: number) => `/embed/claims/${claimId}`;
/** The page that gives a claim's embed code to copy (linked from each claim of a public page). */
export const embedCodePath = (claimId: number) => `/embed/claims/${claimId}/code`;

const attribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The HTML another site pastes to show a claim's card: an iframe that works without script. */
export function embedCode(baseUrl: string, claimId: number, title: string): string {
  return `<iframe src="${attribute(baseUrl + embedPath(claimId))}" title="${attribute(title)}" width="560" height="320" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

export interface Publisher {
  /** Absolute base URL, no trailing slash. */
  baseUrl: string;
  /** The publishing organisation's name. */
  name: string;
}
