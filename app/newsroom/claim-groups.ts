import type { Highlight } from "../claims/highlight";

interface GroupedClaim {
  id: number;
  /** 1..n in the article's reading order, as people read it (ids stay in addresses). */
  number: number;
  start: number;
  end: number;
  status: string;
  orphanedAt: string | Date | null;
}

/** The claims in the text and the list (active), those that lost their place (orphans), and the dismissed. */
export function groupClaims<C extends Pick<GroupedClaim, "status" | "orphanedAt">>(claims: C[]) {
  return {
    active: claims.filter((c) => c.status !== "dismissed" && !c.orphanedAt),
    orphans: claims.filter((c) => c.status !== "dismissed" && c.orphanedAt),
    dismissed: claims.filter((c) => c.status === "dismissed"),
    approved: claims.filter((c) => c.status === "approved").length,
  };
}

/**
 * The article text's highlights (for renderAnnotated): each active claim marked with its status,
 * anchored as #claim-N, with a numbered reference to its place in the list (`listHref`: on this
 * page, #claim-item-N, or the page of the list that has it).
 */
export function workbenchHighlights(
  claims: Array<Pick<GroupedClaim, "id" | "number" | "start" | "end" | "status" | "orphanedAt">>,
  listHref: (claimId: number) => string = (id) => `#claim-item-${id}`,
): Highlight[] {
  return groupClaims(claims).active.map((c) => ({
    start: c.start,
    end: c.end,
    claimId: String(c.id),
    className: `claim claim--status-${c.status}`,
    anchorId: `claim-${c.id}`,
    ref: { href: listHref(c.id), text: String(c.number), label: `Claim ${c.number}` },
  }));
}
