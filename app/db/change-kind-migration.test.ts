import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { migrate } from "./migrate.server";
import { CHANGE_KIND_SNAPSHOTS, CHANGE_KINDS_EXPECTED } from "./change-kind-migration.fixture";

// The migration that gives each publication its change kind reads it from the snapshot of every
// version published before it: the banner said "Updated" from the snapshot, and so must the log.
it("backfills each publication's change kind from its snapshot", () => {
  const MIGRATION = "20261129190000_publication_change_kind";
  const before = mkdtempSync(path.join(tmpdir(), "claimdesk-migrations-"));
  cpSync(path.resolve("prisma/migrations"), before, { recursive: true });
  const applyLater = readdirSync(before).filter((name) => /^\d{14}_/.test(name) && name >= MIGRATION);
  for (const name of applyLater) rmSync(path.join(before, name), { recursive: true });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-backfill-")), "db.sqlite");
  migrate(file, before);

  const db = new Database(file);
  db.exec(
    `INSERT INTO "Article" (id, slug, title, markdown, updatedAt) VALUES (1, 'a', 'A', 'x', CURRENT_TIMESTAMP)`,
  );
  const publication = db.prepare(
    `INSERT INTO "Publication" (id, articleId, number, snapshot) VALUES (?, 1, ?, ?)`,
  );
  CHANGE_KIND_SNAPSHOTS.forEach((snapshot, i) => publication.run(i + 1, i + 1, snapshot));
  db.close();

  expect(migrate(file, path.resolve("prisma/migrations"))).toEqual(applyLater.sort());
  const after = new Database(file, { readonly: true });
  const kinds = after.prepare(`SELECT changeKind FROM "Publication" ORDER BY id`).pluck().all();
  after.close();
  expect(kinds).toEqual(CHANGE_KINDS_EXPECTED);
});
