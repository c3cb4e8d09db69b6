import { describe, expect, it } from "vitest";
import { boundedKey, createMemoryLimiter } from "./limits.server";

const MINUTE = 60_000;
const account = (key: string) => ({ key, limit: 5, windowMs: 15 * MINUTE });

describe("the attempt limiter", () => {
  it("counts up to the limit in a window, then refuses until the window ends", () => {
    const limiter = createMemoryLimiter({ maxEntries: 10 });
    const tries = Array.from({ length: 7 }, () => limiter.reserve([account("a")], 1000));
    expect(tries).toEqual([true, true, true, true, true, false, false]);
    expect(limiter.reserve([account("a")], 1000 + 15 * MINUTE)).toBe(true);
  });

  it("reserves on every key or on none", () => {
    const limiter = createMemoryLimiter({ maxEntries: 10 });
    const address = { key: "address", limit: 2, windowMs: MINUTE };
    expect(limiter.reserve([account("x"), address], 0)).toBe(true);
    expect(limiter.reserve([account("y"), address], 0)).toBe(true);
    // The address is used up: the third account must not be charged for a refused attempt.
    expect(limiter.reserve([account("z"), address], 0)).toBe(false);
    for (let i = 0; i < 5; i++) expect(limiter.reserve([account("z")], 0)).toBe(true);
    expect(limiter.reserve([account("z")], 0)).toBe(false);
  });

  it("release gives one use back and reset forgets the key", () => {
    const limiter = createMemoryLimiter({ maxEntries: 10 });
    for (let i = 0; i < 5; i++) limiter.reserve([account("a")], 0);
    expect(limiter.reserve([account("a")], 0)).toBe(false);
    limiter.release(account("a"), 0);
    expect(limiter.reserve([account("a")], 0)).toBe(true);
    expect(limiter.reserve([account("a")], 0)).toBe(false);
    limiter.reset("a");
    expect(limiter.reserve([account("a")], 0)).toBe(true);
  });

  it("reservations made in one burst are all counted: 40 at once, only 5 pass", async () => {
    const limiter = createMemoryLimiter({ maxEntries: 10 });
    const attempt = async () => {
      const reserved = limiter.reserve([account("victim")]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return reserved;
    };
    const results = await Promise.all(Array.from({ length: 40 }, attempt));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it("holds at most maxEntries keys, dropping expired and then unlocked keys, oldest first", () => {
    const limiter = createMemoryLimiter({ maxEntries: 3 });
    limiter.reserve([account("old")], 0);
    limiter.reserve([{ key: "short", limit: 5, windowMs: 10 }], 0);
    limiter.reserve([account("newer")], 5);
    expect(limiter.size()).toBe(3);
    // "short" has expired: it goes first, and the others keep their counts.
    limiter.reserve([account("fourth")], 20);
    expect(limiter.size()).toBe(3);
    // Then the oldest unlocked key ("old") makes room.
    limiter.reserve([account("fifth")], 30);
    expect(limiter.size()).toBe(3);
    for (let i = 0; i < 4; i++) limiter.reserve([account("newer")], 40);
    expect(limiter.reserve([account("newer")], 40)).toBe(false);
  });

  it("never lifts a lock-out to make room, however many junk keys arrive", () => {
    const limiter = createMemoryLimiter({ maxEntries: 100 });
    for (let i = 0; i < 5; i++) limiter.reserve([account("locked")], 0);
    for (let i = 0; i < 10_000; i++) limiter.reserve([account(`junk-${i}`)], 1);
    expect(limiter.size()).toBeLessThanOrEqual(100);
    expect(limiter.reserve([account("locked")], 2)).toBe(false);
  });

  it("when every key is locked out, refuses new keys (fails closed) until a window ends", () => {
    const limiter = createMemoryLimiter({ maxEntries: 3 });
    for (const key of ["a", "b", "c"]) for (let i = 0; i < 5; i++) limiter.reserve([account(key)], 0);
    expect(limiter.reserve([account("newcomer")], 1)).toBe(false);
    expect(limiter.reserve([account("a")], 1)).toBe(false);
    expect(limiter.size()).toBe(3);
    expect(limiter.reserve([account("newcomer")], 15 * MINUTE)).toBe(true);
  });

  it("stores long keys as a fixed-size hash", () => {
    const huge = `login:account:${"x".repeat(7_500_000)}`;
    expect(boundedKey(huge).length).toBeLessThan(100);
    expect(boundedKey(huge)).toBe(boundedKey(huge));
    expect(boundedKey(`${huge}y`)).not.toBe(boundedKey(huge));
    expect(boundedKey("login:address:127.0.0.1")).toBe("login:address:127.0.0.1");
  });
});
