import { z } from "zod";

/** Roles and what each may do. Checked on the server for every loader and action. */
export const ROLES = ["viewer", "educator", "editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Educators sit beside the desk, not on it: they make exercises from published work only. */
const RANK: Record<Role, number> = { viewer: 0, educator: -1, editor: 1, reviewer: 2, admin: 3 };

export type Permission = "read-drafts" | "edit" | "approve" | "publish" | "manage-users" | "teach";

const MINIMUM: Record<Permission, Role> = {
  "read-drafts": "viewer",
  edit: "editor",
  approve: "reviewer",
  publish: "reviewer",
  "manage-users": "admin",
  teach: "editor",
};

export const RoleSchema = z.enum(ROLES);

/**
 * A role read from storage, or null for a value no version of Claimdesk writes (a row edited by
 * hand): such an account is treated as signed out, never guessed at, and the row is reported.
 */
export function parseRole(value: string): Role | null {
  const known = RoleSchema.safeParse(value);
  if (!known.success)
    console.error(`An account has the unknown role ${JSON.stringify(value)}; it is refused.`);
  return known.success ? known.data : null;
}

export function can(role: string, permission: Permission): boolean {
  if (permission === "teach") return role === "educator" || can(role, "edit");
  const known = RoleSchema.safeParse(role);
  return known.success && RANK[known.data] >= RANK[MINIMUM[permission]];
}

/** The roles that check claims, and so can be assigned them. */
export const DESK_ROLES: Role[] = ROLES.filter((role) => can(role, "edit"));
