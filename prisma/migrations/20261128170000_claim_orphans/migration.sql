-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "orphanedAt" DATETIME;
ALTER TABLE "Claim" ADD COLUMN "orphanReason" TEXT NOT NULL DEFAULT '';
