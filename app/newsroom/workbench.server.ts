import { can } from "../auth/roles";
import type { CurrentUser } from "../auth/session.server";
import { listDeskMembers } from "../auth/users.server";
import { db } from "../db/client.server";
import { NotFoundError } from "../utils/errors";
import { articleWithClaims, MAX_PROPOSALS } from "./articles.server";
import { claimSpans, loadClaim, neighbouringClaims, parseReasons } from "./claims.server";
import { claimNumbers } from "./claim-numbers";
import { claimHistory } from "./history.server";
import { createHash } from "node:crypto";
import { boundedCache } from "../utils/bounded-cache";
import { pickPart, textParts, type TextPart } from "../claims/parts";
import { groupClaims, workbenchHighlights } from "./claim-groups";

/**
 * Everything the claim page shows, and what this user may do on it. The two-person rule decides
 * `canApprove`: whoever wrote part of the verdict or rationale since the last approval may not.
 */
export async function claimWorkbench(articleId: number, claimId: number, user: CurrentUser) {
  const { claim, lastEditor, approvedBy, verdictAuthorIds } = await loadClaim(claimId);
  if (claim.articleId !== articleId) throw new NotFoundError("That claim belongs to another article.");
  const { article, ...rest } = claim;
  const isVerdictAuthor = verdictAuthorIds.includes(user.id);
  // Numbered among all the article's claims, as the workbench numbers them; only their places are read.
  const numbering = claimSpans(articleId).then(claimNumbers);
  const [numbers, neighbours, members, trail] = await Promise.all([
    numbering,
    neighbouringClaims(claim),
    listDeskMembers(),
    claimHistory(claim, numbering),
  ]);
  return {
    claim: {
      ...rest,
      number: numbers.get(claim.id)!,
      reasons: parseReasons(claim.reasons),
      // Who wrote the review note, from the claim's history.
      sentBackBy: claim.reviewNote ? (trail.find((e) => e.action === "sent back")?.actor ?? null) : null,
    },
    article: { id: article.id, title: article.title, language: article.language },
    siblings: neighbours.map((c) => ({ ...c, number: numbers.get(c.id)! })),
    lastEditor,
    approvedBy,
    canEdit: can(user.role, "edit"),
    canApprove: can(user.role, "approve") && !isVerdictAuthor,
    canReview: can(user.role, "approve"),
    members,
    isLastEditor: isVerdictAuthor,
    history: trail,
  };
}

/** Characters of text per part of a long article's workbench page: about 25,000 words. */
export const PART_CHARS = 150_000;
/** Claims listed beside the text at a time. */
export const CLAIMS_PER_PAGE = 50;

export interface WorkbenchView {
  /** Which part of a long article's text (1-based). */
  part: number;
  /** Which page of that part's claims. */
  page: number;
}

/** `?part=` and `?page=` of the workbench address; anything else reads as the first. */
export function readWorkbenchView(params: URLSearchParams): WorkbenchView {
  const positive = (name: string) => {
    const n = Number(params.get(name) ?? "1");
    return Number.isSafeInteger(n) && n >= 1 ? n : 1;
  };
  return { part: positive("part"), page: positive("page") };
}

/**
 * Where a text's parts begin, for the last texts shown, by their hash: parsing 2 MB of markdown
 * takes 100-180 ms. The parts of a 2 MB text are 14 records of six numbers (about 1 KB), so a
 * thousand texts cost about a megabyte, and a desk moving between its long articles does not
 * parse each one twice per view.
 */
const knownParts = boundedCache<string, TextPart[]>({ entries: 1024 });

function partsOf(markdown: string): TextPart[] {
  const key = createHash("sha256").update(markdown).digest("base64");
  const parts = knownParts.get(key) ?? textParts(markdown, PART_CHARS);
  knownParts.set(key, parts);
  return parts;
}

type StoredClaim = Awaited<ReturnType<typeof articleWithClaims>>["claims"][number] & { number: number };

/** The workbench's address showing a given part and page of claims, at `#hash`. */
export function workbenchHref(articleId: number, { part, page }: WorkbenchView, hash: string, extra = "") {
  const query = [part > 1 ? `part=${part}` : "", page > 1 ? `page=${page}` : "", extra]
    .filter(Boolean)
    .join("&");
  return `/articles/${articleId}${query ? `?${query}` : ""}#${hash}`;
}

/** The address of a claim's place in the workbench's list: this page's (#claim-item-N) or another page's. */
function listHref(articleId: number, view: WorkbenchView, claimId: number, current: number) {
  if (view.page === current) return `#claim-item-${claimId}`;
  return workbenchHref(articleId, view, `claim-item-${claimId}`);
}

/**
 * Everything the article page shows: one part of the article's text with every active claim in
 * it highlighted, a page of that part's claims, the claims that lost their place, the desk's
 * members and what this user may do. Pages stay small however long the article: the text is cut
 * into parts of PART_CHARS, the list into pages of CLAIMS_PER_PAGE, and only what is shown is sent.
 * `proposalLimit` is set when Claimdesk proposed as many claims as it ever does for one article.
 * `afterDismissal`: this is the address a dismissal came back to (`?dismissed=`).
 */
export async function articleWorkbench(
  articleId: number,
  user: CurrentUser,
  view: WorkbenchView,
  afterDismissal = false,
) {
  const article = await articleWithClaims(articleId);
  const { markdown, claims: unnumbered, ...rest } = article;
  const numbers = claimNumbers(unnumbered);
  const stored = unnumbered.map((c) => ({ ...c, number: numbers.get(c.id)! }));
  const { active, orphans } = groupClaims(stored);
  const part = pickPart(partsOf(markdown), view.part);
  const inThisPart = (c: StoredClaim) => c.start >= part.start && c.start < part.end;
  // The part's claims are listed a page at a time; the text's numbers lead to their page.
  const inPart = active.filter(inThisPart);
  const pages = Math.max(1, Math.ceil(inPart.length / CLAIMS_PER_PAGE));
  // A page past the list's end is no page, as in every paged list (pastTheEnd): the loader answers
  // 404 and the Pager says there is nothing on it, with links to the first and last pages. Except
  // where a dismissal came back to: dismissing the only claim on the last page empties that page,
  // an address Claimdesk chose, not a stale link; it shows the last page, with the notice whose
  // Undo restores the claim to the page it was on.
  const page = afterDismissal ? Math.min(view.page, pages) : view.page;
  const listed = inPart.slice((page - 1) * CLAIMS_PER_PAGE, page * CLAIMS_PER_PAGE);
  const pageOf = new Map(inPart.map((c, i) => [c.id, Math.floor(i / CLAIMS_PER_PAGE) + 1]));
  const highlights = workbenchHighlights(inPart, (id) =>
    listHref(articleId, { part: part.part, page: pageOf.get(id)! }, id, page),
  );
  const proposed = stored.filter((c) => c.origin === "machine").length;
  const summary = (c: StoredClaim) => ({ ...c, reasons: parseReasons(c.reasons) });
  return {
    article: rest,
    /** For rendering the part (publishing's renderAnnotatedPart), not for the page's data. */
    markdown,
    highlights,
    part: { part: part.part, parts: part.parts },
    claims: listed.map(summary),
    orphans: orphans.map((c) => ({ id: c.id, quote: c.quote, orphanReason: c.orphanReason })),
    dismissed: stored
      .filter((c) => c.status === "dismissed" && !c.orphanedAt && inThisPart(c))
      .map((c) => ({ id: c.id, quote: c.quote, version: c.version })),
    totals: {
      active: active.length,
      approved: stored.filter((c) => c.status === "approved").length,
      /** Said in the publish section: approved claims readers will see without a source, and claims left unchecked. */
      approvedWithoutSources: await db().claim.count({
        where: { articleId, status: "approved", evidence: { none: {} } },
      }),
      unchecked: active.filter((c) => c.status !== "approved").length,
    },
    claimsPage: { page, pages, inPart: inPart.length, size: CLAIMS_PER_PAGE },
    members: await listDeskMembers(),
    canEdit: can(user.role, "edit"),
    canPublish: can(user.role, "publish"),
    proposalLimit: proposed >= MAX_PROPOSALS ? MAX_PROPOSALS : null,
  };
}
