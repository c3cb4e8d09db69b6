-- An optional due time on an exercise, in the educator's time zone; answers sent after it are
-- kept and marked late, so each submission records when it was last sent (issue 16).

-- AlterTable
ALTER TABLE "Exercise" ADD COLUMN "dueAt" DATETIME;
ALTER TABLE "Exercise" ADD COLUMN "dueZone" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "sentAt" DATETIME;
