import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "./testing.server";

// Through the app's own client on a real PostgreSQL: its statements arrive named and are kept
// prepared on the connection that ran them.
await useFreshDatabase();
const { db } = await import("./client.server");

describe("the app's PostgreSQL client", () => {
  it("keeps its statements prepared under their names", async () => {
    const seen = await db().$queryRaw<Array<{ name: string }>>`SELECT name FROM pg_prepared_statements`;
    expect(seen.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^claimdesk_/)]));
  });
});
