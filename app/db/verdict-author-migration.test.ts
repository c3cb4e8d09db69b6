import { readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { migrate } from "./migrate.server";
import { sqliteBefore } from "./testing.server";

// The migration that records a verdict's author takes it, for existing claims, from the last
// editor: the best record there was. Claims without a verdict or rationale have no author.
it("backfills the verdict author from the last editor of claims that have a judgement", () => {
  const MIGRATION = "20261129010000_claim_verdict_author";
  // The database as it was before this migration: later ones may depend on its column.
  const file = sqliteBefore(MIGRATION);
  const applyLater = readdirSync(path.resolve("prisma/migrations")).filter(
    (name) => /^\d{14}_/.test(name) && name >= MIGRATION,
  );

  const db = new Database(file);
  db.exec(
    `INSERT INTO "Article" (id, slug, title, markdown, updatedAt) VALUES (1, 'a', 'A', 'x', CURRENT_TIMESTAMP)`,
  );
  const claim = db.prepare(
    `INSERT INTO "Claim" (id, articleId, start, "end", quote, verdict, rationale, lastEditorId, updatedAt) VALUES (?, 1, 0, 1, 'x', ?, ?, ?, CURRENT_TIMESTAMP)`,
  );
  claim.run(1, "accurate", "Checked.", 7);
  claim.run(2, null, "Draft reasoning.", 8);
  claim.run(3, null, "", 9);
  db.close();

  expect(migrate(file, path.resolve("prisma/migrations"))).toEqual(applyLater.sort());
  const after = new Database(file, { readonly: true });
  expect(after.prepare(`SELECT id, verdictById FROM "Claim" ORDER BY id`).all()).toEqual([
    { id: 1, verdictById: 7 },
    { id: 2, verdictById: 8 },
    { id: 3, verdictById: null },
  ]);
  after.close();
});
