import { z } from "zod";
import { db } from "../db/client.server";
import { UserError } from "../utils/errors";
import { newSecret, sha256 } from "./secrets.server";
import type { CurrentUser } from "./session.server";
import { parseRole } from "./roles";

/** Personal API tokens: "cdk_" + 32 random bytes. Only a sha256 of the token is stored. */
const TOKEN_PREFIX = "cdk_";
const MAX_TOKENS_PER_USER = 20;
/**
 * lastUsedAt is a hint for the owner (Settings shows its day), not an audit trail: written at most
 * once an hour per token. Each write is a commit, and a commit changes every API answer's ETag
 * (app/api/revalidation.server.ts): once a minute, a poller asking less often never got a 304.
 */
const LAST_USED_RESOLUTION_MS = 3_600_000;

export const TokenNameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after what will use it, e.g. “CMS sync”.")
    .max(100, "Keep the name under 100 characters."),
});

export interface TokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Makes a token for the user and returns it in full: the only time it can be seen. */
export async function createApiToken(
  userId: number,
  name: string,
): Promise<{ token: string; summary: TokenSummary }> {
  if ((await db().apiToken.count({ where: { userId } })) >= MAX_TOKENS_PER_USER) {
    throw new UserError(
      `You have ${MAX_TOKENS_PER_USER} tokens already; revoke one you no longer use first.`,
    );
  }
  const token = TOKEN_PREFIX + newSecret();
  const created = await db().apiToken.create({
    data: { userId, name, tokenHash: sha256(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
  });
  const { id, prefix, createdAt, lastUsedAt } = created;
  return { token, summary: { id, name, prefix, createdAt, lastUsedAt } };
}

export async function listApiTokens(userId: number): Promise<TokenSummary[]> {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revokes one of the user's own tokens; someone else's token is "not found", never revealed. */
export async function revokeApiToken(userId: number, tokenId: number): Promise<void> {
  const { count } = await db().apiToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw new UserError("That token does not exist or was already revoked.", 404);
}

/** The active user an "Authorization: Bearer cdk_…" header belongs to, or null. */
export async function userForToken(authorization: string | null): Promise<CurrentUser | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || !match[1]!.startsWith(TOKEN_PREFIX)) return null;
  const found = await db().apiToken.findUnique({
    where: { tokenHash: sha256(match[1]!) },
    include: { user: true },
  });
  if (!found || !found.user.active) return null;
  const now = Date.now();
  if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { id, email, name, role } = found.user;
  const known = parseRole(role);
  return known ? { id, email, name, role: known } : null;
}
