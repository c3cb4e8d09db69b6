import { describe, expect, it } from "vitest";
import { boundedCache } from "./bounded-cache";

describe("a bounded cache", () => {
  it("keeps at most its entries, the least recently used leaving first", () => {
    const cache = boundedCache<string, number>({ entries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it("keeps the total weight within its budget and never keeps a value heavier than it", () => {
    const cache = boundedCache<string, string>({ entries: 10, budget: 10, weigh: (v) => v.length });
    cache.set("a", "xxxx");
    cache.set("b", "yyyy");
    cache.set("c", "zzzz");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, "yyyy", "zzzz"]);
    expect(cache.weight).toBe(8);
    cache.set("huge", "w".repeat(11));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.weight).toBe(8);
    cache.set("b", "y");
    expect(cache.weight).toBe(5);
    expect(cache.keys()).toEqual(["c", "b"]);
    cache.delete("c");
    expect([cache.keys(), cache.weight]).toEqual([["b"], 1]);
  });

  it("loads a missing value once for callers that ask at the same time, and not a failed one", async () => {
    const cache = boundedCache<string, number>({ entries: 4 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 7;
    };
    expect(await Promise.all([cache.getOrLoad("k", load), cache.getOrLoad("k", load)])).toEqual([7, 7]);
    expect(await cache.getOrLoad("k", load)).toBe(7);
    expect(loads).toBe(1);
    await expect(cache.getOrLoad("bad", () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await cache.getOrLoad("bad", async () => 8)).toBe(8);
  });
});
