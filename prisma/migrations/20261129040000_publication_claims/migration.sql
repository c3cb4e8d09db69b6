-- Which claims each publication includes, so an embed finds a claim's publications by a column
-- instead of searching every snapshot's text for its id (issue 17).

-- CreateTable
CREATE TABLE "PublicationClaim" (
    "claimId" INTEGER NOT NULL,
    "publicationId" INTEGER NOT NULL,
    CONSTRAINT "PublicationClaim_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicationClaim_claimId_publicationId_key" ON "PublicationClaim"("claimId", "publicationId");

-- Existing publications: one row per claim of each snapshot.
INSERT INTO "PublicationClaim" ("claimId", "publicationId")
SELECT DISTINCT json_extract(claim.value, '$.id'), p."id"
FROM "Publication" p, json_each(p."snapshot", '$.claims') claim
ORDER BY p."id", json_extract(claim.value, '$.id');
