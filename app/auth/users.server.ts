import { z } from "zod";
import { db, type Tx } from "../db/client.server";
import { audit } from "../utils/audit.server";
import { publicUrl } from "../utils/config.server";
import { UserError } from "../utils/errors";
import { hashPassword, verifyPassword } from "./password.server";
import { DESK_ROLES, ROLES, type Role } from "./roles";
import { newSecret, sha256 } from "./secrets.server";
import type { CurrentUser } from "./session.server";
import type { UserSummary } from "./user-summary";

export const NewUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(200),
  name: z.string().trim().min(1, "Enter a name.").max(100),
  role: z.enum(ROLES, { error: "Role must be viewer, educator, editor, reviewer or admin." }),
  password: z.string().min(10, "Use a password of at least 10 characters.").max(200),
});
export type NewUser = z.infer<typeof NewUserSchema>;

/** An account with that e-mail exists already: 409, marked on the e-mail field. */
export class DuplicateUserError extends UserError {
  constructor(email: string) {
    const message = `A user with the e-mail ${email} already exists.`;
    super(message, 409, { email: message });
  }
}

export async function createUser(input: NewUser) {
  const existing = await db().user.findUnique({ where: { email: input.email } });
  if (existing) throw new DuplicateUserError(input.email);
  return db().user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
    },
  });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

/** The active user with these credentials, or null. Takes the same time whether or not the user exists. */
export async function authenticate(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? "");
  return user && user.active && ok ? user : null;
}

// ---- Administration: invitations, roles, deactivation. Every change is an audit event. ----

/** How long a password link (an invitation, a reset) works. */
export const INVITE_DAYS = 7;

/** Where a password link leads: the page where its person chooses a password. Every link is made here. */
export function passwordLinkUrl(token: string): string {
  return `${publicUrl()}/invite/${token}`;
}

export const InviteSchema = NewUserSchema.omit({ password: true });
export const RoleChangeSchema = z.object({ role: NewUserSchema.shape.role });
export const AcceptInviteSchema = z
  .object({ password: NewUserSchema.shape.password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });

export async function listUsers(): Promise<UserSummary[]> {
  const users = await db().user.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }] });
  return users.map(({ id, email, name, role, active, inviteTokenHash, passwordHash, createdAt }) => ({
    id,
    email,
    name,
    role,
    active,
    invitePending: inviteTokenHash !== null && passwordHash === "",
    resetPending: inviteTokenHash !== null && passwordHash !== "",
    createdAt,
  }));
}

export type NameOf = (id: number | null) => string | undefined;

/**
 * These people's names (ids may repeat or be null), looked up by id. With nobody to name, no
 * statement is sent: a page that names nobody skips the round trip.
 */
export async function namesOf(ids: Iterable<number | null>, client: Tx = db()): Promise<NameOf> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  const people =
    wanted.length === 0
      ? []
      : await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (id) => (id === null ? undefined : names.get(id));
}

/** People who can be assigned claims: active members of the desk. */
export async function listDeskMembers(): Promise<Array<{ id: number; name: string }>> {
  return db().user.findMany({
    where: { active: true, role: { in: DESK_ROLES } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

const userState = (u: { role: string; active: boolean }) => ({ role: u.role, active: u.active });

/**
 * Creates the account with no usable password and returns the one-time secret for its invitation
 * link; the invited person chooses their password there. Inviting again renews the link.
 */
/** A one-time link to choose a password: the secret for the link, and what to store of it. */
function passwordLink() {
  const token = newSecret();
  return {
    token,
    stored: {
      inviteTokenHash: sha256(token),
      inviteExpiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
    },
  };
}

export async function inviteUser(
  input: z.infer<typeof InviteSchema>,
  admin: CurrentUser,
): Promise<{ userId: number; token: string }> {
  const { token, stored: invite } = passwordLink();
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    if (existing && existing.passwordHash !== "") throw new DuplicateUserError(input.email);
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { name: input.name, role: input.role, ...invite },
        })
      : await tx.user.create({
          data: { email: input.email, name: input.name, role: input.role, passwordHash: "", ...invite },
        });
    await audit(tx, {
      actorId: admin.id,
      articleId: null,
      entityType: "user",
      entityId: user.id,
      action: existing ? "re-invited" : "invited",
      after: { email: user.email, ...userState(user) },
    });
    return { userId: user.id, token };
  });
}

/**
 * Claimdesk sends no e-mail, so a forgotten password is reset by an admin's one-time link. The
 * old password keeps working until the link is used.
 */
export async function passwordResetLink(userId: number, admin: CurrentUser): Promise<string> {
  const { token, stored } = passwordLink();
  await db().$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (!user.active) throw new UserError("Reactivate this account before making it a password link.");
    await tx.user.update({ where: { id: userId }, data: stored });
    await audit(tx, {
      actorId: admin.id,
      articleId: null,
      entityType: "user",
      entityId: userId,
      action: "password-link-made",
    });
  });
  return token;
}

/** The person a password link is for, if it is valid and unexpired; `joining` when they have no password yet. */
export async function findInvite(token: string) {
  const user = await db().user.findUnique({ where: { inviteTokenHash: sha256(token) } });
  if (!user || !user.active || !user.inviteExpiresAt || user.inviteExpiresAt < new Date()) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    joining: user.passwordHash === "",
  };
}

/** Sets the password from a link, once. Every existing session of the account ends. */
export async function acceptInvite(token: string, password: string): Promise<number> {
  const invited = await findInvite(token);
  if (!invited)
    throw new UserError(
      "This link has expired or was already used. Ask an administrator for a new one.",
      404,
    );
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: invited.id },
      data: { passwordHash, inviteTokenHash: null, inviteExpiresAt: null },
    });
    await tx.session.deleteMany({ where: { userId: invited.id } });
  });
  return invited.id;
}

/** The desk must keep at least one active administrator. */
async function assertAnotherAdmin(tx: Tx, userId: number) {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0)
    throw new UserError(
      "This is the last active administrator; make someone else an administrator first.",
      409,
    );
}

async function findUser(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new UserError("There is no such user.", 404);
  return user;
}

export async function changeRole(userId: number, role: Role, admin: CurrentUser): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.role === role) return;
    if (user.role === "admin") await assertAnotherAdmin(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, {
      actorId: admin.id,
      articleId: null,
      entityType: "user",
      entityId: userId,
      action: "role-changed",
      before: userState(user),
      after: userState(updated),
    });
  });
}

/** Deactivating ends the user's sessions and API tokens at once; reactivating does not bring them back. */
/**
 * What deactivating an active account stops, for the page that asks first: the account, and
 * how many signed-in sessions and API tokens it has (both are deleted). Null for an unknown or
 * already deactivated account: there is nothing to confirm.
 */
export async function deactivationPreview(userId: number) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (!user?.active) return null;
  const [sessions, tokens] = await Promise.all([
    db().session.count({ where: { userId, expiresAt: { gt: new Date() } } }),
    db().apiToken.count({ where: { userId } }),
  ]);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessions, tokens };
}

export async function setActive(userId: number, active: boolean, admin: CurrentUser): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await findUser(tx, userId);
    if (user.active === active) return;
    if (!active && user.role === "admin") await assertAnotherAdmin(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) {
      await tx.session.deleteMany({ where: { userId } });
      await tx.apiToken.deleteMany({ where: { userId } });
    }
    await audit(tx, {
      actorId: admin.id,
      articleId: null,
      entityType: "user",
      entityId: userId,
      action: active ? "reactivated" : "deactivated",
      before: userState(user),
      after: userState(updated),
    });
  });
}

/** After a restore nobody has a password: a fresh invitation link for every active account. */
export async function invitePasswordlessUsers(): Promise<Array<{ email: string; token: string }>> {
  const users = await db().user.findMany({
    where: { active: true, passwordHash: "" },
    orderBy: { id: "asc" },
  });
  const links = [];
  for (const user of users) {
    const { token, stored } = passwordLink();
    await db().user.update({ where: { id: user.id }, data: stored });
    links.push({ email: user.email, token });
  }
  return links;
}
