import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.server";
import { sqliteBefore } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/migrations");
const REBUILD = "20261129090000_private_exercises";

describe(`SQLite migration ${REBUILD}`, () => {
  it("rebuilds Exercise without losing an answer, a co-teacher, an id or a foreign key", () => {
    const file = sqliteBefore(REBUILD);
    const db = new Database(file);
    db.exec(`
      INSERT INTO "User" ("id", "email", "name", "role", "passwordHash") VALUES (7, 't@x.test', 'T', 'educator', '');
      INSERT INTO "Article" ("id", "slug", "title", "markdown", "createdAt", "updatedAt")
        VALUES (3, 'a', 'A', 'Text.', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
      INSERT INTO "Publication" ("id", "articleId", "number", "snapshot", "page", "archivedPage")
        VALUES (5, 3, 1, '{}', '', '');
      INSERT INTO "Exercise" ("id", "code", "publicationId", "title", "createdById") VALUES (11, 'ABCDEFGHJK', 5, 'E', 7);
      INSERT INTO "Submission" ("id", "exerciseId", "tokenHash", "displayName", "answers", "deviceHash", "rubric")
        VALUES (21, 11, 'h1', 'Ada', '[]', 'd1', 'mastery'), (22, 11, 'h2', 'Ben', '[]', NULL, NULL);
      INSERT INTO "ExerciseTeacher" ("exerciseId", "userId") VALUES (11, 7);
    `);
    db.close();

    expect(migrate(file, MIGRATIONS)[0]).toBe(REBUILD);
    const after = new Database(file);
    after.pragma("foreign_keys = ON");
    expect(after.prepare(`SELECT "id", "publicationId", "snapshot", "code" FROM "Exercise"`).all()).toEqual([
      { id: 11, publicationId: 5, snapshot: null, code: "ABCDEFGHJK" },
    ]);
    expect(
      after
        .prepare(`SELECT "id", "displayName", "deviceHash", "rubric" FROM "Submission" ORDER BY "id"`)
        .all(),
    ).toEqual([
      { id: 21, displayName: "Ada", deviceHash: "d1", rubric: "mastery" },
      { id: 22, displayName: "Ben", deviceHash: null, rubric: null },
    ]);
    expect(after.prepare(`SELECT * FROM "ExerciseTeacher"`).all()).toEqual([{ exerciseId: 11, userId: 7 }]);
    expect(after.pragma("foreign_key_check")).toEqual([]);
    // The cascade still runs from the rebuilt table, and a private exercise needs no publication.
    after.exec(
      `INSERT INTO "Exercise" ("id", "code", "snapshot", "title") VALUES (12, 'BCDEFGHJKM', '{}', 'Own')`,
    );
    after.exec(`DELETE FROM "Exercise" WHERE "id" = 11`);
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "Submission"`).get()).toEqual({ n: 0 });
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "ExerciseTeacher"`).get()).toEqual({ n: 0 });
    after.close();
  });
});
