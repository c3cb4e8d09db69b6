-- An optional first step for students (SIFT's "investigate the source"): who is behind the
-- article and what they want; the article's outlet and author are shown afterwards (issue 16).

-- AlterTable
ALTER TABLE "Exercise" ADD COLUMN "askSource" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "publisherGuess" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Submission" ADD COLUMN "purposeGuess" TEXT NOT NULL DEFAULT '';
