-- The language an article is written in (BCP 47), detected at import and correctable by editors;
-- articles imported before are "und" (undetermined) until an editor sets it (issue 14).

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'und';
