import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "./testing.server";

// One better-sqlite3 connection serves every request. On a real SQLite file: a write made
// outside a transaction while another request's transaction is open must not become part of
// that transaction (and be undone by its rollback).
const file = await useFreshDatabase();
const { db } = await import("./client.server");

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const user = (email: string) => ({ email, name: email, role: "viewer", passwordHash: "" });

describe("the shared connection", () => {
  it("keeps a write made outside a transaction when another request's transaction rolls back", async () => {
    const wrote = gate();
    const finish = gate();
    const requestA = db().$transaction(async (tx) => {
      await tx.user.create({ data: user("a@conn.test") });
      wrote.open();
      await finish.opened;
      throw new Error("A changes its mind");
    });
    await wrote.opened;
    // Prisma's queries are lazy: then() sends B now, as a request handler awaiting it would.
    const requestB = db()
      .user.create({ data: user("b@conn.test") })
      .then((row) => row);
    // Let B's statement reach the connection if nothing holds it back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish.open();
    await expect(requestA).rejects.toThrow(/changes its mind/);
    await requestB;
    const emails = (await db().user.findMany({ where: { email: { endsWith: "@conn.test" } } })).map(
      (u) => u.email,
    );
    expect(emails).toEqual(["b@conn.test"]);
  });

  it("does not see another request's uncommitted writes", async () => {
    const wrote = gate();
    const finish = gate();
    const requestA = db().$transaction(async (tx) => {
      await tx.user.create({ data: user("draft@conn.test") });
      wrote.open();
      await finish.opened;
      throw new Error("rolled back");
    });
    await wrote.opened;
    const read = db()
      .user.count({ where: { email: "draft@conn.test" } })
      .then((n) => n);
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish.open();
    await expect(requestA).rejects.toThrow();
    expect(await read).toBe(0);
  });

  it("runs a transaction's own queries and nested operations without waiting for itself", async () => {
    const made = await db().$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          slug: "tx-own",
          title: "T",
          markdown: "x",
          claims: { create: [{ start: 0, end: 1, quote: "x" }] },
        },
      });
      return tx.claim.count({ where: { articleId: article.id } });
    });
    expect(made).toBe(1);
    const batch = await db().$transaction([db().user.count(), db().article.count()]);
    expect(batch).toEqual([1, 1]);
    await db().article.create({
      data: {
        slug: "nested-outside",
        title: "N",
        markdown: "y",
        claims: { create: [{ start: 0, end: 1, quote: "y" }] },
      },
    });
    expect(await db().claim.count()).toBe(2);
  });
});

describe("several processes on one file", () => {
  it("a transaction that reads, then writes, waits for another process's write instead of failing", async () => {
    const probe = path.join(path.dirname(file), "writer.mts");
    writeFileSync(
      probe,
      `const { db } = await import(${JSON.stringify(path.resolve("app/db/client.server.ts"))});
       await db().$transaction(async (tx) => {
         await tx.user.create({ data: { email: "other-process@test", name: "Other", role: "viewer", passwordHash: "" } });
       });
       console.log("committed");`,
    );
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 20);
    const writer = await db().$transaction(async (tx) => {
      await tx.user.count();
      // Another server process writes while this transaction is between its read and its write.
      const child = spawn(process.execPath, ["--import", "tsx", probe], { env: process.env });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.stderr.on("data", (chunk) => (out += chunk));
      const finished = new Promise<string>((resolve) => child.on("exit", () => resolve(out)));
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await tx.user.create({ data: user("this-process@test") });
      return { finished };
    });
    clearInterval(ticking);
    expect(await writer.finished).toContain("committed");
    const emails = (await db().user.findMany({ select: { email: true } })).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(["other-process@test", "this-process@test"]));
    // The other process waited without freezing its event loop; this one kept ticking too.
    expect(ticks).toBeGreaterThan(50);
  });
});
