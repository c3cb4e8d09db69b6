import { describe, expect, it } from "vitest";
import { can, parseRole, ROLES } from "./roles";

describe("roles read from storage", () => {
  it("accepts every known role and refuses anything else (the account then counts as signed out)", () => {
    for (const role of ROLES) expect(parseRole(role)).toBe(role);
    for (const junk of ["", "Admin", "superuser", "admin "]) expect(parseRole(junk)).toBeNull();
  });

  it("grants nothing to an unknown role", () => {
    for (const permission of [
      "read-drafts",
      "edit",
      "approve",
      "publish",
      "manage-users",
      "teach",
    ] as const) {
      expect(can("superuser", permission)).toBe(false);
      expect(can("admin", permission)).toBe(true);
    }
  });
});
