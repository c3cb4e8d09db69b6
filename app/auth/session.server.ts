import { redirect } from "react-router";
import { db } from "../db/client.server";
import { env } from "../utils/config.server";
import { secureCookieAttribute } from "../utils/request-origin.server";
import { can, parseRole, type Permission, type Role } from "./roles";
import { newSecret, sha256 as hashToken } from "./secrets.server";

export const SESSION_COOKIE = "claimdesk_session";

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

function readCookie(request: Request, name: string): string | null {
  return cookieValue(request.headers.get("Cookie") ?? "", name);
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

function cookie(value: string, maxAgeSeconds: number, request: Request): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secureCookieAttribute(request)}`;
}

/** Starts a server-side session; returns the Set-Cookie header value. */
export async function startSession(userId: number, request: Request): Promise<string> {
  const token = newSecret();
  const days = env().SESSION_DAYS;
  await db().session.create({
    data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + days * 86_400_000) },
  });
  return cookie(token, days * 86_400, request);
}

export async function endSession(request: Request): Promise<string> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await db().session.deleteMany({ where: { id: hashToken(token) } });
  return cookie("", 0, request);
}

/** Ends every session of the user, on every device, including this one. */
export async function endAllSessions(userId: number, request: Request): Promise<string> {
  await db().session.deleteMany({ where: { userId } });
  return cookie("", 0, request);
}

/**
 * Look-ups under way, by request: the root loader and the page's loader run side by side for
 * the same Request (React Router passes the request through: react-router.config.ts) and share one. A look-up is forgotten once it settles, so a later call (after
 * a change to the session or the user) always reads again.
 */
const lookups = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getUser(request: Request): Promise<CurrentUser | null> {
  const pending = lookups.get(request);
  if (pending) return pending;
  const lookup = lookUpUser(request).finally(() => lookups.delete(request));
  lookups.set(request, lookup);
  return lookup;
}

const lookUpUser = (request: Request) => userForCookies(request.headers.get("Cookie") ?? "");

/** The signed-in user a `Cookie` header's session names, or null (no session, or an ended one). */
export async function userForCookies(header: string): Promise<CurrentUser | null> {
  const token = cookieValue(header, SESSION_COOKIE);
  if (!token) return null;
  // One statement, paid by every page: from the session's primary key to its active user, without the password hash.
  const [user] = await db().$queryRaw<Array<Omit<CurrentUser, "id"> & { id: number | bigint }>>`
    SELECT u."id", u."email", u."name", u."role" FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${hashToken(token)} AND s."expiresAt" > ${new Date()} AND u."active" = TRUE`;
  const role = user ? parseRole(user.role) : null;
  return user && role ? { ...user, id: Number(user.id), role } : null;
}

/** How many places the user is signed in (sessions not yet expired). */
export function activeSessionCount(userId: number): Promise<number> {
  return db().session.count({ where: { userId, expiresAt: { gt: new Date() } } });
}

/**
 * The signed-in user, or a redirect to /login that comes back to `url` afterwards: the page's
 * address as its loader or action receives it, not the request's (a client-side navigation
 * requests `/desk.data?_routes=…` for the page `/desk`).
 */
export async function requireUser(request: Request, url: URL): Promise<CurrentUser> {
  const user = await getUser(request);
  if (!user) throw redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  return user;
}

/** The signed-in user holding `permission`; anyone else is refused with 403. */
export async function requirePermission(
  request: Request,
  url: URL,
  permission: Permission,
): Promise<CurrentUser> {
  const user = await requireUser(request, url);
  if (!can(user.role, permission)) {
    throw new Response(`Your role (${user.role}) does not allow this.`, {
      status: 403,
      statusText: "Forbidden",
    });
  }
  return user;
}
