import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { migrate } from "./migrate.server";

// The migration that indexes published claims fills the index for publications made before it,
// from their snapshots: one row per claim, whatever else the snapshot's text holds.
it("backfills one row per claim of every existing publication's snapshot", () => {
  const MIGRATION = "20261129040000_publication_claims";
  const before = mkdtempSync(path.join(tmpdir(), "claimdesk-migrations-"));
  cpSync(path.resolve("prisma/migrations"), before, { recursive: true });
  rmSync(path.join(before, MIGRATION), { recursive: true });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-backfill-")), "db.sqlite");
  migrate(file, before);

  const db = new Database(file);
  db.exec(
    `INSERT INTO "Article" (id, slug, title, markdown, updatedAt) VALUES (1, 'a', 'A', 'x', CURRENT_TIMESTAMP), (2, 'b', 'B', 'y', CURRENT_TIMESTAMP)`,
  );
  const snapshot = (ids: number[]) =>
    JSON.stringify({
      schema: "claimdesk.publication/1",
      // Text that looks like a claim id must not count: only the claims' own ids do.
      changeNote: '"id":99,',
      claims: ids.map((id, i) => ({ id, number: i + 1, rationale: `"id":${id + 1000},` })),
    });
  const publication = db.prepare(
    `INSERT INTO "Publication" (id, articleId, number, snapshot) VALUES (?, ?, ?, ?)`,
  );
  publication.run(1, 1, 1, snapshot([7, 3]));
  publication.run(2, 1, 2, snapshot([3]));
  publication.run(3, 2, 1, snapshot([]));
  db.close();

  expect(migrate(file, path.resolve("prisma/migrations"))).toEqual([MIGRATION]);
  const after = new Database(file, { readonly: true });
  expect(
    after
      .prepare(`SELECT claimId, publicationId FROM "PublicationClaim" ORDER BY publicationId, claimId`)
      .all(),
  ).toEqual([
    { claimId: 3, publicationId: 1 },
    { claimId: 7, publicationId: 1 },
    { claimId: 3, publicationId: 2 },
  ]);
  after.close();
});
