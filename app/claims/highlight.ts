/**
 * A span of the text projection to highlight, with what its <mark> and reference carry: made by
 * the workbench (newsroom) and the public page (publishing), rendered by publishing/annotate.
 */
export interface Highlight {
  start: number;
  end: number;
  claimId: string;
  className: string;
  /** id given to the first <mark> of the claim, for permalinks. */
  anchorId: string;
  /** A footnote-style reference placed after the claim's last <mark>. */
  ref: { href: string; text: string; label: string };
}
