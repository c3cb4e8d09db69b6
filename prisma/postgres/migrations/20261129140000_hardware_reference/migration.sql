-- Reference figures for ML hardware (issue 14): the claim page's spec checker. Rows are loaded
-- from fixtures/ml-hardware.csv into the empty table at start-up (app/reference/load.server.ts).

-- CreateTable
CREATE TABLE "HardwareReference" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '',
    "manufacturer" TEXT NOT NULL DEFAULT '',
    "int8Tops" DOUBLE PRECISION,
    "fp16Tflops" DOUBLE PRECISION,
    "memoryGb" DOUBLE PRECISION,
    "bandwidthGbs" DOUBLE PRECISION,
    "tdpWatts" DOUBLE PRECISION,
    "processNm" DOUBLE PRECISION,
    "foundry" TEXT NOT NULL DEFAULT '',
    "releaseDate" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "sourceName" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "HardwareReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HardwareReference_name_key" ON "HardwareReference"("name");
