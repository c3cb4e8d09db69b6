-- Who made a claim, when, and where else it appeared (issue 13): published in ClaimReview's itemReviewed.
ALTER TABLE "Claim" ADD COLUMN "claimant" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Claim" ADD COLUMN "claimantType" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Claim" ADD COLUMN "claimDate" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Claim" ADD COLUMN "appearances" TEXT NOT NULL DEFAULT '[]';
