-- An exercise can be made from an educator's own article, never published (issue 16, item 2):
-- "publicationId" becomes optional and "snapshot" holds the private article with its answer key.
--
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt. Migrations run with foreign
-- keys on and inside a transaction (where they cannot be turned off), and dropping "Exercise"
-- deletes the rows that cascade from it: the submissions and co-teachers are kept aside first
-- and put back, ids and all.

CREATE TEMP TABLE "keep_Submission" AS SELECT * FROM "Submission";
CREATE TEMP TABLE "keep_ExerciseTeacher" AS SELECT * FROM "ExerciseTeacher";

-- RedefineTable
CREATE TABLE "new_Exercise" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "publicationId" INTEGER,
    "snapshot" TEXT,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "mode" TEXT NOT NULL DEFAULT 'article',
    "claimIds" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Exercise_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Exercise" ("id", "code", "publicationId", "title", "instructions", "mode", "claimIds", "status", "createdById", "createdAt")
SELECT "id", "code", "publicationId", "title", "instructions", "mode", "claimIds", "status", "createdById", "createdAt" FROM "Exercise";
DROP TABLE "Exercise";
ALTER TABLE "new_Exercise" RENAME TO "Exercise";
CREATE UNIQUE INDEX "Exercise_code_key" ON "Exercise"("code");

DELETE FROM "Submission";
DELETE FROM "ExerciseTeacher";
INSERT INTO "Submission" SELECT * FROM "keep_Submission";
INSERT INTO "ExerciseTeacher" SELECT * FROM "keep_ExerciseTeacher";
DROP TABLE "keep_Submission";
DROP TABLE "keep_ExerciseTeacher";
