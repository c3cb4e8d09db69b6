import { z } from "zod";
import { can, ROLES } from "../auth/roles";
import type { CurrentUser } from "../auth/session.server";
import { namesOf } from "../auth/users.server";
import { db } from "../db/client.server";
import { renderMarkdown } from "../publishing/annotate";
import { audit } from "../utils/audit.server";
import { NotFoundError } from "../utils/errors";
import { resolveMentions } from "./mentions";

/** A comment is a message to the team, not an essay: longer text belongs in the rationale or a note. */
export const COMMENT_MAX = 5_000;
/** A claim page and the API show the latest this many comments of a thread. */
export const THREAD_SHOWN = 200;

export const CommentSchema = z.object({
  body: z
    .string({ error: "Write a comment first." })
    .trim()
    .min(1, "Write a comment first.")
    .max(COMMENT_MAX, `Keep a comment under ${COMMENT_MAX.toLocaleString("en")} characters.`),
});

/** Everyone who can read drafts can be mentioned: the people who see a claim's thread. */
const READERS = ROLES.filter((role) => can(role, "read-drafts"));

export interface ThreadComment {
  id: number;
  author: { id: number; name: string } | null;
  body: string;
  html: string;
  createdAt: string;
  mentions: Array<{ id: number; name: string }>;
}

/**
 * Adds a comment to a claim's thread: its @mentions resolved to people (see mentions.ts),
 * stored so the claim shows in their desk's "Mentions", and the comment recorded in the claim's
 * audit trail. Returns the comment and the @names that named nobody, or more than one person.
 */
export async function addComment(claimId: number, body: string, actor: CurrentUser) {
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: claimId },
      select: { id: true, articleId: true },
    });
    if (!claim) throw new NotFoundError(GONE);
    const readers = await tx.user.findMany({
      where: { active: true, role: { in: READERS } },
      select: { id: true, name: true, email: true },
    });
    const { people, unresolved } = resolveMentions(body, readers);
    const comment = await tx.claimComment.create({ data: { claimId, authorId: actor.id, body } });
    if (people.length > 0)
      await tx.claimMention.createMany({
        data: people.map((p) => ({ commentId: comment.id, claimId, userId: p.id })),
      });
    await audit(tx, {
      actorId: actor.id,
      articleId: claim.articleId,
      entityType: "claim",
      entityId: claimId,
      action: "commented",
      after: { comment: body, mentioned: people.map((p) => p.name).join(", ") },
    });
    const mentions = people.map(({ id, name }) => ({ id, name }));
    const shown: ThreadComment = {
      id: comment.id,
      author: { id: actor.id, name: actor.name },
      body,
      html: renderMarkdown(body),
      createdAt: comment.createdAt.toISOString(),
      mentions,
    };
    return { comment: shown, unresolved };
  });
}

const GONE = "That claim no longer exists; it may have been merged or removed.";

/** A claim's thread (claimComments), or a NotFoundError when there is no such claim: for the API. */
export async function existingClaimComments(claimId: number): Promise<ThreadComment[]> {
  if (!(await db().claim.findUnique({ where: { id: claimId }, select: { id: true } })))
    throw new NotFoundError(GONE);
  return claimComments(claimId);
}

/** A claim's thread, oldest first (the latest THREAD_SHOWN), with authors, mentions and rendered Markdown. */
export async function claimComments(claimId: number): Promise<ThreadComment[]> {
  const comments = await db().claimComment.findMany({
    where: { claimId },
    orderBy: { id: "desc" },
    take: THREAD_SHOWN,
    include: { mentions: { select: { userId: true } } },
  });
  const nameOf = await namesOf(comments.flatMap((c) => [c.authorId, ...c.mentions.map((m) => m.userId)]));
  const person = (id: number | null) => {
    const name = nameOf(id);
    return id === null || name === undefined ? null : { id, name };
  };
  return comments.reverse().map((c) => ({
    id: c.id,
    author: person(c.authorId),
    body: c.body,
    html: renderMarkdown(c.body),
    createdAt: c.createdAt.toISOString(),
    mentions: c.mentions.flatMap((m) => person(m.userId) ?? []),
  }));
}

/** The sentence a form shows after a comment: who was told, and which @names named nobody (or several). */
export function commentNotice(result: Awaited<ReturnType<typeof addComment>>): string {
  const told = result.comment.mentions.map((m) => m.name);
  const parts = ["Comment added."];
  if (told.length) parts.push(`Mentioned: ${told.join(", ")}.`);
  for (const { handle, matches } of result.unresolved)
    parts.push(
      matches === 0
        ? `Nobody is called @${handle}; it was left as text.`
        : `@${handle} matches ${matches} people; write their full name (@firstname.lastname) to mention one.`,
    );
  return parts.join(" ");
}
