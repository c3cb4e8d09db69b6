import type * as crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

// Counts the password hashing work, to show every sign-in does the same amount of it.
vi.mock("node:crypto", async (original) => {
  const actual = await original<typeof crypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

await useFreshDatabase();
const { action } = await import("./login");
const { SIGN_IN_LIMITS } = await import("../auth/login.server");
const users = await import("../auth/users.server");
const { db } = await import("../db/client.server");
const { scrypt } = await import("node:crypto");

const PASSWORD = "the right password";
let admin: Awaited<ReturnType<typeof users.createUser>>;

beforeAll(async () => {
  admin = await users.createUser({
    email: "admin@login.test",
    name: "Admin",
    role: "admin",
    password: PASSWORD,
  });
  for (const name of ["victim", "timing", "giant", "owner", "sprayed", "known"]) {
    await users.createUser({ email: `${name}@login.test`, name, role: "editor", password: PASSWORD });
  }
});

/** Runs the real sign-in action, as server.js would call it, and returns its status. */
async function postLogin(
  fields: Record<string, string>,
  address = "198.51.100.1",
): Promise<{ status: number; location: string | null; error?: string }> {
  const request = new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  const result = (await action(routeArgs(request, {}, { clientAddress: address }))) as unknown;
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
  const { data, init } = result as { data: { error: string }; init: { status: number } };
  return { status: init.status, location: null, error: data.error };
}

describe("sign-in under a burst of guesses", () => {
  it("counts 40 parallel wrong passwords in full, and refuses the right one sent in the middle", async () => {
    const guesses = Array.from({ length: 41 }, (_, i) => ({
      email: "victim@login.test",
      password: i === 20 ? PASSWORD : `wrong guess ${i}`,
    }));
    const statuses = (await Promise.all(guesses.map((g) => postLogin(g, "203.0.113.40")))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses[20]).toBe(429);
    expect(statuses.filter((s) => s === 429)).toHaveLength(36);
    // And afterwards too, from that address.
    const again = await postLogin({ email: "victim@login.test", password: PASSWORD }, "203.0.113.40");
    expect(again.status).toBe(429);
    expect(again.error).toBe(
      "Too many failed sign-ins from your address. Wait 15 minutes and try again, or ask an administrator.",
    );
  });

  it("lets the owner in before the limit, which forgets the failures", async () => {
    for (let i = 0; i < 4; i++)
      expect((await postLogin({ email: "admin@login.test", password: "nope" })).status).toBe(401);
    const signedIn = await postLogin({
      email: "Admin@Login.test",
      password: PASSWORD,
      next: "/\t/evil.example/landing",
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/");
    for (let i = 0; i < 5; i++)
      expect((await postLogin({ email: "admin@login.test", password: "nope" })).status).toBe(401);
    expect((await postLogin({ email: "admin@login.test", password: PASSWORD })).status).toBe(429);
    expect(admin.id).toBeGreaterThan(0);
  });
});

describe("a stranger's failures do not lock the owner out", () => {
  it("pauses the stranger's address on the account, while the owner signs in from theirs", async () => {
    const stranger = "203.0.113.66";
    for (let i = 0; i < 5; i++)
      expect((await postLogin({ email: "owner@login.test", password: `guess ${i}` }, stranger)).status).toBe(
        401,
      );
    expect((await postLogin({ email: "owner@login.test", password: PASSWORD }, stranger)).status).toBe(429);
    const owner = await postLogin({ email: "Owner@login.test", password: PASSWORD }, "198.51.100.77");
    expect(owner.status).toBe(302);
    // The owner signing in lifts nothing for the stranger.
    expect((await postLogin({ email: "owner@login.test", password: "guess 6" }, stranger)).status).toBe(429);
  });

  it("pauses the account everywhere once guesses from many addresses pass the account's limit", async () => {
    const { account, accountFromAddress } = SIGN_IN_LIMITS;
    const addresses = Math.ceil(account / accountFromAddress);
    const statuses: number[] = [];
    for (let a = 0; a < addresses; a++)
      for (let i = 0; i < accountFromAddress; i++) {
        const guess = { email: "sprayed@login.test", password: `guess ${a}-${i}` };
        statuses.push((await postLogin(guess, `10.1.${a}.1`)).status);
      }
    expect(statuses.filter((s) => s === 401)).toHaveLength(account);
    const owner = await postLogin({ email: "sprayed@login.test", password: PASSWORD }, "198.51.100.78");
    expect(owner.status).toBe(429);
    expect(owner.error).toBe(
      "Too many failed sign-ins to this account from many addresses. Wait 15 minutes and try again, or ask an administrator for a password link.",
    );
    // Other accounts are unaffected.
    expect(
      (await postLogin({ email: "timing@login.test", password: PASSWORD }, "198.51.100.78")).status,
    ).toBe(302);
  });

  it("lets the owner in from an address they signed in from before, through the account-wide pause", async () => {
    const home = "203.0.113.90";
    expect((await postLogin({ email: "known@login.test", password: PASSWORD }, home)).status).toBe(302);
    const { account, accountFromAddress } = SIGN_IN_LIMITS;
    for (let a = 0; a < Math.ceil(account / accountFromAddress); a++)
      for (let i = 0; i < accountFromAddress; i++)
        await postLogin({ email: "known@login.test", password: `guess ${a}-${i}` }, `10.2.${a}.1`);
    // Paused for every new address…
    expect((await postLogin({ email: "known@login.test", password: PASSWORD }, "198.51.100.79")).status).toBe(
      429,
    );
    // …but not for the owner's own, where its own limits still apply: five wrong guesses pause it.
    expect((await postLogin({ email: "known@login.test", password: PASSWORD }, home)).status).toBe(302);
    for (let i = 0; i < accountFromAddress; i++)
      expect((await postLogin({ email: "known@login.test", password: `wrong ${i}` }, home)).status).toBe(401);
    expect((await postLogin({ email: "known@login.test", password: PASSWORD }, home)).status).toBe(429);
  });

  it("pauses an address spraying many accounts, storing a bounded number of counts for it", async () => {
    const rows = async () =>
      Number(
        (
          await db().$queryRaw<[{ n: number | bigint }]>`
      SELECT COUNT(*) AS n FROM "AttemptWindow"`
        )[0].n,
      );
    const before = await rows();
    const statuses: number[] = [];
    for (let i = 0; i < 2 * SIGN_IN_LIMITS.address; i++)
      statuses.push(
        (await postLogin({ email: `nobody${i}@login.test`, password: "x" }, "192.0.2.200")).status,
      );
    expect(statuses.slice(0, SIGN_IN_LIMITS.address).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(SIGN_IN_LIMITS.address).every((s) => s === 429)).toBe(true);
    // A refused attempt stores nothing: one count for the address, and two per account it tried.
    expect(await rows()).toBe(before + 1 + 2 * SIGN_IN_LIMITS.address);
  });
});

describe("bounded inputs", () => {
  it("refuses an e-mail over 254 characters and an over-long password with 400, before any hashing", async () => {
    vi.mocked(scrypt).mockClear();
    const giant = await postLogin({ email: `${"x".repeat(7_500_000)}@login.test`, password: "whatever" });
    expect(giant.status).toBe(400);
    expect(giant.error).toMatch(/at most 254 characters/);
    const longPassword = await postLogin({ email: "giant@login.test", password: "p".repeat(1001) });
    expect(longPassword.status).toBe(400);
    expect(vi.mocked(scrypt)).not.toHaveBeenCalled();
  });
});

describe("sign-in timing", () => {
  it("does the same hashing for an account, a pending invitation and an unknown address", async () => {
    await users.inviteUser(
      { email: "pending@login.test", name: "Pending", role: "viewer" },
      { id: admin.id, email: admin.email, name: admin.name, role: "admin" },
    );
    const hashesFor = async (email: string) => {
      vi.mocked(scrypt).mockClear();
      expect((await postLogin({ email, password: "not it" }, `192.0.2.${email.length}`)).status).toBe(401);
      return vi.mocked(scrypt).mock.calls.length;
    };
    expect(await hashesFor("timing@login.test")).toBe(1);
    expect(await hashesFor("pending@login.test")).toBe(1);
    expect(await hashesFor("nobody@login.test")).toBe(1);
  });
});
