-- Forms handled once per submission (issue 15): a replayed form gets the first answer.

-- CreateTable
CREATE TABLE "SubmissionToken" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "location" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SubmissionToken_createdAt_idx" ON "SubmissionToken"("createdAt");
