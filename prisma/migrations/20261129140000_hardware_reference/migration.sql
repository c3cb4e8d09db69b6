-- Reference figures for ML hardware (issue 14): the claim page's spec checker. Rows are loaded
-- from fixtures/ml-hardware.csv into the empty table at start-up (app/reference/load.server.ts).

-- CreateTable
CREATE TABLE "HardwareReference" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '',
    "manufacturer" TEXT NOT NULL DEFAULT '',
    "int8Tops" REAL,
    "fp16Tflops" REAL,
    "memoryGb" REAL,
    "bandwidthGbs" REAL,
    "tdpWatts" REAL,
    "processNm" REAL,
    "foundry" TEXT NOT NULL DEFAULT '',
    "releaseDate" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "sourceName" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateIndex
CREATE UNIQUE INDEX "HardwareReference_name_key" ON "HardwareReference"("name");
