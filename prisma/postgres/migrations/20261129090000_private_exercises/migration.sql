-- An exercise can be made from an educator's own article, never published (issue 16, item 2):
-- "publicationId" becomes optional and "snapshot" holds the private article with its answer key.

-- AlterTable
ALTER TABLE "Exercise" ADD COLUMN "snapshot" TEXT,
ALTER COLUMN "publicationId" DROP NOT NULL;
