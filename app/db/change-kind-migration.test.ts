import { readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { migrate } from "./migrate.server";
import { sqliteBefore } from "./testing.server";
import { CHANGE_KIND_ROWS, CHANGE_KINDS_EXPECTED, PAGES_EXPECTED } from "./change-kind-migration.fixture";

// The migration that gives each publication its change kind reads it from the snapshot of every
// version published before it: the banner said "Updated" from the snapshot, and so must the log.
it("backfills each publication's change kind from its snapshot, and has later versions' pages rendered again", () => {
  const MIGRATION = "20261129190000_publication_change_kind";
  const file = sqliteBefore(MIGRATION);
  const applyLater = readdirSync(path.resolve("prisma/migrations")).filter(
    (name) => /^\d{14}_/.test(name) && name >= MIGRATION,
  );

  const db = new Database(file);
  db.exec(
    `INSERT INTO "Article" (id, slug, title, markdown, updatedAt) VALUES (1, 'a', 'A', 'x', CURRENT_TIMESTAMP)`,
  );
  const publication = db.prepare(
    `INSERT INTO "Publication" (id, articleId, number, snapshot, page, archivedPage) VALUES (?, 1, ?, ?, 'stored', 'archived')`,
  );
  for (const row of CHANGE_KIND_ROWS) publication.run(row.number, row.number, row.snapshot);
  db.close();

  expect(migrate(file, path.resolve("prisma/migrations"))).toEqual(applyLater.sort());
  const after = new Database(file, { readonly: true });
  const rows = after
    .prepare(`SELECT changeKind, page, archivedPage FROM "Publication" ORDER BY id`)
    .all() as Array<{ changeKind: string; page: string; archivedPage: string }>;
  after.close();
  expect(rows.map((r) => r.changeKind)).toEqual(CHANGE_KINDS_EXPECTED);
  expect(rows.map((r) => r.page)).toEqual(PAGES_EXPECTED);
  expect(rows.every((r) => r.archivedPage === "archived")).toBe(true);
});
