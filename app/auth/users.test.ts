import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

await useFreshDatabase();
const { db } = await import("../db/client.server");
const users = await import("./users.server");
const { getUser, startSession } = await import("./session.server");
const { UserError } = await import("../utils/errors");

let admin: { id: number; email: string; name: string; role: "admin" };

beforeAll(async () => {
  const created = await users.createUser({
    email: "only-admin@users.test",
    name: "Only Admin",
    role: "admin",
    password: "a long password",
  });
  admin = { id: created.id, email: created.email, name: created.name, role: "admin" };
});

const withCookie = (setCookie: string) =>
  new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("user administration", () => {
  it("never leaves the desk without an active administrator", async () => {
    await expect(users.setActive(admin.id, false, admin)).rejects.toThrow(/last active administrator/);
    await expect(users.changeRole(admin.id, "editor", admin)).rejects.toBeInstanceOf(UserError);
    const second = await users.createUser({
      email: "second-admin@users.test",
      name: "Second Admin",
      role: "admin",
      password: "a long password",
    });
    await users.changeRole(second.id, "editor", admin);
    expect((await db().user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("editor");
  });

  it("invites with a one-time link that sets the password, and refuses used or unknown links", async () => {
    const { userId, token } = await users.inviteUser(
      users.InviteSchema.parse({ email: " Invitee@Users.test ", name: "Invitee", role: "reviewer" }),
      admin,
    );
    expect(await users.authenticate("invitee@users.test", "")).toBeNull();
    expect(await users.findInvite(token)).toMatchObject({
      id: userId,
      email: "invitee@users.test",
      role: "reviewer",
    });
    await users.acceptInvite(token, "my own password");
    expect(await users.authenticate("invitee@users.test", "my own password")).toMatchObject({ id: userId });
    expect(await users.findInvite(token)).toBeNull();
    await expect(users.acceptInvite(token, "another password")).rejects.toThrow(
      /expired or was already used/,
    );
    await expect(
      users.inviteUser({ email: "invitee@users.test", name: "Again", role: "viewer" }, admin),
    ).rejects.toThrow(/already exists/);
  });

  it("deactivating ends the user's sessions at once and is recorded with before and after", async () => {
    const leaver = await users.createUser({
      email: "leaver@users.test",
      name: "Leaver",
      role: "editor",
      password: "a long password",
    });
    const request = withCookie(await startSession(leaver.id, new Request("http://localhost/")));
    expect(await getUser(request)).toMatchObject({ id: leaver.id });
    await users.setActive(leaver.id, false, admin);
    expect(await getUser(request)).toBeNull();
    expect(await db().session.count({ where: { userId: leaver.id } })).toBe(0);
    await users.setActive(leaver.id, true, admin);
    expect(await getUser(request)).toBeNull();
    const events = await db().auditEvent.findMany({
      where: { entityType: "user", entityId: leaver.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, JSON.parse(e.before!).active, JSON.parse(e.after!).active])).toEqual([
      ["deactivated", true, false],
      ["reactivated", false, true],
    ]);
  });

  it("a session stops working when it expires", async () => {
    const user = await users.createUser({
      email: "expiring@users.test",
      name: "Expiring",
      role: "viewer",
      password: "a long password",
    });
    const request = withCookie(await startSession(user.id, new Request("http://localhost/")));
    expect(await getUser(request)).toMatchObject({ id: user.id });
    await db().session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getUser(request)).toBeNull();
  });

  it("resets a forgotten password with an admin's one-time link; the old one works until it is used", async () => {
    const user = await users.createUser({
      email: "forgetful@users.test",
      name: "Forgetful",
      role: "editor",
      password: "the old password",
    });
    const request = withCookie(await startSession(user.id, new Request("http://localhost/")));
    const token = await users.passwordResetLink(user.id, admin);
    expect(await users.authenticate("forgetful@users.test", "the old password")).not.toBeNull();
    expect(await users.findInvite(token)).toMatchObject({ id: user.id, joining: false });
    expect((await users.listUsers()).find((u) => u.id === user.id)).toMatchObject({
      invitePending: false,
      resetPending: true,
    });
    await users.acceptInvite(token, "the new password");
    expect(await users.authenticate("forgetful@users.test", "the old password")).toBeNull();
    expect(await users.authenticate("forgetful@users.test", "the new password")).not.toBeNull();
    expect(await getUser(request)).toBeNull();
    await expect(users.acceptInvite(token, "a third password")).rejects.toThrow(/already used/);
  });
});
