import type { Snapshot } from "./snapshot";

/** Every public address of a fact-check, in one place. */
export const factCheckPath = (slug: string) => `/fact-checks/${slug}`;
export const versionPath = (slug: string, n: number) => `/fact-checks/${slug}/v/${n}`;
/** The claim's permalink: its anchor in the version that published it, which never changes. */
export const claimPermalink = (base: string, snapshot: Snapshot, claimNumber: number) =>
  `${base}${versionPath(snapshot.article.slug, snapshot.number)}#claim-${claimNumber}`;

export interface Publisher {
  /** Absolute base URL, no trailing slash. */
  baseUrl: string;
  /** The publishing organisation's name. */
  name: string;
}
