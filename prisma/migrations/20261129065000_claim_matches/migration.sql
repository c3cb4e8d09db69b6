-- Editors' decisions on suggested earlier claims (app/matching).
CREATE TABLE "ClaimMatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" INTEGER,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimMatch_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimMatch_otherId_fkey" FOREIGN KEY ("otherId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ClaimMatch_claimId_otherId_key" ON "ClaimMatch"("claimId", "otherId");
CREATE INDEX "ClaimMatch_otherId_idx" ON "ClaimMatch"("otherId");
