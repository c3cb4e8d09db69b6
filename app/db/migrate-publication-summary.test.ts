import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.server";
import { sqliteBefore } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/migrations");
const SUMMARY = "20261129112000_publication_summary";

const SNAPSHOT = JSON.stringify({
  article: { title: "Chip “news”", outlet: "Wire" },
  claims: [{ verdict: "unsupported" }, { verdict: "accurate" }, { verdict: "unsupported" }],
});

describe(`SQLite migration ${SUMMARY}`, () => {
  it("fills each existing publication's title, outlet and verdicts (in reading order) from its snapshot", () => {
    const file = sqliteBefore(SUMMARY);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO "Article" ("id", "slug", "title", "markdown", "createdAt", "updatedAt") VALUES (3, 'a', 'A', 'Text.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    ).run();
    db.prepare(
      `INSERT INTO "Publication" ("id", "articleId", "number", "snapshot", "page", "archivedPage") VALUES (5, 3, 1, ?, '', ''), (6, 3, 2, '{"article":{},"claims":[]}', '', '')`,
    ).run(SNAPSHOT);
    db.close();

    expect(migrate(file, MIGRATIONS)).toContain(SUMMARY);
    const after = new Database(file, { readonly: true });
    expect(
      after.prepare(`SELECT "id", "title", "outlet", "verdicts" FROM "Publication" ORDER BY "id"`).all(),
    ).toEqual([
      { id: 5, title: "Chip “news”", outlet: "Wire", verdicts: '["unsupported","accurate","unsupported"]' },
      { id: 6, title: "", outlet: "", verdicts: "[]" },
    ]);
    after.close();
  });
});
