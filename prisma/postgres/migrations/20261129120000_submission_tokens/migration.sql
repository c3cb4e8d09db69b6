-- Forms handled once per submission (issue 15): a replayed form gets the first answer.

-- CreateTable
CREATE TABLE "SubmissionToken" (
    "key" TEXT NOT NULL,
    "location" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SubmissionToken_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SubmissionToken_createdAt_idx" ON "SubmissionToken"("createdAt");
