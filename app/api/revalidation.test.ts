import { describe, expect, it, vi } from "vitest";
import { databaseKind } from "../utils/config.server";
import { useFreshDatabase } from "../db/testing.server";

// Two server processes are two module instances: each has its own process mark.
await useFreshDatabase();
const here = await import("./revalidation.server");
vi.resetModules();
const elsewhere = await import("./revalidation.server");

/**
 * The tags both processes give one reader for one address at one moment. PostgreSQL's counter
 * is the cluster's, which other test files move meanwhile: asked again until nothing committed
 * between the first and the last tag.
 */
async function tagsOfBothProcesses() {
  for (let tries = 0; tries < 50; tries++) {
    const first = await here.answerTag("7", "/api/v1/claims");
    const other = await elsewhere.answerTag("7", "/api/v1/claims");
    if ((await here.answerTag("7", "/api/v1/claims")) === first) return { first, other };
  }
  throw new Error("The database kept changing for 50 tries.");
}

describe("ETags across server processes", () => {
  it("are shared by every process of a release on PostgreSQL, and each process's own on SQLite", async () => {
    const { first, other } = await tagsOfBothProcesses();
    if (databaseKind() === "postgres") expect(other).toBe(first);
    // SQLite's counter is each connection's own count: equal numbers can mean different states.
    else expect(other).not.toBe(first);
  });
});
