import type { CurrentUser } from "../auth/session.server";
import { db } from "../db/client.server";
import { claimNumbers } from "../newsroom/claim-numbers";
import { reviewClaim } from "../newsroom/claims.server";
import { audit } from "../utils/audit.server";
import { NotFoundError, UserError } from "../utils/errors";
import { findMatches } from "./match.server";
import { conflictsBetween, describeConflicts } from "./rank";
import { articleSubject } from "./subject";
import type { ClaimMatches } from "./types";
import type { BulkMatch, MatchDecision } from "./schemas";

/** "Has this been checked before?" for one claim: its confirmed earlier checks and new suggestions. */
export async function claimMatches(claimId: number): Promise<ClaimMatches> {
  const claim = await db().claim.findUnique({
    where: { id: claimId },
    select: { id: true, quote: true, articleId: true, article: { select: { title: true } } },
  });
  if (!claim) throw new NotFoundError("That claim no longer exists.");
  return matchesOf({ ...claim, articleTitle: claim.article.title });
}

/** claimMatches for a claim already read (its page has it). */
export async function matchesOf(claim: {
  id: number;
  quote: string;
  articleId: number;
  /** Its article's title: what the claim is about when it names nothing. */
  articleTitle: string;
}): Promise<ClaimMatches> {
  const claimId = claim.id;
  const [found, decided] = await Promise.all([
    findMatches(claim.quote, { claimId, articleId: claim.articleId, articleTitle: claim.articleTitle }),
    db().claimMatch.findMany({
      where: { claimId },
      select: {
        otherId: true,
        decision: true,
        other: {
          select: { quote: true, verdict: true, articleId: true, article: { select: { title: true } } },
        },
      },
      orderBy: { decidedAt: "desc" },
      take: 50,
    }),
  ]);
  const decidedIds = new Set(decided.map((d) => d.otherId));
  const same = decided.filter((d) => d.decision === "same");
  const numbers = await numbersIn(same.map((d) => d.other.articleId));
  return {
    confirmed: same.map((d) => ({
      id: d.otherId,
      number: numbers.get(d.otherId) ?? 0,
      text: d.other.quote,
      verdict: d.other.verdict,
      articleId: d.other.articleId,
      articleTitle: d.other.article.title,
      url: `/articles/${d.other.articleId}/claims/${d.otherId}`,
    })),
    suggestions: found.filter((m) => m.kind !== "claim" || !decidedIds.has(m.id)),
  };
}

/** The claim numbers (decision 029) of every claim of these articles, by claim id. */
async function numbersIn(articleIds: number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const claims = await db().claim.findMany({
    where: { articleId: { in: [...new Set(articleIds)] } },
    select: { id: true, articleId: true, start: true, end: true },
  });
  const byArticle = new Map<number, typeof claims>();
  for (const c of claims) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  return new Map([...byArticle.values()].flatMap((ofArticle) => [...claimNumbers(ofArticle)]));
}

/**
 * Where readers see a claim: its anchor in the latest published version of its fact-check, with
 * the number it has there; null while that version does not publish it. The routes pass
 * publishing's answer (app/publishing/publications.server.ts), which this folder cannot import.
 */
export type PublishedClaimLink = (claimId: number) => Promise<{ href: string; number: number } | null>;

/** What a decision did, for the page to say so. */
export interface MatchOutcome {
  decision: MatchDecision["decision"];
  otherId: number;
  /** Starting from a check: the sources copied, and those left out as already cited here. */
  copied?: number;
  alreadyCited?: number;
}

async function decide(
  claimId: number,
  otherId: number,
  decision: "same" | "dismissed",
  actor: CurrentUser,
  despiteDifferences = false,
) {
  if (claimId === otherId) throw new UserError("A claim cannot be matched with itself.");
  await db().$transaction(async (tx) => {
    const select = { articleId: true, quote: true, article: { select: { title: true } } } as const;
    const [claim, other] = await Promise.all([
      tx.claim.findUnique({ where: { id: claimId }, select }),
      tx.claim.findUnique({ where: { id: otherId }, select }),
    ]);
    if (!claim || !other) throw new NotFoundError("One of the two claims no longer exists. Reload the page.");
    // The differences the panel named: with what each claim's article is about.
    const about = { ours: articleSubject(claim.article.title), theirs: articleSubject(other.article.title) };
    const differences = decision === "same" ? conflictsBetween(claim.quote, other.quote, about) : [];
    if (differences.length > 0 && !despiteDifferences)
      throw new UserError(
        `Nothing was saved: the two claims differ (${describeConflicts(differences)}). ` +
          "If they still state the same thing, tick “Same claim despite the difference” and confirm again.",
        422,
      );
    // "Same" links both ways; a dismissal hides the suggestion from this claim only.
    const pairs =
      decision === "same"
        ? [[claimId, otherId] as const, [otherId, claimId] as const]
        : [[claimId, otherId] as const];
    for (const [from, to] of pairs)
      await tx.claimMatch.upsert({
        where: { claimId_otherId: { claimId: from, otherId: to } },
        create: { claimId: from, otherId: to, decision, decidedById: actor.id },
        update: { decision, decidedById: actor.id, decidedAt: new Date() },
      });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "claim",
      entityId: claimId,
      action: decision === "same" ? "matched" : "dismissed-match",
      after: { otherClaimId: otherId, otherArticleId: other.articleId },
    });
  });
}

/**
 * An editor confirms that the two claims state the same thing: linked both ways, in the history.
 * Where their figures or names differ, only once the editor says so (`despiteDifferences`).
 */
export const confirmSameClaim = (
  claimId: number,
  otherId: number,
  actor: CurrentUser,
  despiteDifferences = false,
) => decide(claimId, otherId, "same", actor, despiteDifferences);

/** An editor says the suggestion is not the same claim: it is no longer suggested for this claim. */
export const dismissMatch = (claimId: number, otherId: number, actor: CurrentUser) =>
  decide(claimId, otherId, "dismissed", actor);

/**
 * Starts this claim from a confirmed earlier check: its verdict and rationale (attributed) and
 * copies of its sources. The claim goes to review under this editor's name, so the two-person
 * rule applies as to any verdict they write. The attribution names the earlier claim by its
 * number and, where it is published, links to it on the public page, since the rationale is
 * published too (`published`; without it, the number alone).
 */
export async function startFromEarlierCheck(
  claimId: number,
  otherId: number,
  version: number,
  actor: CurrentUser,
  published: PublishedClaimLink = async () => null,
) {
  const link = await db().claimMatch.findUnique({
    where: { claimId_otherId: { claimId, otherId } },
    select: {
      decision: true,
      other: {
        select: {
          verdict: true,
          rationale: true,
          articleId: true,
          article: { select: { title: true } },
          evidence: true,
        },
      },
    },
  });
  if (!link || link.decision !== "same")
    throw new UserError("Confirm that the two are the same claim before starting from its check.", 409);
  const { other } = link;
  if (!other.verdict)
    throw new UserError("That claim has no verdict yet: there is no check to start from.", 409);
  const [numbers, onPage] = await Promise.all([numbersIn([other.articleId]), published(otherId)]);
  const number = numbers.get(otherId) ?? 0;
  const cited = onPage ? `[claim ${onPage.number}](${onPage.href})` : `claim ${number}`;
  const attribution = `From the earlier check of the same claim in “${other.article.title}” (${cited}).`;
  const reviewed = await reviewClaim(
    claimId,
    {
      version,
      verdict: other.verdict,
      rationale: [other.rationale.trim(), attribution].filter(Boolean).join("\n\n"),
      status: "needs-review",
    },
    actor,
  );
  const existing = new Set(
    (await db().evidence.findMany({ where: { claimId }, select: { url: true } })).map((e) => e.url),
  );
  const copies = other.evidence
    .filter((e) => !existing.has(e.url))
    .map(({ id: _id, claimId: _claim, createdAt: _at, addedById: _by, ...source }) => ({
      ...source,
      claimId,
      addedById: actor.id,
      note: [source.note, `Copied from claim ${number} of “${other.article.title}”.`]
        .filter(Boolean)
        .join(" "),
    }));
  if (copies.length) await db().evidence.createMany({ data: copies });
  return {
    claim: reviewed,
    copiedEvidence: copies.length,
    alreadyCited: other.evidence.length - copies.length,
  };
}

/** The claim page's one intent for matches: confirm, dismiss, or start from a confirmed check. */
export async function decideMatch(
  claimId: number,
  input: MatchDecision,
  actor: CurrentUser,
  published?: PublishedClaimLink,
): Promise<MatchOutcome> {
  const { decision, otherId } = input;
  if (decision === "same")
    await confirmSameClaim(claimId, otherId, actor, input.despiteDifferences === "yes");
  else if (decision === "dismissed") await dismissMatch(claimId, otherId, actor);
  else {
    if (input.version === undefined) throw new UserError("The form is missing its version; reload the page.");
    const started = await startFromEarlierCheck(claimId, otherId, input.version, actor, published);
    return { decision, otherId, copied: started.copiedEvidence, alreadyCited: started.alreadyCited };
  }
  return { decision, otherId };
}

/**
 * The desk's bulk decision: for each selected claim, confirm its likely-same earlier claim (only
 * one that matching calls "same", the best) or dismiss every current suggestion. Each decision is
 * recorded as if made on the claim's page.
 */
export async function decideInBulk({ claimIds, decision }: BulkMatch, actor: CurrentUser) {
  let decided = 0;
  for (const claimId of claimIds) decided += await decideSuggestions(claimId, decision, actor);
  return { claims: claimIds.length, decided };
}

/** One claim's part of a bulk decision (see decideInBulk): how many decisions it recorded. */
export async function decideSuggestions(
  claimId: number,
  decision: BulkMatch["decision"],
  actor: CurrentUser,
) {
  const { suggestions } = await claimMatches(claimId);
  const ours = suggestions.filter((m) => m.kind === "claim");
  const chosen = decision === "same" ? ours.filter((m) => m.relation === "same").slice(0, 1) : ours;
  for (const match of chosen) await decide(claimId, match.id, decision, actor);
  return chosen.length;
}
