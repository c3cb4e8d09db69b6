/** Roles and what each may do. Checked on the server for every loader and action. */
export const ROLES = ["viewer", "editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, reviewer: 2, admin: 3 };

export type Permission = "read-drafts" | "edit" | "approve" | "publish" | "manage-users";

const MINIMUM: Record<Permission, Role> = {
  "read-drafts": "viewer",
  edit: "editor",
  approve: "reviewer",
  publish: "reviewer",
  "manage-users": "admin",
};

export function can(role: string, permission: Permission): boolean {
  return (ROLES as readonly string[]).includes(role) && RANK[role as Role] >= RANK[MINIMUM[permission]];
}
