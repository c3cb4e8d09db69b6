-- Comments on claims with @name mentions (issue 15).

-- CreateTable
CREATE TABLE "ClaimComment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimComment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimMention" (
    "commentId" INTEGER NOT NULL,
    "claimId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    CONSTRAINT "ClaimMention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ClaimComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClaimComment_claimId_id_idx" ON "ClaimComment"("claimId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimMention_commentId_userId_key" ON "ClaimMention"("commentId", "userId");

-- CreateIndex
CREATE INDEX "ClaimMention_userId_claimId_idx" ON "ClaimMention"("userId", "claimId");
