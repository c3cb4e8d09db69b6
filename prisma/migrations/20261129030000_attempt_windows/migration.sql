-- Attempt limits counted in the database (issue 12): sign-in throttling and public-link limits
-- hold across several server processes. "resetAt" is milliseconds since the epoch.

-- CreateTable
CREATE TABLE "AttemptWindow" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "resetAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "AttemptWindow_resetAt_idx" ON "AttemptWindow"("resetAt");
