-- "My queue" counts claims sent back to the person who wrote their verdict: without this index
-- that half of the count read every claim being researched, a cost that grew with the workspace.

-- CreateIndex
CREATE INDEX "Claim_verdictById_status_idx" ON "Claim"("verdictById", "status");
