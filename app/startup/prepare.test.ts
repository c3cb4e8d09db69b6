import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runProbe } from "../db/testing.server";

// Servers started together on one new SQLite file (CLAIMDESK_PROCESSES, or a restart of several
// services): when any of them is ready to serve, the seed fact-check must already be published.
describe("preparing a SQLite database", () => {
  it("lets three servers start on one new file at once: one seeds, the others wait until it is done", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-start-"));
    const file = path.join(dir, "claimdesk.db");
    const probe = path.join(dir, "start.mts");
    const startAt = Date.now() + 4000;
    writeFileSync(
      probe,
      `const { prepareDatabase } = await import(${JSON.stringify(path.resolve("app/startup/prepare.server.ts"))});
       const { db } = await import(${JSON.stringify(path.resolve("app/db/client.server.ts"))});
       await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));
       const prepared = await prepareDatabase();
       // What a server that starts listening now would serve.
       const publications = await db().publication.count();
       console.log(JSON.stringify({ ...prepared, publications }));
       process.exit(0);`,
    );
    const start = () =>
      runProbe<{ migrations: string[]; seeded: boolean; publications: number }>(probe, {
        DATABASE_URL: `file:${file}`,
        CLAIMDESK_SEED: "on",
      });
    const started = await Promise.all([start(), start(), start()]);
    expect(started.filter((s) => s.seeded)).toHaveLength(1);
    // The seed fact-check's two versions (seed.server.ts), written once between the three.
    expect(started.map((s) => s.publications)).toEqual([2, 2, 2]);
  }, 90_000);
});
