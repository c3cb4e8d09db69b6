import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// Moving a workspace from SQLite to PostgreSQL as docs/deploying.md says: `data:export` on the
// SQLite file, `data:import` into an empty PostgreSQL database, each through the real commands.

const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-move-"));
const sqliteUrl = `file:${path.join(dir, "claimdesk.db")}`;
const postgresUrl = await useFreshDatabase();
const exportFile = path.join(dir, "workspace.json");

const run = (script: string, args: string[], databaseUrl: string) =>
  execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CLAIMDESK_SEED: "on" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

describe("moving a workspace from SQLite to PostgreSQL", () => {
  it("carries every row across, and the moved workspace keeps working", async () => {
    // A seeded SQLite workspace, as `npm start` leaves it, with one more account.
    run(
      "scripts/user-create.ts",
      ["--email", "ed@move.test", "--name", "Ed", "--role", "editor", "--password", "a long password"],
      sqliteUrl,
    );
    const start = path.join(dir, "start.mts");
    writeFileSync(
      start,
      `await (await import(${JSON.stringify(path.resolve("app/startup/prepare.server.ts"))})).prepareDatabase();`,
    );
    run(start, [], sqliteUrl);
    run("scripts/data-export.ts", [exportFile], sqliteUrl);
    const exported = JSON.parse(readFileSync(exportFile, "utf8"));
    expect(exported.articles).toHaveLength(1);
    // SQLite keeps a NUL typed into a rationale or a change note, and publishing wrote it into the
    // snapshot as an escape that PostgreSQL's JSON refuses: such a workspace must move all the same.
    const latest = exported.publications.at(-1);
    const snapshot = JSON.parse(latest.snapshot);
    snapshot.changeNote = `Typed\u0000 with a NUL. ${snapshot.changeNote}`;
    snapshot.claims[0].rationale = `Half a pair \ud83d and a NUL\u0000. ${snapshot.claims[0].rationale}`;
    latest.snapshot = JSON.stringify(snapshot);
    expect(latest.snapshot).toContain("\\u0000");
    writeFileSync(exportFile, JSON.stringify(exported));

    const output = run("scripts/data-import.ts", [exportFile], postgresUrl);
    expect(output).toContain("into the PostgreSQL database");
    expect(output).toContain("ed@move.test");

    const { db } = await import("../db/client.server");
    expect(await db().article.count()).toBe(exported.articles.length);
    expect(await db().claim.count()).toBe(exported.claims.length);
    expect(await db().evidence.count()).toBe(exported.evidence.length);
    expect(await db().publication.count()).toBe(exported.publications.length);
    // The import leaves the planner its statistics (ANALYZE) and the search indexes merged
    // (VACUUM), instead of whole-table reads until autovacuum comes round.
    const [planned] = await db().$queryRaw<Array<{ columns: bigint; tuples: number }>>`
      SELECT (SELECT COUNT(*) FROM pg_stats WHERE tablename = 'Claim') AS columns,
        (SELECT reltuples FROM pg_class WHERE relname = 'Claim') AS tuples`;
    expect(Number(planned!.columns)).toBeGreaterThan(5);
    expect(planned!.tuples).toBe(exported.claims.length);
    // New rows get new ids: the restore moved PostgreSQL's sequences past the ids it gave.
    const { importArticle } = await import("../newsroom/articles.server");
    const editor = await db().user.findUniqueOrThrow({ where: { email: "ed@move.test" } });
    const { id } = await importArticle(
      {
        title: "After the move",
        source: "Acme sold 4 million chips in 2025.",
        format: "markdown",
        outlet: "",
        author: "",
        sourceUrl: "",
        originalDate: "",
      },
      editor.id,
    );
    expect(id).toBeGreaterThan(Math.max(...exported.articles.map((a: { id: number }) => a.id)));
    const { publishedPage } = await import("../publishing/publications.server");
    const page = (await publishedPage("alibaba-ai-chip"))?.body;
    expect(page).toContain("Alibaba");
    expect(page).toContain("Typed with a NUL.");
    expect(page).toContain("Half a pair  and a NUL.");
  }, 120_000);
});
