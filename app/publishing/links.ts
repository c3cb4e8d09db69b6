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

/**
 * The height of an embedded card's iframe before (or without) script: the card is laid out to
 * fit it at any width from 320 px (app/publishing/embed.server.tsx); e2e/31-embed-size.spec.ts
 * checks every seeded card at 320, 375 and 560 px.
 */
export const EMBED_HEIGHT = 500;

/**
 * The script pasted after the iframe: it fits the iframe to the height its card reports. It
 * resizes only the iframe just before it, and believes only messages from that iframe's own
 * window at our origin, carrying a plausible height.
 */
const fitScript = (origin: string) =>
  `(function(f,o){if(!f||f.tagName!=="IFRAME")return;addEventListener("message",function(e){var h=e.data&&e.data.claimdeskCardHeight;if(e.source===f.contentWindow&&e.origin===o&&typeof h==="number"&&h>0&&h<5000)f.height=String(Math.ceil(h))})})(document.currentScript&&document.currentScript.previousElementSibling,${JSON.stringify(origin)})`;

/**
 * The HTML another site pastes to show a claim's card: an iframe tall enough for the card
 * without script, and a small script that fits it to the card where script runs.
 */
export function embedCode(baseUrl: string, claimId: number, title: string): string {
  const iframe = `<iframe src="${attribute(baseUrl + embedPath(claimId))}" title="${attribute(title)}" width="560" height="${EMBED_HEIGHT}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return `${iframe}<script>${fitScript(new URL(baseUrl).origin)}</script>`;
}

export interface Publisher {
  /** Absolute base URL, no trailing slash. */
  baseUrl: string;
  /** The publishing organisation's name. */
  name: string;
}
