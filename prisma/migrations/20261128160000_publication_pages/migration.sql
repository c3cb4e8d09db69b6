-- AlterTable
ALTER TABLE "Publication" ADD COLUMN "page" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Publication" ADD COLUMN "archivedPage" TEXT NOT NULL DEFAULT '';
