import { z } from "zod";
import { readStoredJson } from "../utils/json";
import { locateQuote, trimSpan } from "../claims/anchor";
import { scoreSpans } from "../claims/detect";
import { project, type Projection } from "../claims/projection";
import type { Span } from "../claims/segment";
import { db, type Tx } from "../db/client.server";
import type { CurrentUser } from "../auth/session.server";
import { can } from "../auth/roles";
import { Prisma, type Claim } from "../generated/prisma/client";
import { audit } from "../utils/audit.server";
import { ConflictError, NotFoundError, UserError } from "../utils/errors";
import { NO_APPROVAL, withdrawApproval } from "./approval";
import { claimSpan } from "./claim-span";

type ClaimChange = Partial<Omit<Claim, "id" | "articleId" | "createdAt" | "updatedAt" | "version">>;

function reviewable(claim: Claim) {
  const {
    start,
    end,
    quote,
    status,
    verdict,
    rationale,
    lastEditorId,
    approvedById,
    assigneeId,
    reviewNote,
  } = claim;
  return {
    start,
    end,
    quote,
    status,
    verdict,
    rationale,
    lastEditorId,
    approvedById,
    assigneeId,
    reviewNote,
  };
}

const GONE = "That claim no longer exists; it may have been merged or removed.";

async function findClaim(tx: Tx, id: number) {
  const claim = await tx.claim.findUnique({ where: { id }, include: { article: true } });
  if (!claim) throw new UserError(GONE, 404);
  return claim;
}

/** The claim alone, for changes that do not need its article's text. */
async function findClaimOnly(tx: Tx, id: number) {
  const claim = await tx.claim.findUnique({ where: { id } });
  if (!claim) throw new UserError(GONE, 404);
  return claim;
}

/** No row matched (the client turns Prisma's P2025 into a NotFoundError). */
const isNotFound = (error: unknown) =>
  error instanceof NotFoundError ||
  (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025");

/**
 * Writes a change only if the claim is still at `version` (by default, the version just read);
 * otherwise someone else saved first and the caller gets a ConflictError describing what changed.
 * Records the audit event.
 */
async function saveClaim(
  tx: Tx,
  claim: Claim,
  version: number | undefined = claim.version,
  change: ClaimChange,
  actor: CurrentUser,
  action: string,
) {
  // One statement: the update applies only at `version` and returns the saved row.
  const updated = await tx.claim
    .update({ where: { id: claim.id, version }, data: { ...change, version: { increment: 1 } } })
    .catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
      throw staleVersion(claim, version);
    });
  await audit(tx, {
    actorId: actor.id,
    articleId: claim.articleId,
    entityType: "claim",
    entityId: claim.id,
    action,
    before: reviewable(claim),
    after: reviewable(updated),
  });
  return updated;
}

/** An editor's change to what is being checked invalidates an approval. */
function editedBy(claim: Claim, actor: CurrentUser): ClaimChange {
  return { lastEditorId: actor.id, ...withdrawApproval(claim) };
}

function reasonsFor({ text, blocks }: Projection, span: Span): { score: number; reasons: string } {
  const [scored] = scoreSpans(text, blocks, [span]);
  return { score: scored!.score, reasons: JSON.stringify(["Added by an editor.", ...scored!.reasons]) };
}

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
        ...reasonsFor(projection, span),
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
    if (update.assigneeId !== undefined) claim = await assign(tx, claim, update.assigneeId, actor);
    return claim;
  });
}

function staleVersion(claim: Claim, version: number): ConflictError {
  return new ConflictError(
    `Someone else saved this claim while you were editing it (it is now at version ${claim.version}, yours was version ${version}). ` +
      "Nothing was saved: review their version and save yours again.",
    claim,
  );
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

/** Moves a claim's boundaries to a new quote, looked for nearest the old position. */
export async function adjustClaim(claimId: number, version: number, quote: string, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const projection = project(claim.article.markdown);
    const { text } = projection;
    const span = locateQuote(text, quote, claim.start);
    if (!span)
      throw new UserError(
        "The new wording is not in the article. Edit the quote by trimming or extending it with the article's own words.",
      );
    return saveClaim(
      tx,
      claim,
      version,
      {
        ...claimSpan(text, span),
        ...reasonsFor(projection, span),
        ...editedBy(claim, actor),
        orphanedAt: null,
        orphanReason: "",
      },
      actor,
      "adjusted",
    );
  });
}

/** Splits a claim into two where `splitBefore` begins inside its quote. Evidence stays with the first. */
export async function splitClaim(claimId: number, version: number, splitBefore: string, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const projection = project(claim.article.markdown);
    const { text } = projection;
    const at = claim.quote.indexOf(splitBefore, 1);
    if (at <= 0)
      throw new UserError("Type words from the middle of the claim: the second claim starts there.");
    const first = trimSpan(text, { start: claim.start, end: claim.start + at });
    const second = trimSpan(text, { start: claim.start + at, end: claim.end });
    if (first.end - first.start < 3 || second.end - second.start < 3)
      throw new UserError("Both parts need at least a few words.");
    const updated = await saveClaim(
      tx,
      claim,
      version,
      { ...claimSpan(text, first), ...reasonsFor(projection, first), ...editedBy(claim, actor) },
      actor,
      "split",
    );
    const added = await tx.claim.create({
      data: {
        articleId: claim.articleId,
        ...claimSpan(text, second),
        ...reasonsFor(projection, second),
        origin: "editor",
        status: claim.status === "candidate" ? "candidate" : "researching",
        lastEditorId: actor.id,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "claim",
      entityId: added.id,
      action: "split-off",
      after: reviewable(added),
    });
    return [updated, added] as const;
  });
}

/** Merges another claim of the same article into this one: one span covering both; evidence moves along. */
export async function mergeClaims(claimId: number, version: number, otherId: number, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const other = await tx.claim.findUnique({ where: { id: otherId } });
    if (!other || other.articleId !== claim.articleId || other.id === claim.id) {
      throw new UserError("Choose another claim of the same article to merge with.");
    }
    const projection = project(claim.article.markdown);
    const { text } = projection;
    const span = { start: Math.min(claim.start, other.start), end: Math.max(claim.end, other.end) };
    await tx.evidence.updateMany({ where: { claimId: other.id }, data: { claimId: claim.id } });
    await tx.claim.delete({ where: { id: other.id } });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "claim",
      entityId: other.id,
      action: "merged-into",
      before: reviewable(other),
      after: { mergedInto: claim.id },
    });
    return saveClaim(
      tx,
      claim,
      version,
      { ...claimSpan(text, span), ...reasonsFor(projection, span), ...editedBy(claim, actor) },
      actor,
      "merged",
    );
  });
}

/**
 * The two-person rule: a reviewer who did not write the verdict and rationale approves them.
 * Other edits (evidence, boundaries) do not change who wrote the verdict.
 */
/** Approves the verdict as of `version` (or, when the caller read none, as it is now). */
export async function approveClaim(claimId: number, version: number | undefined, reviewer: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    if (!claim.verdict || claim.rationale.trim() === "") {
      throw new UserError("A claim needs a verdict and a written rationale before it can be approved.");
    }
    if (claim.orphanedAt) {
      throw new UserError(
        "This claim lost its place when the article changed; place it again (claim boundaries) before approving it.",
      );
    }
    if ((await verdictAuthors(tx, claim)).has(reviewer.id)) {
      throw new UserError(
        "You wrote this verdict and rationale; a second person must approve them (two-person rule).",
        403,
      );
    }
    if (claim.status === "approved") throw new UserError("This claim is already approved.");
    return saveClaim(
      tx,
      claim,
      version,
      { status: "approved", approvedById: reviewer.id, approvedAt: new Date(), reviewNote: "" },
      reviewer,
      "approved",
    );
  });
}

/** The other half of review: the verdict goes back to its editor with the reviewer's reason. */
export async function sendBackClaim(
  claimId: number,
  version: number | undefined,
  comment: string,
  reviewer: CurrentUser,
) {
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    if (claim.status !== "needs-review" && claim.status !== "approved") {
      throw new UserError("Only a claim that is waiting for review (or approved) can be sent back.");
    }
    return saveClaim(
      tx,
      claim,
      version,
      { status: "researching", reviewNote: comment, ...NO_APPROVAL },
      reviewer,
      "sent-back",
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

const Judgement = z.object({ verdict: z.unknown(), rationale: z.unknown() }).partial();

/** The parts of a claim a "reviewed" audit event records before and after (see `reviewable`). */
const judgementOf = (recorded: string | null) => readStoredJson(Judgement, recorded, {});

/**
 * Everyone who wrote any part of the verdict or rationale now waiting for approval: its author,
 * and whoever changed either since the claim was last approved. One person's full stop in the
 * rationale must not turn the verdict's real author into "a second person".
 */
async function verdictAuthors(
  client: Pick<Tx, "auditEvent">,
  claim: Pick<Claim, "id" | "verdictById">,
): Promise<Set<number>> {
  const where = { entityType: "claim", entityId: claim.id };
  const lastApproval = await client.auditEvent.findFirst({
    where: { ...where, action: "approved" },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const changes = await client.auditEvent.findMany({
    where: { ...where, action: "reviewed", id: { gt: lastApproval?.id ?? 0 } },
    select: { actorId: true, before: true, after: true },
  });
  const authors = new Set<number>(claim.verdictById === null ? [] : [claim.verdictById]);
  for (const change of changes) {
    const before = judgementOf(change.before);
    const after = judgementOf(change.after);
    if (change.actorId !== null && (before.verdict !== after.verdict || before.rationale !== after.rationale))
      authors.add(change.actorId);
  }
  return authors;
}

export async function loadClaim(claimId: number) {
  const claim = await db().claim.findUnique({
    where: { id: claimId },
    include: {
      article: {
        include: {
          claims: { orderBy: { start: "asc" }, select: { id: true, quote: true, start: true, status: true } },
        },
      },
      evidence: { orderBy: { id: "asc" } },
    },
  });
  if (!claim) throw new UserError("That claim no longer exists; it may have been merged or removed.", 404);
  const ids = [claim.lastEditorId, claim.approvedById].filter((id): id is number => id !== null);
  const people = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const nameOf = (id: number | null) => people.find((p) => p.id === id)?.name ?? null;
  return {
    claim,
    lastEditor: nameOf(claim.lastEditorId),
    approvedBy: nameOf(claim.approvedById),
    verdictAuthorIds: [...(await verdictAuthors(db(), claim))],
  };
}

/** A claim's stored reasons (a JSON array of sentences); anything else reads as none. */
export function parseReasons(reasons: string): string[] {
  return readStoredJson(z.array(z.string()), reasons, []);
}

/** A claim with its evidence in the order it was added; NotFoundError when there is none. */
export async function claimWithEvidence(claimId: number) {
  const claim = await db().claim.findUnique({
    where: { id: claimId },
    include: { evidence: { orderBy: { id: "asc" } } },
  });
  if (!claim) throw new NotFoundError(`There is no claim ${claimId}.`);
  return claim;
}
