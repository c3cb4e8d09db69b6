-- Classroom for real schools (issue 16): co-teachers of an exercise, one submission per device
-- per exercise (a device token kept in a cookie, stored hashed), and answers that become final
-- once the student has seen the fact-check. The same change as SQLite's migration of this name.

-- CreateTable
CREATE TABLE "ExerciseTeacher" (
    "exerciseId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL
);

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "deviceHash" TEXT,
ADD COLUMN "revealedAt" TIMESTAMP(3);

-- Answers sent before this version saw the fact-check at once.
UPDATE "Submission" SET "revealedAt" = "createdAt";

-- CreateIndex
CREATE UNIQUE INDEX "ExerciseTeacher_exerciseId_userId_key" ON "ExerciseTeacher"("exerciseId", "userId");

-- CreateIndex
CREATE INDEX "ExerciseTeacher_userId_idx" ON "ExerciseTeacher"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_exerciseId_deviceHash_key" ON "Submission"("exerciseId", "deviceHash");

-- AddForeignKey
ALTER TABLE "ExerciseTeacher" ADD CONSTRAINT "ExerciseTeacher_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExerciseTeacher" ADD CONSTRAINT "ExerciseTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
