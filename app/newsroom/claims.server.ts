import { z } from "zod";
import { readStoredJson } from "../utils/json";
import { locateQuote, trimSpan } from "../claims/anchor";
import { project } from "../claims/projection";
import type { Span } from "../claims/segment";
import { db, type Tx } from "../db/client.server";
import type { CurrentUser } from "../auth/session.server";
import { can } from "../auth/roles";
import { namesOf } from "../auth/users.server";
import { type Claim } from "../generated/prisma/client";
import { audit } from "../utils/audit.server";
import { NotFoundError, UserError } from "../utils/errors";
import { NO_APPROVAL } from "./approval";
import { claimSpan } from "./claim-span";
import {
  findClaim,
  findClaimOnly,
  reasonsFor,
  reviewable,
  saveClaim,
  staleVersion,
  type ClaimChange,
} from "./claim-store.server";
import { verdictAuthors } from "./approval.server";
import { CLAIMANT_TYPE_NEEDED } from "./schemas";

/** Adds a claim from a quote (pasted, or a selection's text) or from explicit offsets. */
export async function addClaim(
  articleId: number,
  where: { quote: string; near?: number } | Span,
  actor: CurrentUser,
) {
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId } });
    if (!article) throw new UserError("There is no article with that number.", 404);
    const projection = project(article.markdown);
    const { text } = projection;
    let span: Span | null;
    if ("quote" in where) {
      span = locateQuote(text, where.quote, where.near ?? 0);
      if (!span) {
        throw new UserError(
          "That passage is not in the article. Copy it exactly from the article text (quotes and dashes may differ; words may not).",
        );
      }
    } else {
      if (where.end > text.length || where.start >= where.end)
        throw new UserError("That selection is outside the article.");
      span = trimSpan(text, where);
      if (span.end - span.start < 3) throw new UserError("Select at least a few words.");
    }
    const duplicate = await tx.claim.findFirst({
      where: { articleId, start: span.start, end: span.end, status: { not: "dismissed" } },
    });
    if (duplicate) throw new UserError("That passage is already a claim.");
    const claim = await tx.claim.create({
      data: {
        articleId,
        ...claimSpan(text, span),
        origin: "editor",
        status: "researching",
        lastEditorId: actor.id,
        ...reasonsFor(projection, span, article.language),
      },
    });
    await audit(tx, {
      actorId: actor.id,
      articleId,
      entityType: "claim",
      entityId: claim.id,
      action: "added",
      after: reviewable(claim),
    });
    return claim;
  });
}

export interface ReviewInput {
  version: number;
  verdict: string;
  rationale: string;
  status: string;
}

/** Saves a claim's verdict, rationale and status (approval has its own step). */
export async function reviewClaim(claimId: number, input: ReviewInput, actor: CurrentUser) {
  return db().$transaction(async (tx) => review(tx, await findClaimOnly(tx, claimId), input, actor));
}

async function review(tx: Tx, claim: Claim, input: ReviewInput, actor: CurrentUser) {
  const verdict = input.verdict || null;
  const changedJudgement = verdict !== claim.verdict || input.rationale !== claim.rationale;
  const keepsApproval = claim.status === "approved" && !changedJudgement && input.status === "needs-review";
  const change: ClaimChange = keepsApproval
    ? {}
    : { verdict, rationale: input.rationale, status: input.status, ...NO_APPROVAL };
  if (changedJudgement) Object.assign(change, { lastEditorId: actor.id, verdictById: actor.id });
  return saveClaim(tx, claim, input.version, change, actor, "reviewed");
}

/** A partial change, as the API's PATCH sends it: fields left out keep their values. */
export interface ClaimUpdate {
  version: number;
  verdict?: string | null;
  rationale?: string;
  status?: string;
  assigneeId?: number | null;
  claimant?: string;
  claimantType?: string;
  claimDate?: string;
  appearances?: string[];
}

/**
 * Applies a partial change (judgement and assignment) in one transaction against one version:
 * all of it is saved, or none of it (a stale version is a ConflictError carrying the claim as it is).
 */
export async function updateClaim(claimId: number, update: ClaimUpdate, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    let claim = await findClaimOnly(tx, claimId);
    if (claim.version !== update.version) throw staleVersion(claim, update.version);
    if (update.verdict !== undefined || update.rationale !== undefined || update.status !== undefined) {
      claim = await review(
        tx,
        claim,
        {
          version: update.version,
          verdict: update.verdict === undefined ? (claim.verdict ?? "") : (update.verdict ?? ""),
          rationale: update.rationale ?? claim.rationale,
          status: update.status ?? (claim.status === "approved" ? "needs-review" : claim.status),
        },
        actor,
      );
    }
    const attribution = attributionChange(claim, update);
    if (attribution) claim = await saveClaim(tx, claim, claim.version, attribution, actor, "attributed");
    if (update.assigneeId !== undefined) claim = await assign(tx, claim, update.assigneeId, actor);
    return claim;
  });
}

export type Attribution = Pick<Claim, "claimant" | "claimantType" | "claimDate"> & { appearances: string[] };

/**
 * Who made the claim, when, and where else it appeared. Attribution is not judgement: it keeps
 * the verdict's approval (the claim's version moves on and the change is audited), and readers
 * see it in the next publication's ClaimReview.
 */
export async function attributeClaim(
  claimId: number,
  version: number,
  attribution: Attribution,
  actor: CurrentUser,
) {
  return db().$transaction(async (tx) => {
    const claim = await findClaimOnly(tx, claimId);
    const change = attributionChange(claim, attribution);
    if (!change) {
      if (claim.version !== version) throw staleVersion(claim, version);
      return claim;
    }
    return saveClaim(tx, claim, version, change, actor, "attributed");
  });
}

/** The attribution fields an update changes, or null when it changes none of them. */
function attributionChange(claim: Claim, update: Partial<Attribution>): ClaimChange | null {
  const next = {
    claimant: update.claimant ?? claim.claimant,
    claimantType: update.claimantType ?? claim.claimantType,
    claimDate: update.claimDate ?? claim.claimDate,
    appearances: update.appearances ? JSON.stringify(update.appearances) : claim.appearances,
  };
  if (next.claimant && !next.claimantType) throw new UserError(CLAIMANT_TYPE_NEEDED);
  const changed = (Object.keys(next) as Array<keyof typeof next>).some((key) => next[key] !== claim[key]);
  return changed ? next : null;
}

export async function setClaimStatus(
  claimId: number,
  version: number,
  status: "dismissed" | "candidate",
  actor: CurrentUser,
) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    return saveClaim(
      tx,
      claim,
      version,
      { status, ...NO_APPROVAL },
      actor,
      status === "dismissed" ? "dismissed" : "restored",
    );
  });
}

/**
 * Who is checking a claim. Assignment is bookkeeping, not judgement: it does not change the
 * claim's version, so it never turns somebody's open edit into a conflict.
 */
export async function assignClaim(claimId: number, assigneeId: number | null, actor: CurrentUser) {
  return db().$transaction(async (tx) => assign(tx, await findClaimOnly(tx, claimId), assigneeId, actor));
}

async function assign(tx: Tx, claim: Claim, assigneeId: number | null, actor: CurrentUser) {
  if (assigneeId !== null) {
    const assignee = await tx.user.findUnique({ where: { id: assigneeId } });
    if (!assignee || !assignee.active || !can(assignee.role, "edit")) {
      throw new UserError("Claims can be assigned to active editors, reviewers and administrators only.");
    }
  }
  if (claim.assigneeId === assigneeId) return claim;
  const updated = await tx.claim.update({ where: { id: claim.id }, data: { assigneeId } });
  await audit(tx, {
    actorId: actor.id,
    articleId: claim.articleId,
    entityType: "claim",
    entityId: claim.id,
    action: "assigned",
    before: { assigneeId: claim.assigneeId },
    after: { assigneeId },
  });
  return updated;
}

export async function loadClaim(claimId: number) {
  const claim = await db().claim.findUnique({
    where: { id: claimId },
    include: {
      article: { select: { id: true, title: true, language: true } },
      evidence: { orderBy: { id: "asc" } },
    },
  });
  if (!claim) throw new UserError("That claim no longer exists; it may have been merged or removed.", 404);
  const nameOf = await namesOf([claim.lastEditorId, claim.approvedById]);
  return {
    claim,
    lastEditor: nameOf(claim.lastEditorId) ?? null,
    approvedBy: nameOf(claim.approvedById) ?? null,
    verdictAuthorIds: [...(await verdictAuthors(db(), claim))],
  };
}

/** How many claims before and after a claim its page offers to merge with. */
export const MERGE_NEIGHBOURS = 10;

/**
 * The claims a claim may be merged with, as its page offers them: its neighbours in reading
 * order, MERGE_NEIGHBOURS either side (merging joins nearby passages; an article may hold
 * a thousand claims, and a list of all of them would weigh more than the rest of the page).
 */
/** Where each claim of an article stands: enough to number them in reading order (claim-numbers.ts). */
export async function claimSpans(articleId: number, client: Tx = db()) {
  return client.claim.findMany({ where: { articleId }, select: { id: true, start: true, end: true } });
}

export async function neighbouringClaims(claim: { id: number; articleId: number; start: number }) {
  const where = {
    articleId: claim.articleId,
    id: { not: claim.id },
    status: { not: "dismissed" },
    orphanedAt: null,
  };
  const select = { id: true, quote: true, start: true };
  const [before, after] = await Promise.all([
    db().claim.findMany({
      where: { ...where, start: { lt: claim.start } },
      orderBy: [{ start: "desc" }, { id: "desc" }],
      take: MERGE_NEIGHBOURS,
      select,
    }),
    db().claim.findMany({
      where: { ...where, start: { gte: claim.start } },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      take: MERGE_NEIGHBOURS,
      select,
    }),
  ]);
  return [...before.reverse(), ...after];
}

const StoredReasons = z.array(z.string());

/** A claim's stored reasons (a JSON array of sentences); anything else reads as none. */
export function parseReasons(reasons: string): string[] {
  return readStoredJson(StoredReasons, reasons, []);
}

/** A claim with its evidence in the order it was added; NotFoundError when there is none. */
export async function claimWithEvidence(claimId: number) {
  const claim = await db().claim.findUnique({
    where: { id: claimId },
    include: { evidence: { orderBy: { id: "asc" } }, article: { select: { language: true } } },
  });
  if (!claim) throw new NotFoundError(`There is no claim ${claimId}.`);
  return claim;
}
