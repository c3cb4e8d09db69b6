-- The teacher's rubric mark (Beginning / Emerging / Mastery) and comment on a student's reasoning (issue 16).

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "rubric" TEXT,
ADD COLUMN "rubricComment" TEXT NOT NULL DEFAULT '';
