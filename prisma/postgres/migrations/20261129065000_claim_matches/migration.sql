-- Editors' decisions on suggested earlier claims (app/matching).
CREATE TABLE "ClaimMatch" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimMatch_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ClaimMatch_claimId_otherId_key" ON "ClaimMatch"("claimId", "otherId");
CREATE INDEX "ClaimMatch_otherId_idx" ON "ClaimMatch"("otherId");
ALTER TABLE "ClaimMatch" ADD CONSTRAINT "ClaimMatch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ClaimMatch" ADD CONSTRAINT "ClaimMatch_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
