import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";
import type { ClaimMatches } from "../matching/types";
import { savedAnchor } from "../newsroom/saved-anchor";
import { verdictLabel } from "../newsroom/verdicts";

export { savedAnchor };

/**
 * What a claim page's save did, said where the page lands after it: a save that jumps to a
 * section (evidence, matches, attribution, a new comment) says so inside that section, not at
 * the top of the page out of view on a phone; the others at the top, where the page opens.
 */
export type NoticeSection = "top" | "evidence" | "matches" | "attribution" | "comments";

export interface SavedNoticeText {
  section: NoticeSection;
  text: string;
}

const SAVED: Record<string, [NoticeSection, string]> = {
  review: ["top", "Verdict, rationale and status saved."],
  approve: ["top", "Approved. It will be included in the next publication."],
  "send-back": ["top", "Sent back to the editor with your comment."],
  assign: ["top", "Assignment saved."],
  adjust: ["top", "Claim boundaries updated."],
  merge: ["top", "Claims merged."],
  "source-added": ["evidence", "Source added."],
  evidence: ["evidence", "Source updated."],
  "source-removed": ["evidence", "Source removed."],
  match: ["matches", "Saved. The history records the decision."],
  dismissed: [
    "matches",
    "Not the same claim: it is no longer suggested for this one. The history records it.",
  ],
  attribution: ["attribution", "Claimant, date and appearances saved."],
  comment: ["comments", "Comment added."],
};

const sources = (n: number) => `${n} source${n === 1 ? "" : "s"}`;

/** Where a claim page's match decision redirects to (after its path): what savedNotice reads, and the notice. */
export function matchSaved(outcome: {
  decision: string;
  otherId: number;
  copied?: number;
  alreadyCited?: number;
}): string {
  const query = new URLSearchParams({ saved: outcome.decision, other: String(outcome.otherId) });
  if (outcome.copied !== undefined) query.set("copied", String(outcome.copied));
  if (outcome.alreadyCited) query.set("cited", String(outcome.alreadyCited));
  return `?${query}${savedAnchor("matches")}`;
}

/**
 * The message for the page's `?saved=…` (from the redirect after a save), and the section it
 * belongs to. A verdict saved without a rationale (or the reverse) says so: "saved" alone would
 * let an editor believe the claim is ready for approval. Starting from an earlier check says what
 * was copied from which claim, by the number its article gives it.
 */
export function savedNotice(
  { searchParams: params }: URL,
  claim: { verdict: string | null; rationale?: string; status: string },
  matches: ClaimMatches,
): SavedNoticeText | null {
  const saved = params.get("saved") ?? "";
  const other = matches.confirmed.find((m) => String(m.id) === params.get("other"));
  const named = other ? `claim ${other.number} of “${other.articleTitle}”` : "the earlier claim";
  if (saved === "same")
    return {
      section: "matches",
      text: `Marked as the same claim as ${named}. You can start from its check below; the history records the decision.`,
    };
  if (saved === "start") {
    const copied = Number(params.get("copied") ?? 0);
    const cited = Number(params.get("cited") ?? 0);
    const what = [
      `the verdict (${verdictLabel(claim.verdict)})`,
      "the rationale",
      copied ? sources(copied) : null,
    ];
    const rest =
      cited > 0
        ? `; ${sources(cited)} it cites ${cited === 1 ? "was" : "were"} already cited here`
        : copied === 0
          ? "; it cites no sources"
          : "";
    return {
      section: "matches",
      text: `Copied ${what
        .filter(Boolean)
        .join(", ")
        .replace(
          /, ([^,]*)$/,
          " and $1",
        )} from ${named}${rest}. This claim now waits for review by someone else.`,
    };
  }
  if (saved === "review") {
    const missing = [
      claim.verdict ? null : "a verdict",
      claim.rationale?.trim() ? null : "a written rationale",
    ].filter(Boolean);
    const text =
      missing.length > 0
        ? `Saved, without ${missing.join(" or ")}: a reviewer cannot approve it until it has both.`
        : claim.status === "needs-review"
          ? `${SAVED.review![1]} It waits on the reviewers' desk.`
          : SAVED.review![1];
    return { section: "top", text };
  }
  const known = SAVED[saved];
  return known ? { section: known[0], text: known[1] } : null;
}

const SavedNoticeContext = createContext<SavedNoticeText | null>(null);

/** A page whose sections may each show the notice (null after a refused save: its error shows). */
export function PageWithNotice({
  notice,
  children,
}: {
  notice: SavedNoticeText | null;
  children: ReactNode;
}) {
  return (
    <SavedNoticeContext value={notice}>
      <div className="page">{children}</div>
    </SavedNoticeContext>
  );
}

/**
 * The page's notice (PageWithNotice), if it belongs in `section`: a status message that the page
 * lands on and that takes focus, so that the page shows it and a screen reader reads it wherever
 * the save sent the page. Without JavaScript the redirect's fragment names it (newsroom/saved-anchor.ts): the
 * browser scrolls to it and starts keyboard and reader navigation there (autofocus does nothing on
 * a page opened at a fragment); with JavaScript it takes focus each time it arrives.
 */
export function SavedNotice({ section }: { section: NoticeSection }) {
  const notice = useContext(SavedNoticeContext);
  const { key } = useLocation();
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = notice?.section === section ? notice.text : null;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, key]);
  if (!shown) return null;
  return (
    <p
      ref={ref}
      id={section === "top" || section === "comments" ? undefined : savedAnchor(section).slice(1)}
      className="message message--success saved-notice"
      role="status"
      tabIndex={-1}
    >
      {shown}
    </p>
  );
}
