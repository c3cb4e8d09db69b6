import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runProbe, useFreshDatabase } from "./testing.server";
import { boundedKey } from "../utils/limits.server";

await useFreshDatabase();
const { allow, createAttemptLimiter } = await import("./attempts.server");
const { db } = await import("./client.server");

const MINUTE = 60_000;
const account = (key: string) => ({ key, limit: 5, windowMs: 15 * MINUTE });
let namespaces = 0;
const freshLimiter = () => createAttemptLimiter(`test-${++namespaces}`);
const reserveTimes = async (n: number, reserve: () => Promise<boolean>) => {
  const results: boolean[] = [];
  for (let i = 0; i < n; i++) results.push(await reserve());
  return results;
};

describe("attempt limits counted in the database", () => {
  it("counts up to the limit in a window, then refuses until the window ends", async () => {
    const limiter = freshLimiter();
    const tries = await reserveTimes(7, () => limiter.reserve([account("a")], 1000));
    expect(tries).toEqual([true, true, true, true, true, false, false]);
    expect(await limiter.reserve([account("a")], 1000 + 15 * MINUTE)).toBe(true);
  });

  it("reserves on every key or on none", async () => {
    const limiter = freshLimiter();
    const address = { key: "address", limit: 2, windowMs: MINUTE };
    expect(await limiter.reserve([account("x"), address], 0)).toBe(true);
    expect(await limiter.reserve([account("y"), address], 0)).toBe(true);
    // The address is used up: the third account must not be charged for a refused attempt.
    expect(await limiter.reserve([account("z"), address], 0)).toBe(false);
    expect(await reserveTimes(6, () => limiter.reserve([account("z")], 0))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it("release gives one use back and reset forgets the key", async () => {
    const limiter = freshLimiter();
    await reserveTimes(5, () => limiter.reserve([account("a")], 0));
    expect(await limiter.reserve([account("a")], 0)).toBe(false);
    await limiter.release(account("a"), 0);
    expect(await limiter.reserve([account("a")], 0)).toBe(true);
    expect(await limiter.reserve([account("a")], 0)).toBe(false);
    await limiter.reset("a");
    expect(await limiter.reserve([account("a")], 0)).toBe(true);
  });

  it("counts every reservation of a parallel burst: 40 at once, only 5 pass", async () => {
    const limiter = freshLimiter();
    const results = await Promise.all(Array.from({ length: 40 }, () => limiter.reserve([account("victim")])));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it("never lifts a lock-out, however many junk keys arrive, and prunes only ended windows", async () => {
    const limiter = freshLimiter();
    const now = Date.now();
    await reserveTimes(5, () => limiter.reserve([account("locked")], now));
    await Promise.all(Array.from({ length: 500 }, (_, i) => limiter.reserve([account(`junk-${i}`)], now)));
    expect(await limiter.reserve([account("locked")], now + 1)).toBe(false);
    // A short window that has ended is pruned by the next reservation (pruning runs once a minute).
    await createAttemptLimiter("short").reserve([{ key: "k", limit: 1, windowMs: 10 }], now);
    await freshLimiter().reserve([account("later")], now + 2 * MINUTE);
    const keys = await db().$queryRaw<Array<{ key: string }>>`SELECT "key" FROM "AttemptWindow"`;
    expect(keys.some((k) => k.key === "short:k")).toBe(false);
    expect(keys.some((k) => k.key.endsWith(":locked"))).toBe(true);
  });

  it("stores long keys as a fixed-size hash", async () => {
    const huge = `login:account:${"x".repeat(7_500_000)}`;
    expect(boundedKey(huge).length).toBeLessThan(100);
    expect(boundedKey(huge)).toBe(boundedKey(huge));
    expect(boundedKey(`${huge}y`)).not.toBe(boundedKey(huge));
    expect(boundedKey("login:address:127.0.0.1")).toBe("login:address:127.0.0.1");
    const limiter = freshLimiter();
    expect(await limiter.reserve([account(huge)])).toBe(true);
  });

  it("counts a key with NULs typed in against the same window, short or hashed", async () => {
    const limiter = freshLimiter();
    for (const name of ["ann@x.test", `${"a".repeat(250)}@x.test`]) {
      const once = { key: `account:${name}`, limit: 1, windowMs: MINUTE };
      expect(await limiter.reserve([once])).toBe(true);
      const withNuls = { ...once, key: `account:\u0000${name.replace("@", "\u0000@\u0000")}` };
      expect(await limiter.reserve([withNuls])).toBe(false);
    }
  });

  it("lets a classroom burst through, then refuses until the window passes", async () => {
    const key = `test:${Math.random()}`;
    const results = await reserveTimes(12, () => allow(key, 10, 1000, 5000));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await allow(key, 10, 1000, 6001)).toBe(true);
  });

  it("is shared by separate processes on one database: 3 processes × 10 attempts, 5 pass", async () => {
    const probe = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-probe-")), "probe.mts");
    writeFileSync(
      probe,
      `const { createAttemptLimiter } = await import(${JSON.stringify(path.resolve("app/db/attempts.server.ts"))});
       const limiter = createAttemptLimiter("shared");
       let passed = 0;
       for (let i = 0; i < 10; i++) if (await limiter.reserve([{ key: "k", limit: 5, windowMs: 600000 }])) passed++;
       console.log(passed);`,
    );
    const run = () => runProbe<number>(probe, {});
    const passed = await Promise.all([run(), run(), run()]);
    expect(passed.reduce((a, b) => a + b, 0)).toBe(5);
  });
});
